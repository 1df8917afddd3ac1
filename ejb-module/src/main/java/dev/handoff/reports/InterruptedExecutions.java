package dev.handoff.reports;

import dev.handoff.datasets.HandoffDataSourceProducer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * At startup, ends the batch executions a crash left {@code STARTED}: nothing runs them any more, yet
 * JBeret would keep them as running and refuse to restart them. Marked {@code FAILED}, they restart
 * from their last checkpoint when their job's next attempt comes.
 *
 * <p>This writes JBeret's own job repository tables, which JBeret offers no operation for. It assumes
 * one server per database, the embedded default; servers sharing a repository would need to mark only
 * their own executions.
 */
@Startup
@Singleton
public class InterruptedExecutions {

    static final String EXIT_STATUS = "FAILED: the server stopped while it ran";

    private static final Logger LOG = Logger.getLogger(InterruptedExecutions.class);
    private static final String STILL_RUNNING = "BATCHSTATUS IN ('STARTING', 'STARTED', 'STOPPING')";

    @Resource(lookup = HandoffDataSourceProducer.JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void markFailed() {
        try (Connection connection = dataSource.getConnection()) {
            int steps = fail(connection, "STEP_EXECUTION");
            int executions = fail(connection, "JOB_EXECUTION");
            if (executions + steps > 0) {
                ReportsLogger.LOG.interruptedExecutionsFailed(executions, steps);
            }
        } catch (SQLException e) {
            // On a first start JBeret has not created its tables yet: nothing was left running.
            LOG.debugf(e, "No interrupted batch executions marked");
        }
    }

    private static int fail(Connection connection, String table) throws SQLException {
        String sql = "UPDATE " + table + " SET BATCHSTATUS = 'FAILED', EXITSTATUS = ?, ENDTIME = ? WHERE "
                + STILL_RUNNING;
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, EXIT_STATUS);
            update.setTimestamp(2, Timestamp.from(Instant.now()));
            return update.executeUpdate();
        }
    }
}
