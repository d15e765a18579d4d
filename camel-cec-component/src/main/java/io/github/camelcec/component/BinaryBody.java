package io.github.camelcec.component;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.github.camelcec.component.client.CecValidationException;
import io.github.camelcec.component.model.FileType;
import io.github.camelcec.component.model.MediaType;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/**
 * A file to upload: the body's bytes plus what is known of its name. Recognises {@code byte[]}, {@code InputStream},
 * {@code File}, {@code Path} and Camel's {@code GenericFile} (any {@link WrappedFile}).
 */
public record BinaryBody(byte[] content, String fileName) {

    /** Whether the body is of a binary kind at all. */
    public static boolean isBinary(Object body) {
        return body instanceof byte[] || body instanceof InputStream || body instanceof File || body instanceof Path
               || body instanceof WrappedFile<?>;
    }

    /** Whether the body names a file (so a text reading of it makes no sense). */
    public static boolean isFile(Object body) {
        return body instanceof File || body instanceof Path || body instanceof WrappedFile<?>;
    }

    /**
     * The body's bytes, at most {@code maxSize} of them: a larger body is refused before it is read whole (a file by
     * its size, a stream after {@code maxSize + 1} bytes), naming {@code field} and the size, never the content.
     */
    public static BinaryBody of(Exchange exchange, String operation, String field, long maxSize) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        long size = knownSize(body);
        if (size > maxSize) {
            throw tooLarge(operation, field, maxSize, size + " bytes");
        }
        String name = in.getHeader(Exchange.FILE_NAME, String.class);
        if (body instanceof File f) {
            name = f.getName();
        } else if (body instanceof Path p) {
            name = p.getFileName().toString();
        } else if (body instanceof WrappedFile<?> w && name == null && w.getFile() instanceof File f) {
            name = f.getName();
        }
        byte[] bytes = body instanceof InputStream stream
                ? readAtMost(stream, maxSize, operation, field)
                : exchange.getContext().getTypeConverter().convertTo(byte[].class, exchange, body);
        if (bytes == null) {
            throw new IllegalArgumentException("Cannot read the message body of type " + body.getClass().getName()
                                               + " as bytes");
        }
        if (bytes.length > maxSize) {
            throw tooLarge(operation, field, maxSize, bytes.length + " bytes");
        }
        return new BinaryBody(bytes, name);
    }

    /** The size known without reading: an array's length, a file's size; -1 for a stream. */
    private static long knownSize(Object body) {
        try {
            if (body instanceof byte[] bytes) {
                return bytes.length;
            }
            if (body instanceof File f) {
                return f.length();
            }
            if (body instanceof Path p) {
                return Files.size(p);
            }
            if (body instanceof WrappedFile<?> w && w.getFile() instanceof File f) {
                return f.length();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of the file " + body, e);
        }
        return -1;
    }

    private static byte[] readAtMost(InputStream stream, long maxSize, String operation, String field) {
        try {
            byte[] bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSize + 1));
            if (bytes.length > maxSize) {
                throw tooLarge(operation, field, maxSize, "more than " + maxSize + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the message body stream", e);
        }
    }

    /** CEC publishes no size limit (ref §8); {@code maxUploadSize} is the component's. */
    static CecValidationException tooLarge(String operation, String field, long maxSize, String size) {
        return new CecValidationException(operation, field, "must be at most " + maxSize + " bytes (maxUploadSize)",
                size);
    }

    /** The extension of the file name, or null. */
    public String extension() {
        if (fileName == null) {
            return null;
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? null : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The media type a file of this type is sent as (ref §7.1.2). */
    public static MediaType mediaTypeFor(String fileType) {
        return switch (FileType.normalize(fileType)) {
            case "jpg", "png", "bmp", "bpm" -> MediaType.IMAGE;
            case "mp3", "aac" -> MediaType.AUDIO;
            case "mp4" -> MediaType.VIDEO;
            default -> MediaType.FILE;
        };
    }
}
