package io.github.camelcec.component.model;

/** The number of bytes a base64 text decodes to, counted without decoding it (line breaks of MIME base64 ignored). */
public final class Base64Size {

    private Base64Size() {
    }

    public static long decoded(String base64) {
        long symbols = 0;
        long padding = 0;
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (c == '=') {
                padding++;
            } else if (c != '\r' && c != '\n') {
                symbols++;
            }
        }
        return (symbols + padding) / 4 * 3 - padding;
    }
}
