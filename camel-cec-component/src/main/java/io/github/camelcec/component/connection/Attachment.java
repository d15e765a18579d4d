package io.github.camelcec.component.connection;

import java.util.Objects;

/**
 * A file a customer sends: uploaded first, then sent as a media message (ref §8, §7).
 *
 * @param content  the file's bytes
 * @param fileType its type as given ({@code jpg}, {@code .PNG}, ...)
 * @param fileName its name, or null
 */
public record Attachment(byte[] content, String fileType, String fileName) {

    public Attachment {
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + fileType + ", " + content.length + " bytes]";
    }
}
