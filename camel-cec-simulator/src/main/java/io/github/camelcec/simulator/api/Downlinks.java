package io.github.camelcec.simulator.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.camelcec.simulator.Quirks;
import io.github.camelcec.simulator.state.Customer;
import io.github.camelcec.simulator.state.DownlinkMessage;
import io.github.camelcec.simulator.state.Session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Builds the downlink messages of ref §5.1.1 and writes the poll answer (ref §5.1.2). */
final class Downlinks {

    /** Ref §5.2 sample: the robot's greeting after CONNECT. */
    static final String GREETING = "欢迎欢迎，热烈欢迎";
    /** Ref §5.2 sample: the system message once an agent took over. */
    static final String AGENT_CONNECTED = "已接通座席。";
    static final String ROBOT_NICKNAME = "robot";
    static final String AGENT_NICKNAME = "agent";
    static final String POLL_SUCCESS = "query user messages success";

    private static final byte[] EMPTY_POLL = ("{\"resultCode\":\"0\",\"resultDesc\":\"" + POLL_SUCCESS
            + "\",\"downlinkMessages\":[]}").getBytes(StandardCharsets.UTF_8);

    private final String channelConfigId;
    private final Clock clock;
    private final Quirks quirks;
    private final AtomicLong messageCodes = new AtomicLong();

    Downlinks(String channelConfigId, Clock clock, Quirks quirks) {
        this.channelConfigId = channelConfigId;
        this.clock = clock;
        this.quirks = quirks;
    }

    DownlinkMessage robot(Customer customer, Session session, String text, String interIdx) {
        return message(customer, session, text, "TEXT", "ROBOT", ROBOT_NICKNAME, interIdx, null, "CHAT", "male");
    }

    DownlinkMessage agent(Customer customer, Session session, String mediaType, String content) {
        return message(customer, session, content, mediaType, "AGENT", AGENT_NICKNAME, null, null, "CHAT", null);
    }

    DownlinkMessage system(Customer customer, Session session, String text) {
        return message(customer, session, text, "TEXT", "SYSTEM", systemNickname(customer), null, null, "CHAT", null);
    }

    /** The end of a session (ref §5.1.1: controlType DISCONNECT, isOfflineStatus set on disconnect). */
    DownlinkMessage disconnect(Customer customer, Session session, String text) {
        return message(customer, session, text, "TEXT", "SYSTEM", systemNickname(customer), null, "true", "DISCONNECT", null);
    }

    /** Ref §5.1.1: system messages come from "系统" for a Chinese tenant, "system" otherwise. */
    private static String systemNickname(Customer customer) {
        return "zh".equals(customer.locale()) ? "系统" : "system";
    }

    private DownlinkMessage message(Customer customer, Session session, String content, String mediaType, String sourceType,
                                    String nickname, String interIdx, String offline, String controlType, String gender) {
        long now = clock.millis();
        return new DownlinkMessage(content, channelConfigId, customer.userId(), mediaType, sourceType, nickname, null, now,
                interIdx, offline, Long.toString(now) + "-" + messageCodes.incrementAndGet(), session.callId(), controlType,
                null, now, gender);
    }

    /** The poll answer: every field of ref §5.1.1 on each message, spelled as the quirks say. */
    byte[] pollAnswer(List<DownlinkMessage> messages) {
        if (messages.isEmpty()) {
            return EMPTY_POLL;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * messages.size());
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("resultCode", "0");
            g.writeStringField("resultDesc", POLL_SUCCESS);
            g.writeArrayFieldStart("downlinkMessages");
            for (DownlinkMessage m : messages) {
                write(g, m);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void write(JsonGenerator g, DownlinkMessage m) throws IOException {
        g.writeStartObject();
        g.writeStringField("channel", "WEB");
        g.writeStringField("content", m.content());
        g.writeStringField("from", m.from());
        g.writeStringField("to", m.to());
        g.writeStringField("mediaType", m.mediaType());
        g.writeStringField("sourceType", m.sourceType());
        g.writeStringField("senderNickname", m.senderNickname());
        g.writeStringField("senderAvatar", m.senderAvatar());
        if (quirks.numericTimestamps()) {
            g.writeNumberField("timestamp", m.timestamp());
        } else {
            g.writeStringField("timestamp", Long.toString(m.timestamp()));
        }
        g.writeStringField("interIdx", m.interIdx());
        g.writeStringField("isOfflineStatus", m.isOfflineStatus());
        g.writeStringField("messageCode", m.messageCode());
        g.writeNullField("simQuestions");
        g.writeNullField("associationContentId");
        g.writeStringField("callId", m.callId());
        g.writeStringField("controlType", m.controlType());
        g.writeStringField("queueFlag", m.queueFlag());
        g.writeNumberField("receiveTime", m.receiveTime());
        String gender = m.robotGender();
        g.writeStringField("robotGender", gender != null && quirks.upperCaseRobotGender() ? gender.toUpperCase() : gender);
        g.writeEndObject();
    }
}
