package io.github.camelcec.component.durable;

import java.nio.file.Path;

/**
 * The crash and restart tests on an H2 file database in PostgreSQL mode, as the examples run it. {@code WRITE_DELAY=0}:
 * H2 otherwise writes commits to disk up to half a second late, and a killed JVM loses them (held messages included).
 */
class H2CrashAndRestartIT extends CrashAndRestartContract {

    @Override
    protected String[] database(Path dir) {
        return new String[] { "jdbc:h2:file:" + dir.resolve("state") + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1;WRITE_DELAY=0", "sa", "" };
    }

    @Override
    protected String prefix() {
        return "cec_";
    }
}
