package io.github.camelcec.component;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;

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

    public static BinaryBody of(Exchange exchange) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        String name = in.getHeader(Exchange.FILE_NAME, String.class);
        if (body instanceof File f) {
            name = f.getName();
        } else if (body instanceof Path p) {
            name = p.getFileName().toString();
        } else if (body instanceof WrappedFile<?> w && name == null && w.getFile() instanceof File f) {
            name = f.getName();
        }
        byte[] bytes = exchange.getContext().getTypeConverter().convertTo(byte[].class, exchange, body);
        if (bytes == null) {
            throw new IllegalArgumentException("Cannot read the message body of type " + body.getClass().getName()
                                               + " as bytes");
        }
        return new BinaryBody(bytes, name);
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
