package io.github.camelcec.component.model;

import java.util.Base64;

/** ref §8.1.1: a file the customer sends, base64 in {@code fileStream}. */
public class UploadFileRequest implements CecPayload {

    private String fileType;
    private String fileStream;
    private String channel;

    /** Encodes the bytes for the wire. */
    public static UploadFileRequest of(byte[] content, String fileType) {
        UploadFileRequest r = new UploadFileRequest();
        r.setFileType(fileType);
        r.setFileStream(Base64.getEncoder().encodeToString(content));
        return r;
    }

    public String getFileType() {
        return fileType;
    }

    public void setFileType(String fileType) {
        this.fileType = fileType;
    }

    public String getFileStream() {
        return fileStream;
    }

    public void setFileStream(String fileStream) {
        this.fileStream = fileStream;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    @Override
    public String toString() {
        return "UploadFileRequest[fileType=" + fileType + ", base64Length="
               + (fileStream == null ? 0 : fileStream.length()) + "]";
    }
}
