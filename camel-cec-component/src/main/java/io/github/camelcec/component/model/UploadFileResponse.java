package io.github.camelcec.component.model;

/** ref §8.1.2: where the server stored the file; send it as {@code objectKey,ext}. */
public class UploadFileResponse extends CecResult {

    private String objectKey;

    public String getObjectKey() {
        return objectKey;
    }

    public void setObjectKey(String objectKey) {
        this.objectKey = objectKey;
    }
}
