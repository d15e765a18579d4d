package io.github.camelcec.component;

import io.github.camelcec.component.client.CecApi;

/** The operations of {@code cec:<operation>}, each bound to the CEC API it calls (product.md §1). */
public enum CecOperation {

    send(CecApi.SEND),
    poll(CecApi.POLL),
    upload(CecApi.UPLOAD_FILE),
    download(CecApi.DOWNLOAD_FILE),
    satisfaction(CecApi.SAVE_SATISFACTION),
    robotFeedback(CecApi.ROBOT_FEEDBACK),
    queueInfo(CecApi.QUERY_QUEUE_INFO),
    phrases(CecApi.QUERY_PHRASES),
    leaveMessage(CecApi.LEAVE_MESSAGE),
    createCall(CecApi.CREATE_CALL),
    clickToCall(CecApi.CREATE_CLICK_TO_CALL),
    clickToCallEvents(CecApi.GET_CLICK_TO_CALL_EVENTS),
    clickToCallSupport(CecApi.CHECK_CLICK_TO_CALL_SUPPORT),
    dropClickToCall(CecApi.DROP_CLICK_TO_CALL),
    applyToken(CecApi.APPLY_TOKEN);

    private final CecApi<?, ?> api;

    CecOperation(CecApi<?, ?> api) {
        this.api = api;
    }

    public CecApi<?, ?> api() {
        return api;
    }

    /** Whether the operation acts for one customer (so a userId is needed). */
    public boolean needsCustomer() {
        return api.usesCustomerToken() || this == applyToken;
    }
}
