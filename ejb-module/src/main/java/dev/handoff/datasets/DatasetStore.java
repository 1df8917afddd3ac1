package dev.handoff.datasets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/** The table {@code handoff_dataset}: datasets kept as they were sent, content streamed in and out. */
@ApplicationScoped
public class DatasetStore {

    private static final String FIND = "SELECT name, format, row_count, size_bytes, updated_at"
            + " FROM handoff_dataset WHERE name = ?";
    private static final String FIND_WITH_CONTENT = "SELECT name, format, row_count, size_bytes, updated_at, content"
            + " FROM handoff_dataset WHERE name = ?";
    private static final String UPDATE = "UPDATE handoff_dataset SET format = ?, row_count = ?, size_bytes = ?,"
            + " updated_at = ?, content = ? WHERE name = ?";
    private static final String INSERT = "INSERT INTO handoff_dataset"
            + " (format, row_count, size_bytes, updated_at, content, name) VALUES (?, ?, ?, ?, ?, ?)";

    @Inject
    DataSource dataSource;

    public Optional<DatasetInfo> find(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(info(row)) : Optional.empty();
            }
        }
    }

    /**
     * Stores a dataset, replacing one of the same name.
     *
     * <p>Two first uploads of one name at the same moment may both try to insert; the second then fails on
     * the primary key rather than replacing the first. An upsert statement would close that gap, at the
     * price of SQL that differs between H2 and PostgreSQL.
     *
     * @return whether the dataset is new
     */
    @Transactional
    public boolean save(DatasetInfo info, Path content) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            if (write(connection, UPDATE, info, content) == 1) {
                return false;
            }
            write(connection, INSERT, info, content);
            return true;
        }
    }

    /**
     * Copies a dataset's content into a file.
     *
     * @return the dataset copied, or empty when there is none of that name
     */
    public Optional<DatasetInfo> copyContent(String name, Path target) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(FIND_WITH_CONTENT)) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                try (InputStream content = row.getBinaryStream("content")) {
                    Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
                }
                return Optional.of(info(row));
            }
        }
    }

    private static int write(Connection connection, String sql, DatasetInfo info, Path content)
            throws SQLException, IOException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                InputStream bytes = Files.newInputStream(content)) {
            statement.setString(1, info.format().wireName());
            statement.setLong(2, info.rows());
            statement.setLong(3, info.sizeBytes());
            statement.setObject(4, OffsetDateTime.ofInstant(info.updatedAt(), ZoneOffset.UTC));
            statement.setBinaryStream(5, bytes, info.sizeBytes());
            statement.setString(6, info.name());
            return statement.executeUpdate();
        }
    }

    private static DatasetInfo info(ResultSet row) throws SQLException {
        return new DatasetInfo(
                row.getString("name"),
                DatasetFormat.ofWireName(row.getString("format")),
                row.getLong("row_count"),
                row.getLong("size_bytes"),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    /** The time a dataset is stored at, to the microsecond the column keeps. */
    static Instant now() {
        Instant now = Instant.now();
        return now.minusNanos(now.getNano() % 1000);
    }
}
