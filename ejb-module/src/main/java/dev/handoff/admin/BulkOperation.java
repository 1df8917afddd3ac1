package dev.handoff.admin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.Locale;

/**
 * A replay or purge of every dead letter a filter names, run in the background. It takes the dead letters that
 * had failed when it started: a replayed job that fails again is not replayed twice.
 */
@Entity
@Table(name = "handoff_bulk_operation")
public class BulkOperation {

    /** What a bulk operation does to each dead letter. */
    public enum Action {
        REPLAY(AuditAction.BULK_REPLAY), PURGE(AuditAction.BULK_PURGE);

        private final AuditAction audited;

        Action(AuditAction audited) {
            this.audited = audited;
        }

        AuditAction audited() {
            return audited;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    private Action action;

    @Enumerated(EnumType.STRING)
    private BulkStatus status;

    @Column(name = "filter_json")
    private String filter;

    @Column(name = "rate_per_second")
    private Double ratePerSecond;

    private long matched;

    private long done;

    private long skipped;

    @Column(name = "actor_kind")
    private String actorKind;

    private String actor;

    /** The server start running it; see {@link ServerStart}. */
    private String owner;

    @Column(name = "stop_requested")
    private boolean stopRequested;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected BulkOperation() {
    }

    BulkOperation(String id, BulkRequest request, long matched, Actor actor, Instant now) {
        this.id = id;
        this.action = request.action();
        this.status = BulkStatus.RUNNING;
        this.filter = request.filter().toJson().toString();
        this.ratePerSecond = request.action() == Action.REPLAY ? request.ratePerSecond() : null;
        this.matched = matched;
        this.actorKind = actor.kind().wireName();
        this.actor = actor.name();
        this.owner = ServerStart.THIS;
        this.createdAt = now;
    }

    void end(BulkStatus end, Instant now) {
        status = end;
        finishedAt = now;
    }

    public String getId() {
        return id;
    }

    public Action getAction() {
        return action;
    }

    /** The status, {@link BulkStatus#INTERRUPTED} for one whose server start is gone while it ran. */
    public BulkStatus getStatus() {
        boolean orphaned = status == BulkStatus.RUNNING && ServerStart.isEarlierStartOfThisNode(owner);
        return orphaned ? BulkStatus.INTERRUPTED : status;
    }

    /** The filter, times resolved to instants. */
    public JsonObject getFilter() {
        return Json.createReader(new StringReader(filter)).readObject();
    }

    /** Replays per second, for a replay; {@code null} for a purge. */
    public Double getRatePerSecond() {
        return ratePerSecond;
    }

    /** How many dead letters the filter named when the operation started. */
    public long getMatched() {
        return matched;
    }

    /** How many dead letters it has replayed or purged. */
    public long getDone() {
        return done;
    }

    /** How many it left alone: refused (a payload no longer valid, a job changed meanwhile) or failed. */
    public long getSkipped() {
        return skipped;
    }

    public Actor getActor() {
        return new Actor(Actor.Kind.ofWireName(actorKind), actor);
    }

    public boolean isStopRequested() {
        return stopRequested;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
