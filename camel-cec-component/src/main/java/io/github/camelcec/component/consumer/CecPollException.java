package io.github.camelcec.component.consumer;

import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.client.CecHttpException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * Raised by a poll round in which every poll failed, so Camel's backoff options and the consumer health check see it;
 * carries the HTTP status of the last failure (health detail {@code http.response.code}).
 */
public class CecPollException extends RuntimeCamelException implements HttpResponseAware {

    private int httpResponseCode;
    private String httpResponseStatus;

    public CecPollException(String message, Throwable cause) {
        super(message, cause);
        if (cause instanceof CecHttpException http) {
            httpResponseCode = http.getStatusCode();
        } else if (cause instanceof CecBusinessException business) {
            httpResponseCode = business.getHttpStatus();
            httpResponseStatus = "resultCode " + business.getResultCode();
        }
    }

    /** Whether CEC asked to slow down (ref §17: resultCode 10010000002). */
    public boolean isFlowControl() {
        return getCause() instanceof CecBusinessException b && b.isFlowControl();
    }

    @Override
    public int getHttpResponseCode() {
        return httpResponseCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpResponseCode = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return httpResponseStatus;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.httpResponseStatus = status;
    }
}
