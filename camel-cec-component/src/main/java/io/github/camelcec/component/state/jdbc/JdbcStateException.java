package io.github.camelcec.component.state.jdbc;

import java.sql.SQLException;

/** A state table could not be read or written; the message names the operation and the table. */
public class JdbcStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    JdbcStateException(String operation, SQLException cause) {
        super("Cannot " + operation + ": " + cause.getMessage(), cause);
    }

    /**
     * For statements that carry a secret: a driver may echo a value in its message (H2's "value too long", PostgreSQL's
     * "failing row contains"), so only the SQLState and vendor code are kept, and not the cause.
     */
    static JdbcStateException withoutValues(String operation, SQLException cause) {
        return new JdbcStateException("Cannot " + operation + " (SQLState " + cause.getSQLState() + ", error code "
                                      + cause.getErrorCode() + "; the driver's message is withheld as it may show"
                                      + " the token)");
    }

    private JdbcStateException(String message) {
        super(message);
    }
}
