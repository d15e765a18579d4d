package io.github.camelcec.component.state.jdbc;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Opens the test's state database before each test and closes it after, for the JDBC twins' contract tests. */
final class StateDatabaseExtension implements BeforeEachCallback, AfterEachCallback {

    private final Supplier<StateTestDatabase> open;
    private StateTestDatabase database;

    StateDatabaseExtension(Supplier<StateTestDatabase> open) {
        this.open = open;
    }

    /** The state tables, as a JVM finds them on start. */
    JdbcStateSchema install() {
        return database.install();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database = open.get();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        database.close();
    }
}
