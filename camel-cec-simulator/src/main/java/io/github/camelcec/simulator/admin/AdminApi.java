package io.github.camelcec.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.JournalEntry;
import io.github.camelcec.simulator.OperationFaults;
import io.github.camelcec.simulator.OutageKind;
import io.github.camelcec.simulator.PollOverlap;
import io.github.camelcec.simulator.SessionView;
import io.github.camelcec.simulator.api.Json;
import io.github.camelcec.simulator.http.HttpExchange;
import io.github.camelcec.simulator.http.HttpExchangeHandler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The /admin endpoints, for driving a standalone simulator from a shell or another process (docs/simulator.md).
 * Not journaled, not subject to faults.
 */
public final class AdminApi implements HttpExchangeHandler {

    private final CecSimulator simulator;

    public AdminApi(CecSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange ex) {
        String[] parts = ex.path().substring(1).split("/");
        String route = ex.method() + " " + String.join("/", parts);
        try {
            if (route.equals("GET admin/tls/certificate")) {
                ex.respond(200, Map.of(), "application/x-pem-file",
                        simulator.certificatePem().getBytes(StandardCharsets.US_ASCII));
                return;
            }
            respond(ex, 200, route(ex, parts, route));
        } catch (IllegalStateException e) {
            respond(ex, 409, message(e.getMessage()));
        } catch (IllegalArgumentException e) {
            respond(ex, 400, message(e.getMessage()));
        } catch (NoRoute e) {
            respond(ex, 404, message("no admin endpoint " + ex.method() + " " + ex.path()));
        }
    }

    private JsonNode route(HttpExchange ex, String[] parts, String route) {
        if (parts.length == 4 && parts[1].equals("agent") && ex.method().equals("POST")) {
            String userId = parts[2];
            switch (parts[3]) {
                case "messages" -> simulator.sendAgentMessage(userId, requiredText(body(ex), "text"));
                case "system-messages" -> simulator.sendSystemMessage(userId, requiredText(body(ex), "text"));
                case "disconnect" -> simulator.agentDisconnect(userId);
                default -> throw new NoRoute();
            }
            return ok();
        }
        if (parts.length == 4 && parts[1].equals("sessions") && parts[3].equals("end") && ex.method().equals("POST")) {
            simulator.endSession(parts[2]);
            return ok();
        }
        if (parts.length == 4 && parts[1].equals("tokens") && ex.method().equals("POST")) {
            switch (parts[3]) {
                case "expire" -> simulator.expireCustomerToken(parts[2]);
                case "revoke" -> simulator.revokeCustomerToken(parts[2]);
                default -> throw new NoRoute();
            }
            return ok();
        }
        return switch (route) {
            case "POST admin/working-hours" -> {
                String open = ex.queryParam("open");
                if (!"true".equals(open) && !"false".equals(open)) {
                    throw new IllegalArgumentException("open must be true or false");
                }
                simulator.setWorkingHours(Boolean.parseBoolean(open));
                yield ok();
            }
            case "POST admin/click-to-call-supported" -> {
                simulator.setClickToCallSupported(Boolean.parseBoolean(ex.queryParam("supported")));
                yield ok();
            }
            case "POST admin/tokens/expire-gateway" -> {
                simulator.expireGatewayTokens();
                yield ok();
            }
            case "POST admin/faults" -> {
                armFaults(body(ex));
                yield ok();
            }
            case "DELETE admin/faults" -> {
                simulator.faults().clear();
                yield ok();
            }
            case "GET admin/journal" -> journal();
            case "GET admin/counters" -> counters();
            case "POST admin/reset" -> {
                simulator.reset();
                yield ok();
            }
            case "GET admin/sessions" -> sessions();
            case "GET admin/overlapping-polls" -> overlappingPolls();
            default -> throw new NoRoute();
        };
    }

