package io.github.camelcec.simulator;

import io.github.camelcec.simulator.api.ApiResponse;
import io.github.camelcec.simulator.api.CecApi;
import io.github.camelcec.simulator.faults.MalformedAnswers;
import io.github.camelcec.simulator.http.HttpExchange;
import io.github.camelcec.simulator.http.HttpExchangeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.Locale;
import java.util.Random;

/** Routes a request to its operation, applies the injected faults, answers, and journals what was answered. */
final class SimulatorDispatcher implements HttpExchangeHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorDispatcher.class);
    private static final String CLIENT_ID = JournalEntry.CLIENT_ID_HEADER.toLowerCase(Locale.ROOT);

    private final CecApi api;
    private final FaultInjector faults;
    private final RequestJournal journal;
    private final Clock clock;
    private final PollOverlapDetector overlaps;
    private final HttpExchangeHandler admin;

    SimulatorDispatcher(CecApi api, FaultInjector faults, RequestJournal journal, Clock clock, PollOverlapDetector overlaps,
                        HttpExchangeHandler admin) {
        this.api = api;
        this.faults = faults;
        this.journal = journal;
        this.clock = clock;
        this.overlaps = overlaps;
        this.admin = admin;
    }

    @Override
    public void handle(HttpExchange ex) {
        if (admin != null && (ex.path().equals("/admin") || ex.path().startsWith("/admin/"))) {
            admin.handle(ex);
            return;
        }
        CecOperation op = CecOperation.forPath(ex.path()).orElse(null);
        if (op == null) {
            answer(null, ex, ApiResponse.error(404, "no such path: " + ex.path()));
            return;
        }
        if (!op.method().equals(ex.method())) {
            answer(op, ex, ApiResponse.error(405, ex.method() + " is not allowed, use " + op.method())
                    .withHeader("allow", op.method()));
            return;
        }
        if (op == CecOperation.POLL) {
            overlaps.arrived(ex, ex.queryParam("receiverId"), clientId(ex), clock);
        }
        FaultInjector.FaultDecision fault = faults.decide(op);
        ex.later(fault.latency(), () -> process(op, ex, fault));
    }

    private void process(CecOperation op, HttpExchange ex, FaultInjector.FaultDecision fault) {
        if (fault.reset()) {
            record(op, ex, 0, null);
            ex.reset();
            return;
        }
        if (fault.httpStatus() != 0) {
            answer(op, ex, ApiResponse.error(fault.httpStatus(), "injected fault"));
            return;
        }
        if (fault.flowControl()) {
            answer(op, ex, CecApi.flowControl());
            return;
        }
        if (fault.resultCode() != null) {
            answer(op, ex, CecApi.injectedResult(fault.resultCode()));
            return;
        }
        ApiResponse response;
        try {
            response = api.handle(op, ex, fault.expireCustomerToken(), fault.redeliver());
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", ex.method(), ex.path(), e);
            response = ApiResponse.error(500, "simulator error: " + e);
        }
        if (fault.malformedSeed() != null && response.status() == 200) {
            response = malformed(response, fault.malformedSeed());
        }
        answer(op, ex, response);
    }

    /** The malformedRate fault: the drained messages are answered, some of them damaged (cec-api.md §3.2). */
    private static ApiResponse malformed(ApiResponse response, long seed) {
        String json = new String(response.body(), StandardCharsets.UTF_8);
        String broken = MalformedAnswers.breakDownlinks(json, new Random(seed)).json();
        return new ApiResponse(200, broken.getBytes(StandardCharsets.UTF_8), response.resultCode(), response.headers());
    }

    private void answer(CecOperation op, HttpExchange ex, ApiResponse response) {
        record(op, ex, response.status(), response.resultCode());
        ex.respond(response.status(), response.headers(), HttpExchange.JSON, response.body());
    }

    private void record(CecOperation op, HttpExchange ex, int status, String resultCode) {
        long end = System.nanoTime();
        String clientId = clientId(ex);
        if (op == CecOperation.POLL) {
            overlaps.answered(ex, ex.queryParam("receiverId"), clientId);
        }
        journal.record(new JournalEntry(op, ex.method(), ex.uri(), Collections.unmodifiableMap(ex.headers()), ex.body(), status, resultCode,
                clock.instant(), clientId, ex.receivedNanos(), end));
    }

    private static String clientId(HttpExchange ex) {
        return ex.header(CLIENT_ID);
    }
}
