package io.github.camelcec.component.client;

import io.github.camelcec.component.model.CecResult;

/** CEC answered HTTP 200 with a non-zero {@code resultCode}. */
public class CecBusinessException extends CecException {

    private final String resultCode;
    private final String resultDesc;
    private final int httpStatus;
    private final transient CecResult response;

    public CecBusinessException(String operation, CecResult response, int httpStatus) {
        super(operation, "CEC " + operation + " failed: resultCode=" + response.getResultCode() + ", resultDesc="
                         + response.getResultDesc() + ", HTTP status " + httpStatus);
        this.resultCode = response.getResultCode();
        this.resultDesc = response.getResultDesc();
        this.httpStatus = httpStatus;
        this.response = response;
    }

    public String getResultCode() {
        return resultCode;
    }

    public String getResultDesc() {
        return resultDesc;
    }

    public int getHttpStatus() {
        return httpStatus;
    }

    /** The whole typed response, for fields beyond the code. */
    public CecResult getResponse() {
        return response;
    }

    /** ref §17: {@code 10010000002} asks the caller to back off. */
    public boolean isFlowControl() {
        return CecResult.FLOW_CONTROL.equals(resultCode);
    }

    /** Only flow control: every other result code is CEC's answer to this request and would be the same again. */
    @Override
    public boolean isTransient() {
        return isFlowControl();
    }
}
