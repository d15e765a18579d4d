package io.github.camelcec.component.state.jdbc;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start failures that need no working database, and the DDL docs/state.md prints. */
class JdbcStateSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = { "", "1cec_", "cec-", "cec_; DROP TABLE x", "a_prefix_longer_than_thirty_chars" })
    void aPrefixThatIsNotAPlainIdentifierIsRejected(String prefix) {
        assertThatThrownBy(() -> JdbcStateSchema.install(new JdbcDataSource(), prefix))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The state table prefix must be a letter followed by at most 29 letters, digits or"
                            + " underscores, was '" + prefix + "'");
    }

    @Test
    void aDatabaseThatCannotBeReachedFailsClearlyWithoutThePassword() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setServerNames(new String[] { "127.0.0.1" });
        unreachable.setPortNumbers(new int[] { closedPort });
        unreachable.setUser("cec");
        unreachable.setPassword("s3cret-Passw0rd");
        unreachable.setConnectTimeout(5);

        assertThatThrownBy(() -> JdbcStateSchema.install(unreachable))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot connect to the state database: ")
                .hasMessageContaining(String.valueOf(closedPort))
                .hasMessageNotContaining("s3cret-Passw0rd");
    }

    @Test
    void aPasswordInADriversMessageIsMasked() {
        assertThat(JdbcStateSchema.withoutSecrets("bad url jdbc:x://h/db?user=a&password=s3cret&ssl=true;pwd=x2"))
                .isEqualTo("bad url jdbc:x://h/db?user=a&password=***&ssl=true;pwd=***");
    }

    @Test
    void h2OutsidePostgresModeIsRefusedWithTheFix() {
        JdbcDataSource regular = new JdbcDataSource();
        regular.setURL("jdbc:h2:mem:regular-mode");

        assertThatThrownBy(() -> JdbcStateSchema.install(regular))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The H2 state database runs in mode REGULAR, but the state tables need MODE=PostgreSQL"
                            + " (for INSERT ... ON CONFLICT DO NOTHING): add ;MODE=PostgreSQL to its JDBC URL");
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void docsStatePrintsTheDdlInstallRuns(SqlDialect dialect) throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "state.md"));

        assertThat(JdbcStateSchema.ddl(dialect, JdbcStateSchema.DEFAULT_PREFIX))
                .allSatisfy(statement -> assertThat(docs).contains(statement + ";"));
    }
}
