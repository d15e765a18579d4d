package io.github.camelcec.component.state;

import java.util.List;
import java.util.Set;

import io.github.camelcec.component.model.DownlinkMessage;

/**
 * Messages fetched from CEC and not yet delivered, per customer, oldest first. Write-ahead: a poll answer is appended
 * (in one transaction for a database) before any exchange is created; a message leaves only when its exchange
 * completed; a failed delivery stays at the head with its attempt count raised. Keyed by customer and
 * {@link PendingMessage#keyOf message key}, never by object identity, so a database can implement it.
 */
public interface PendingMessageStore {

    /**
     * Appends one poll answer's messages behind the customer's earlier ones, atomically. A message whose key the
     * customer already holds is skipped. Returns what was added, with the sequences assigned.
     */
    List<PendingMessage> append(String userId, List<DownlinkMessage> messages);

    /** The customer's oldest held message, or null. */
    PendingMessage head(String userId);

    /** The message's exchange completed: it leaves the store. Nothing happens if it is gone already. */
    void remove(String userId, String key);

    /**
     * These messages' exchanges completed (a group commit, across customers): their messageCodes enter
     * {@code delivered} and they leave the store — in one transaction where both live in one database, otherwise the
     * codes first, so that a crash in between redelivers a message that its code then drops. Messages gone already
     * are skipped, so a call that failed can be made again. This default (the in-memory twin's) does the latter.
     */
    default void removeDelivered(List<PendingMessage> messages, DeliveredCodes delivered) {
        delivered.addAll(PendingMessage.codesOf(messages));
        for (PendingMessage p : messages) {
            remove(p.userId(), p.key());
        }
    }

    /** The message's exchange failed: it stays at the head; returns its attempt count now. */
    int recordFailure(String userId, String key);

    boolean hasPending(String userId);

    /** The customers with held messages, e.g. to deliver them first after a restart. */
    Set<String> customers();

    /** How many messages are held for all customers. */
    int size();
}
