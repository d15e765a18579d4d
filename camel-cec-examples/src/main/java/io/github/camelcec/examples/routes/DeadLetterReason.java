package io.github.camelcec.examples.routes;

import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.client.CecException;
import io.github.camelcec.component.client.CecHttpException;
import io.github.camelcec.component.client.CecValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Why a customer record went to the dead-letter topic, as record headers ({@link BridgeHeaders}{@code .FAILURE_*}):
 * the failure's type and message, and where CEC said more, its operation, result code, HTTP status or the field that
 * broke a rule.
 */
public final class DeadLetterReason {

    private DeadLetterReason() {
    }

    public static void describe(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            return;
        }
        Message message = exchange.getMessage();
        message.setHeader(BridgeHeaders.FAILURE_TYPE, failure.getClass().getSimpleName());
        message.setHeader(BridgeHeaders.FAILURE, String.valueOf(failure.getMessage()));
        if (failure instanceof CecException cec) {
            message.setHeader(BridgeHeaders.FAILURE_OPERATION, cec.getOperation());
        }
        if (failure instanceof CecBusinessException business) {
            message.setHeader(BridgeHeaders.FAILURE_RESULT_CODE, business.getResultCode());
        } else if (failure instanceof CecValidationException invalid) {
            message.setHeader(BridgeHeaders.FAILURE_FIELD, invalid.getField());
        } else if (failure instanceof CecHttpException http) {
            message.setHeader(BridgeHeaders.FAILURE_HTTP_STATUS, String.valueOf(http.getStatusCode()));
        }
    }
}
