package io.github.camelcec.simulator.state;

import io.github.camelcec.simulator.SessionMode;
import io.github.camelcec.simulator.SessionView;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One end customer (a userId): the downlink queue the poll drains (ref §5), the current or last session and what the
 * customer said to the agent. Every method holds this object's monitor, so a poll drains atomically per user.
 */
public final class Customer {

    private static final List<DownlinkMessage> NONE = List.of();

    private final String userId;
    private final AtomicInteger liveSessions;
    private final ArrayDeque<DownlinkMessage> queue = new ArrayDeque<>(4);
    private final List<String> agentInbox = new ArrayList<>(0);
    private volatile String locale;
    private Session session;

    Customer(String userId, AtomicInteger liveSessions) {
        this.userId = userId;
        this.liveSessions = liveSessions;
    }

    public String userId() {
        return userId;
    }

    public String locale() {
        return locale;
    }

    public void locale(String locale) {
        this.locale = locale;
    }

    /** The current session if it is live (CONNECT succeeded, no DISCONNECT yet), else null. */
    public synchronized Session liveSession() {
        return session != null && session.mode() != SessionMode.ENDED ? session : null;
    }

    /** The current or last session, null if the customer never connected. */
    public synchronized Session lastSession() {
        return session;
    }

    /** Starts a robot session with the given call id. */
    public synchronized Session connect(String callId) {
        if (liveSession() == null) {
            liveSessions.incrementAndGet();
        }
        session = new Session(callId);
        return session;
    }

    public synchronized void transferToAgent(Instant now) {
        session.mode(SessionMode.AGENT);
        session.queuedSince(now);
    }

    /** Ends the live session, if any; queued messages stay to be polled. */
    public synchronized boolean end() {
        if (liveSession() == null) {
            return false;
        }
        session.mode(SessionMode.ENDED);
        liveSessions.decrementAndGet();
        return true;
    }

    /** The server drops the live session, if any, without a DISCONNECT downlink; queued messages stay to be polled. */
    public synchronized boolean release() {
        Session live = liveSession();
        if (live == null) {
            return false;
        }
        live.release();
        return end();
    }

    /** The live session's next robot interaction index. */
    public synchronized String nextInterIdx() {
        return session.nextInterIdx();
    }

    /** Builds and queues a message for the live session; null (nothing queued) when there is none. */
    public synchronized DownlinkMessage enqueueForLiveSession(Function<Session, DownlinkMessage> build) {
        Session live = liveSession();
        if (live == null) {
            return null;
        }
        DownlinkMessage message = build.apply(live);
        queue.addLast(message);
        return message;
    }

    public synchronized void enqueue(DownlinkMessage message) {
        queue.addLast(message);
    }

    /** Hands every queued message out, exactly once (ref §5: the poll is destructive). */
    public synchronized List<DownlinkMessage> drain() {
        if (queue.isEmpty()) {
            return NONE;
        }
        List<DownlinkMessage> out = new ArrayList<>(queue);
        queue.clear();
        return out;
    }

    /** Puts handed-out messages back at the front, in order (the redeliver fault). */
    public synchronized void requeue(List<DownlinkMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            queue.addFirst(messages.get(i));
        }
    }

    public synchronized void toAgentInbox(String text) {
        agentInbox.add(text);
    }

    public synchronized List<String> agentInbox() {
        return List.copyOf(agentInbox);
    }

    public synchronized SessionView view() {
        if (session == null) {
            return null;
        }
        return new SessionView(userId, session.callId(), session.mode(), queue.size());
    }
}
