package io.github.camelcec.component.connection;

import java.util.concurrent.atomic.LongAdder;

import io.github.camelcec.component.auth.TokenRequests;
import io.github.camelcec.component.client.CecApi;
import io.github.camelcec.component.client.CecBusinessException;
import io.github.camelcec.component.model.CecResult;

/**
 * What connections sent and were told, counted where it happens: gateway token fetches (tokenByAkSk), customer token
 * applies (applyToken), polls, and answers asking to slow down (ref §17, {@code 10010000002}). The connections of one
 * component share one instance, so its figures only grow while connections come and go.
 */
public final class ConnectionMetrics implements TokenRequests {

    private final LongAdder gatewayTokenFetches = new LongAdder();
    private final LongAdder customerTokenApplies = new LongAdder();
    private final LongAdder polls = new LongAdder();
    private final LongAdder flowControlAnswers = new LongAdder();

    @Override
    public void gatewayTokenRequested() {
        gatewayTokenFetches.increment();
    }

    @Override
    public void customerTokenRequested() {
        customerTokenApplies.increment();
    }

    void sending(CecApi<?, ?> api) {
        if (api == CecApi.POLL) {
            polls.increment();
        }
    }

    void answered(CecResult result, Throwable error) {
        boolean flowControl = result != null
                ? result.isFlowControl()
                : CecConnection.unwrap(error) instanceof CecBusinessException b && b.isFlowControl();
        if (flowControl) {
            flowControlAnswers.increment();
        }
    }

    public long gatewayTokenFetches() {
        return gatewayTokenFetches.sum();
    }

    public long customerTokenApplies() {
        return customerTokenApplies.sum();
    }

    public long polls() {
        return polls.sum();
    }

    public long flowControlAnswers() {
        return flowControlAnswers.sum();
    }
}
