package dev.handoff.notifications;

import java.sql.SQLException;

/**
 * The database failed a notifications operation. Unchecked, so that the EJB container rolls the transaction back
 * (a checked {@link SQLException} thrown from a bean would let it commit half done).
 */
public class StoreFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoreFailedException(String what, SQLException cause) {
        super(what + " failed: " + cause.getMessage(), cause);
    }
}
