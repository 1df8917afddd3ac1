package dev.handoff.notifications;

import dev.handoff.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The table {@code handoff_notification_template}: every version of every template, and the compiled form of the
 * versions rendered so far (a version never changes, so its compiled form is kept for good).
 */
@ApplicationScoped
public class Templates {

    private static final String COLUMNS = "name, version, subject, text_body, html_body, created_at";
    private static final String LATEST = "SELECT " + COLUMNS + " FROM handoff_notification_template WHERE name = ?"
            + " ORDER BY version DESC FETCH FIRST 1 ROWS ONLY";
    private static final String VERSION = "SELECT " + COLUMNS + " FROM handoff_notification_template"
            + " WHERE name = ? AND version = ?";
    private static final String VERSIONS = "SELECT " + COLUMNS + " FROM handoff_notification_template"
            + " WHERE name = ? ORDER BY version";
    private static final String INSERT = "INSERT INTO handoff_notification_template (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    @Inject
    DataSource dataSource;

    private final Map<String, TemplateRenderer.Compiled> compiled = new ConcurrentHashMap<>();

    /**
     * Stores the template as its name's next version, in the caller's transaction.
     *
     * @throws dev.handoff.InvalidRequestException when a part does not compile; nothing is stored then
     */
    public Template put(TemplateRequest request) throws SQLException {
        TemplateRenderer.compile(request);
        int version = latest(request.name()).map(Template::version).orElse(0) + 1;
        Template template = new Template(request.name(), version, request.subject(), request.text(),
                request.html(), Instant.now());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, template.name());
            insert.setInt(2, template.version());
            insert.setString(3, template.subject());
            insert.setString(4, template.text());
            insert.setString(5, template.html());
            insert.setObject(6, OffsetDateTime.ofInstant(template.createdAt(), ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return template;
    }

    public Optional<Template> latest(String name) throws SQLException {
        List<Template> found = query(LATEST, name, null);
        return found.stream().findFirst();
    }

    public Optional<Template> version(String name, int version) throws SQLException {
        return query(VERSION, name, version).stream().findFirst();
    }

    public List<Template> versions(String name) throws SQLException {
        return query(VERSIONS, name, null);
    }

    /** The version compiled, from the cache when it was rendered before. */
    TemplateRenderer.Compiled compiled(String name, int version) throws SQLException {
        String key = name + "#" + version;
        TemplateRenderer.Compiled known = compiled.get(key);
        if (known != null) {
            return known;
        }
        Template template = version(name, version).orElseThrow(() -> new NotFoundException(
                "Template '" + name + "' has no version " + version + "."));
        TemplateRenderer.Compiled fresh = TemplateRenderer.compile(template);
        compiled.put(key, fresh);
        return fresh;
    }

    private List<Template> query(String sql, String name, Integer version) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, name);
            if (version != null) {
                select.setInt(2, version);
            }
            List<Template> templates = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    templates.add(template(row));
                }
            }
            return templates;
        }
    }

    private static Template template(ResultSet row) throws SQLException {
        return new Template(row.getString("name"), row.getInt("version"), row.getString("subject"),
                row.getString("text_body"), row.getString("html_body"),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
