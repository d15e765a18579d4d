package io.github.camelcec.component.model;

import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** ref §9.1.2: the file, base64 in {@code fileStream}. */
public class DownloadFileResponse extends CecResult {

    private String fileStream;

    public String getFileStream() {
        return fileStream;
    }

    public void setFileStream(String fileStream) {
        this.fileStream = fileStream;
    }

    /** The decoded file; empty when the server sent none. */
    @JsonIgnore
    public byte[] getBytes() {
        return fileStream == null ? new byte[0] : Base64.getMimeDecoder().decode(fileStream);
    }
}
