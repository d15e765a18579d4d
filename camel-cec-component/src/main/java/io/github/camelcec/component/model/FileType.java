package io.github.camelcec.component.model;

import java.util.Locale;
import java.util.Set;

/** ref §8.1.1 and §9.1.1: the file types upload and download accept. */
public final class FileType {

    /**
     * Upload types. The reference writes {@code bpm}, almost certainly meaning {@code bmp}: both are accepted and sent
     * as the user wrote them (cec-api §4.7).
     */
    public static final Set<String> UPLOAD = Set.of("jpg", "png", "bpm", "bmp", "mp3", "aac", "mp4", "txt", "csv");

    /** Download accepts the upload types plus the documents of cec-api §5. */
    public static final Set<String> DOWNLOAD = Set.of("jpg", "png", "bpm", "bmp", "mp3", "aac", "mp4", "txt", "csv",
            "richtext", "doc", "docx", "pdf", "zip");

    private FileType() {
    }

    /** Lower-cases and strips a leading dot, so ".JPG" and "jpg" are the same type. */
    public static String normalize(String fileType) {
        if (fileType == null) {
            return null;
        }
        String t = fileType.trim().toLowerCase(Locale.ROOT);
        return t.startsWith(".") ? t.substring(1) : t;
    }
}
