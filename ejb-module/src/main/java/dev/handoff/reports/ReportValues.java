package dev.handoff.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;

/** The table {@code handoff_report_value}: the measures a report job has read so far. */
@ApplicationScoped
public class ReportValues {

    /** How far a report's values go: how many are stored, and the number of the last row stored. */
    record SoFar(long count, long lastRowNumber) {

        /** The rows up to the last one stored that were skipped. */
        long skipped() {
            return lastRowNumber - count;
        }
    }

    private static final String DELETE_RANGE = "DELETE FROM handoff_report_value"
            + " WHERE job_id = ? AND row_no BETWEEN ? AND ?";
    private static final String INSERT = "INSERT INTO handoff_report_value (job_id, row_no, group_key, measure)"
            + " VALUES (?, ?, ?, ?)";
    private static final String SO_FAR = "SELECT COUNT(*), COALESCE(MAX(row_no), 0) FROM handoff_report_value"
            + " WHERE job_id = ?";
    private static final String DELETE_ALL = "DELETE FROM handoff_report_value WHERE job_id = ?";
    private static final String SELECT_ALL = "SELECT group_key, measure FROM handoff_report_value WHERE job_id = ?";

    @Inject
    DataSource dataSource;

    /**
     * Stores a chunk's values, in row order, replacing any stored before for the same rows: rows read again
     * after a restart are counted once.
     */
    void store(String jobId, List<ReportValue> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            deleteRange(connection, jobId, values.get(0).rowNumber(), values.get(values.size() - 1).rowNumber());
            insert(connection, jobId, values);
        }
    }

    SoFar soFar(String jobId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SO_FAR)) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new SoFar(row.getLong(1), row.getLong(2));
            }
        }
    }

    void deleteAll(String jobId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            deleteAll(connection, jobId);
        }
    }

    static void deleteAll(Connection connection, String jobId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_ALL)) {
            delete.setString(1, jobId);
            delete.executeUpdate();
        }
    }

    /** A report's measures by group, the groups in the order of their keys. */
    static SortedMap<String, GroupMeasures> groups(Connection connection, String jobId) throws SQLException {
        SortedMap<String, GroupMeasures> groups = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_ALL)) {
            select.setString(1, jobId);
            select.setFetchSize(1000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    groups.computeIfAbsent(row.getString(1), key -> new GroupMeasures()).add(row.getDouble(2));
                }
            }
        }
        return groups;
    }

    private static void deleteRange(Connection connection, String jobId, long first, long last)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_RANGE)) {
            delete.setString(1, jobId);
            delete.setLong(2, first);
            delete.setLong(3, last);
            delete.executeUpdate();
        }
    }

    private static void insert(Connection connection, String jobId, List<ReportValue> values)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (ReportValue value : values) {
                insert.setString(1, jobId);
                insert.setLong(2, value.rowNumber());
                insert.setString(3, value.groupKey());
                insert.setDouble(4, value.measure());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
