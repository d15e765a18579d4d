package io.github.camelcec.component.state.jdbc;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

class H2JdbcCustomerTokenStoreTest extends JdbcCustomerTokenStoreContract {

    @TempDir
    Path directory;

    @Override
    protected StateTestDatabase openDatabase() {
        return new H2FileDatabase(directory);
    }
}
