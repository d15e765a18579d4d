package io.github.camelcec.component.model;

/** ref §9.1.1: fetch a media file by the id a downlink message carried. */
public class DownloadFileRequest implements CecPayload {

    private String fileId;
    private String channel;
    private String fileType;

    public String getFileId() {
        return fileId;
    }

    public void setFileId(String fileId) {
        this.fileId = fileId;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getFileType() {
        return fileType;
    }

    public void setFileType(String fileType) {
        this.fileType = fileType;
    }
}
