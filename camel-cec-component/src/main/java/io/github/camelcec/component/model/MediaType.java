package io.github.camelcec.component.model;

/** ref §7.1.2: the media type of an uplink message. */
public enum MediaType {
    TEXT,
    IMAGE,
    AUDIO,
    VIDEO,
    FILE,
    FILE_IMAGE,
    FILE_VIDEO;

    /** Whether the content is a reference to an uploaded object rather than text. */
    public boolean isMedia() {
        return this != TEXT;
    }
}
