package io.github.camelcec.component.connection;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import io.github.camelcec.component.state.SessionStore;

/**
 * The connections of one component, counted: endpoints acquire theirs when they start and release it when they stop;
 * the last release closes it. Endpoints with equal {@link ConnectionSettings} share one connection; connections of
 * the same app and channel share its tokens and sessions ({@link AppState}) whatever their transport or locale. A
 * connection acquired after the last release is a new one, so a restarted context works.
 */
public final class CecConnections {

    private final Map<ConnectionSettings, CecConnection> open = new HashMap<>();
    private final Map<CecConnection, Integer> users = new HashMap<>();
    private final Map<AppState.Key, AppState> apps = new HashMap<>();
    private final Map<AppState.Key, Integer> appConnections = new HashMap<>();
    private final ConnectionMetrics metrics = new ConnectionMetrics();

    public synchronized CecConnection acquire(ConnectionSettings settings) {
        CecConnection connection = open.get(settings);
        if (connection == null) {
            AppState.Key key = AppState.Key.of(settings);
            AppState app = apps.computeIfAbsent(key, k -> new AppState(settings));
            appConnections.merge(key, 1, Integer::sum);
            connection = new CecConnection(settings, app, metrics);
            open.put(settings, connection);
        }
        users.merge(connection, 1, Integer::sum);
        return connection;
    }

    public synchronized void release(CecConnection connection) {
        Integer left = users.computeIfPresent(connection, (c, n) -> n > 1 ? n - 1 : null);
        if (left == null && open.values().remove(connection)) {
            connection.close();
            AppState.Key key = AppState.Key.of(connection.settings());
            if (appConnections.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null) == null) {
                apps.remove(key);
            }
        }
    }

    /** What every connection of this component sent and was told since it was created. */
    public ConnectionMetrics metrics() {
        return metrics;
    }

    /** Live sessions of the open connections, each session store counted once (apps may share one). */
    public int liveSessions() {
        Set<SessionStore> stores = Collections.newSetFromMap(new IdentityHashMap<>());
        synchronized (this) {
            apps.values().forEach(app -> stores.add(app.sessions));
        }
        // counted outside the lock: a database store answers with a query
        return stores.stream().mapToInt(SessionStore::size).sum();
    }

    /** Closes every connection, e.g. when the component stops. */
    public synchronized void closeAll() {
        open.values().forEach(CecConnection::close);
        open.clear();
        users.clear();
        apps.clear();
        appConnections.clear();
    }
}
