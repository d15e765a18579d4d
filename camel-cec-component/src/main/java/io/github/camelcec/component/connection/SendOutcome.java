package io.github.camelcec.component.connection;

import io.github.camelcec.component.model.CecResult;

/**
 * What became of a customer's message: the answer of the step that decided it — the automatic CONNECT (when CEC
 * refused it, e.g. 12 outside working hours), the upload (when CEC refused the file) or the send itself.
 *
 * @param step      which request answered
 * @param result    its answer
 * @param objectKey the uploaded file's key, or null
 */
public record SendOutcome(Step step, CecResult result, String objectKey) {

    public enum Step {
        CONNECT,
        UPLOAD,
        SEND
    }
}
