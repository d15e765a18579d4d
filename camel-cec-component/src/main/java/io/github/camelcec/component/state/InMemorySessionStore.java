package io.github.camelcec.component.state;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default session store: a concurrent map. Idle sessions are evicted when read and by a sweep every so many
 * registrations, so a producer-only application never grows it without bound.
 */
public final class InMemorySessionStore implements SessionStore {

    private static final int SWEEP_EVERY = 1_000;

    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final SessionExpiry expiry;
    private final Clock clock;
    private final AtomicInteger registrationsSinceSweep = new AtomicInteger();

    public InMemorySessionStore() {
        this(Duration.ofMinutes(30), Clock.systemUTC());
    }

    public InMemorySessionStore(Duration idleTimeout, Clock clock) {
        this.expiry = new SessionExpiry(idleTimeout);
        this.clock = clock;
    }

    @Override
    public boolean register(Session session) {
        if (registrationsSinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            registrationsSinceSweep.set(0);
            long now = clock.millis();
            sessions.values().removeIf(s -> expiry.isExpired(s, now));
        }
        boolean[] added = new boolean[1];
        sessions.compute(session.userId(), (id, old) -> {
            if (old != null && old.isConnected() && !expiry.isExpired(old, clock.millis())) {
                return withActivity(old, clock.millis());
            }
            added[0] = true;
            return session;
        });
        return added[0];
    }

    @Override
    public Session get(String userId) {
        Session s = sessions.get(userId);
        if (s != null && expiry.isExpired(s, clock.millis())) {
            sessions.remove(userId, s);
            return null;
        }
        return s;
    }

    @Override
    public Collection<Session> sessions() {
        long now = clock.millis();
        List<Session> snapshot = new ArrayList<>(sessions.size());
        for (Session s : sessions.values()) {
            if (expiry.isExpired(s, now)) {
                sessions.remove(s.userId(), s);
            } else {
                snapshot.add(s);
            }
        }
        return snapshot;
    }

    @Override
    public void touch(String userId) {
        sessions.computeIfPresent(userId, (id, s) -> withActivity(s, clock.millis()));
    }

    @Override
    public void markDisconnected(String userId) {
        long now = clock.millis();
        sessions.computeIfPresent(userId,
                (id, s) -> new Session(id, s.userName(), s.locale(), now, now, s.owner()));
    }

    @Override
    public void remove(String userId) {
        sessions.remove(userId);
    }

    @Override
    public int size() {
        return sessions.size();
    }

    private static Session withActivity(Session s, long now) {
        return new Session(s.userId(), s.userName(), s.locale(), now, s.disconnectedAt(), s.owner());
    }
}
