package dev.handoff.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** An H2 database in memory with Handoff's schema, shared by the tests of one JVM. */
public final class H2Database {

    private static final String SCHEMA = "META-INF/sql/schema.sql";

    private static DataSource dataSource;

    private H2Database() {
    }

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:handoff-tests;DB_CLOSE_DELAY=-1");
            createSchema(h2);
            dataSource = h2;
        }
        return dataSource;
    }

    private static void createSchema(DataSource h2) {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements(schemaScript())) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The schema does not run on H2", e);
        }
    }

    /** The script's statements: comment lines dropped, split at semicolons. */
    private static String[] statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        return withoutComments.toString().strip().split(";\\s*");
    }

    private static String schemaScript() {
        try (InputStream script = H2Database.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
