package io.github.camelcec.component.client;

import java.io.IOException;

/** Raised while an answer is read, once it exceeds the bound; the rest is never buffered. */
final class ResponseTooLargeException extends IOException {

    ResponseTooLargeException(long size, long bound) {
        super("the answer has " + (size < 0 ? "more than " + bound : size) + " bytes, more than the " + bound
              + " accepted");
    }
}
