package io.github.camelcec.component.consumer;

import java.util.List;

import io.github.camelcec.component.model.DownlinkMessage;

/**
 * Downlink messages fetched but not yet delivered, per customer, in order. ref §5: a poll hands each message out once,
 * so this is the only copy until the message's exchange completed. The in-memory default serves one JVM; a durable
 * implementation keeps them across restarts.
 */
public interface PendingMessageStore {

    /** Adds fetched messages behind the customer's earlier ones. */
    void append(String userId, List<DownlinkMessage> messages);

    /** The customer's oldest undelivered message, or null. */
    DownlinkMessage peek(String userId);

    /** Drops the oldest message once delivered, if it is still {@code delivered}. */
    void removeHead(String userId, DownlinkMessage delivered);

    boolean hasPending(String userId);

    /** How many messages are held for all customers. */
    int size();
}
