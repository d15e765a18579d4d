package io.github.camelcec.component.connection;

/**
 * One consumer polls a connection's sessions: two would split each customer's messages between them and break the
 * order (ref §5: the poll hands each message out once). A consumer of one customer ({@code receiverId}) needs no claim.
 */
public final class PollingClaim {

    private Object holder;

    /** Claims the sessions for {@code consumer}; refused, naming the holder, while another one holds them. */
    public synchronized void claim(Object consumer) {
        if (holder != null && holder != consumer) {
            throw new IllegalStateException("Another cec:poll consumer already polls this connection's sessions ("
                                            + holder + "); use one, or receiverId");
        }
        holder = consumer;
    }

    public synchronized void release(Object consumer) {
        if (holder == consumer) {
            holder = null;
        }
    }
}
