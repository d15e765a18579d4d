package io.github.camelcec.component.model;

/** ref §16: the created call task. */
public class CreateCallResponse extends CecResult {

    private ResultData resultData;

    public ResultData getResultData() {
        return resultData;
    }

    public void setResultData(ResultData resultData) {
        this.resultData = resultData;
    }

    /** ref §16: call serial number, SIP server ({@code ip:port}) and access code. */
    public static class ResultData {
        private String callSerialNo;
        private String sipServiceAddress;
        private String accesscode;

        public String getCallSerialNo() {
            return callSerialNo;
        }

        public void setCallSerialNo(String callSerialNo) {
            this.callSerialNo = callSerialNo;
        }

        public String getSipServiceAddress() {
            return sipServiceAddress;
        }

        public void setSipServiceAddress(String sipServiceAddress) {
            this.sipServiceAddress = sipServiceAddress;
        }

        public String getAccesscode() {
            return accesscode;
        }

        public void setAccesscode(String accesscode) {
            this.accesscode = accesscode;
        }
    }
}
