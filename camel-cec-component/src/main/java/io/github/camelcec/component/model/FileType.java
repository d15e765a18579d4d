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

    /**
     * cec-api §6: the type of downloaded bytes by their magic number, or {@code fallback} when they show none (text,
     * or a type without a signature).
     */
    public static String sniff(byte[] bytes, String fallback) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return "jpg";
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G')) {
            return "png";
        }
        if (startsWith(bytes, 4, 'f', 't', 'y', 'p')) {
            return "mp4";
        }
        if (startsWith(bytes, 0, 'I', 'D', '3')) {
            return "mp3";
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xF6) == 0xF0) {
            return "aac"; // ADTS sync word, layer 0
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xE0) == 0xE0) {
            return "mp3"; // MPEG audio frame sync
        }
        if (startsWith(bytes, 0, '%', 'P', 'D', 'F')) {
            return "pdf";
        }
        if (startsWith(bytes, 0, 'P', 'K', 3, 4)) {
            return "zip";
        }
        if (startsWith(bytes, 0, 'B', 'M')) {
            return "bmp";
        }
        return fallback;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... magic) {
        if (bytes.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
