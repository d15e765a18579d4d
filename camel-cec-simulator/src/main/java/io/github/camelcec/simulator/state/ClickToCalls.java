package io.github.camelcec.simulator.state;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Active click-to-call calls (ref §11-§14), by the userId of the customer token that created them ("" without one). */
public final class ClickToCalls {

    /** One active call and its event id (ref §12.1 sample: 168101 for the first). */
    public record Call(long eventId, String mediaAbility) {
    }

    private final Map<String, Call> active = new ConcurrentHashMap<>();
    private final AtomicLong nextEventId = new AtomicLong(168101);

    public Call create(String owner, String mediaAbility) {
        Call call = new Call(nextEventId.getAndIncrement(), mediaAbility);
        active.put(owner, call);
        return call;
    }

    public Call find(String owner) {
        return active.get(owner);
    }

    public boolean drop(String owner) {
        return active.remove(owner) != null;
    }

    public void clear() {
        active.clear();
        nextEventId.set(168101);
    }
}
