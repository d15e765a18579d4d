package io.github.camelcec.component.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The business outcome every CEC response carries inside an HTTP 200.
 * <p>
 * ref §6, §8: the samples of saveSatisfaction and uploadFileStream spell the code {@code returnCode}; both spellings
 * are read. The code decides success, never {@code resultDesc} (which may say "Exception appeared!" with code 0).
 */
public class CecResult implements CecPayload {

    /** The success code of every operation. */
    public static final String SUCCESS = "0";
    /** ref §17 and cec-api §5: the server asks the client to slow down. */
    public static final String FLOW_CONTROL = "10010000002";

    @JsonAlias("returnCode")
    private String resultCode;
    private String resultDesc;

    public String getResultCode() {
        return resultCode;
    }

    public void setResultCode(String resultCode) {
        this.resultCode = resultCode;
    }

    public String getResultDesc() {
        return resultDesc;
    }

    public void setResultDesc(String resultDesc) {
        this.resultDesc = resultDesc;
    }

    @JsonIgnore
    public boolean isSuccess() {
        return SUCCESS.equals(resultCode);
    }

    @JsonIgnore
    public boolean isFlowControl() {
        return FLOW_CONTROL.equals(resultCode);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[resultCode=" + resultCode + ", resultDesc=" + resultDesc + "]";
    }
}
