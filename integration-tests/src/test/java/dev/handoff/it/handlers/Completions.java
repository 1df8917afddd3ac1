package dev.handoff.it.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Test-only ledger of completed runs: table {@code it_completion}, one row per run of a {@code test-recorded}
 * job that committed. The row is written in the attempt's transaction, so it exists exactly when the job's
 * success does; a job completed twice has two rows. Nothing makes the rows unique, so that a second completion
 * shows rather than failing.
 */
@ApplicationScoped
public class Completions {

    private static final String CREATE = "CREATE TABLE IF NOT EXISTS it_completion"
            + " (job_id VARCHAR(64) NOT NULL, attempt INTEGER NOT NULL)";
    private static final String INSERT = "INSERT INTO it_completion (job_id, attempt) VALUES (?, ?)";
    private static final String COUNT = "SELECT job_id, COUNT(*) FROM it_completion GROUP BY job_id";

    @Inject
    DataSource dataSource;

    private volatile boolean created;

    /** Records a run, in the caller's transaction. */
    void record(String jobId, int attempt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, jobId);
            insert.setInt(2, attempt);
            insert.executeUpdate();
        }
    }

    /** How many committed runs each job has: {@code {jobId: count}}. */
    JsonObject countsByJob() throws SQLException {
        JsonObjectBuilder counts = Json.createObjectBuilder();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(COUNT);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                counts.add(row.getString(1), row.getLong(2));
            }
        }
        return counts.build();
    }

    /** Creates the table once, outside any transaction: H2 commits on DDL. */
    @Transactional(TxType.NOT_SUPPORTED)
    public synchronized void ensureTable() throws SQLException {
        if (created) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement create = connection.createStatement()) {
            create.execute(CREATE);
        }
        created = true;
    }
}