    private void armFaults(JsonNode body) {
        String operation = Json.text(body, "operation");
        OperationFaults faults = operation == null || operation.equals("ALL")
                ? simulator.faults().all() : simulator.faults().on(operation(operation));
        int status = body.path("status").asInt(500);
        if (body.has("failNext")) {
            faults.failNext(body.get("failNext").asInt(), status);
        }
        if (body.has("errorRate")) {
            faults.errorRate(body.get("errorRate").asDouble(), status);
        }
        if (body.has("latencyMs")) {
            faults.latency(Duration.ofMillis(body.get("latencyMs").asLong()));
        }
        if (body.has("resetNext")) {
            faults.resetNext(body.get("resetNext").asInt());
        }
        if (body.has("resetRate")) {
            faults.resetRate(body.get("resetRate").asDouble());
        }
        if (body.has("flowControlNext")) {
            faults.flowControlNext(body.get("flowControlNext").asInt());
        }
        if (body.has("flowControlRate")) {
            faults.flowControlRate(body.get("flowControlRate").asDouble());
        }
        if (body.has("expireCustomerTokenNext")) {
            faults.expireCustomerTokenNext(body.get("expireCustomerTokenNext").asInt());
        }
        if (body.has("resultCodeNext")) {
            faults.resultCodeNext(body.get("resultCodeNext").asInt(), body.path("resultCode").asText());
        }
        if (body.has("redeliverNext")) {
            faults.redeliverNext(body.get("redeliverNext").asInt());
        }
        if (body.has("malformedRate")) {
            faults.malformedRate(body.get("malformedRate").asDouble());
        }
        if (body.has("outageMs")) {
            faults.outage(Duration.ofMillis(body.get("outageMs").asLong()), outageKind(Json.text(body, "outageKind")),
                    body.path("status").asInt(503));
        }
        if (body.has("seed")) {
            simulator.faults().seed(body.get("seed").asLong());
        }
    }

    private static OutageKind outageKind(String name) {
        if (name == null) {
            return OutageKind.STATUS;
        }
        try {
            return OutageKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outageKind must be STATUS, RESET or ALTERNATE, was " + name);
        }
    }

    private static CecOperation operation(String name) {
        try {
            return CecOperation.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown operation " + name + ", use a CecOperation name or ALL");
        }
    }

    private JsonNode journal() {
        ArrayNode entries = Json.MAPPER.createArrayNode();
        for (JournalEntry e : simulator.journal().entries()) {
            ObjectNode node = entries.addObject();
            node.put("operation", e.operation() == null ? null : e.operation().name());
            node.put("method", e.method());
            node.put("uri", e.uri());
            ObjectNode headers = node.putObject("headers");
            e.headers().forEach(headers::put);
            node.put("body", e.body());
            node.put("httpStatus", e.httpStatus());
            node.put("resultCode", e.resultCode());
            node.put("at", e.at().toString());
            node.put("clientId", e.clientId());
            node.put("startNanos", e.startNanos());
            node.put("endNanos", e.endNanos());
        }
        return entries;
    }

    private JsonNode overlappingPolls() {
        ObjectNode answer = Json.object().put("count", simulator.overlappingPollCount());
        ArrayNode overlaps = answer.putArray("overlaps");
        for (PollOverlap o : simulator.overlappingPolls()) {
            overlaps.addObject()
                    .put("receiverId", o.receiverId())
                    .put("earlierClientId", o.earlierClientId())
                    .put("laterClientId", o.laterClientId())
                    .put("at", o.at().toString());
        }
        return answer;
    }

    private JsonNode counters() {
        ObjectNode counters = Json.object().put("total", simulator.journal().total());
        for (CecOperation op : CecOperation.values()) {
            counters.put(op.name(), simulator.journal().count(op));
        }
        return counters;
    }

    private JsonNode sessions() {
        ArrayNode sessions = Json.MAPPER.createArrayNode();
        for (SessionView s : simulator.sessions()) {
            sessions.addObject()
                    .put("userId", s.userId())
                    .put("callId", s.callId())
                    .put("mode", s.mode().name())
                    .put("queuedDownlinks", s.queuedDownlinks());
        }
        return sessions;
    }

    private static JsonNode body(HttpExchange ex) {
        JsonNode body = Json.parseObject(ex.body());
        if (body == null) {
            throw new IllegalArgumentException("the request body must be a JSON object");
        }
        return body;
    }

    private static String requiredText(JsonNode body, String field) {
        String value = Json.text(body, field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static JsonNode ok() {
        return Json.object().put("ok", true);
    }

    private static JsonNode message(String text) {
        return Json.object().put("ok", false).put("message", text);
    }

    private static void respond(HttpExchange ex, int status, JsonNode body) {
        ex.respond(status, Map.of(), HttpExchange.JSON, Json.bytes(body));
    }

    /** No admin endpoint matches. */
    private static final class NoRoute extends RuntimeException {
        NoRoute() {
            super(null, null, false, false);
        }
    }
}
