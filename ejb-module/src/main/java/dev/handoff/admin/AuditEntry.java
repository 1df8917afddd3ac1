package dev.handoff.admin;

import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit: when, who, what action on which job or filter, and how it went. Never changed. */
@Entity
@Table(name = "handoff_audit")
public class AuditEntry {

    /** Details are cut to this many characters, the width of their column. */
    static final int DETAIL_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at")
    private Instant at;

    @Column(name = "actor_kind")
    private String actorKind;

    private String actor;

    private String action;

    @Column(name = "job_id")
    private String jobId;

    @Column(name = "operation_id")
    private String operationId;

    @Column(name = "filter_json")
    private String filter;

    private String outcome;

    private String detail;

    protected AuditEntry() {
    }

    private AuditEntry(Actor actor, AuditAction action, AuditOutcome outcome, Instant at) {
        this.actorKind = actor.kind().wireName();
        this.actor = actor.name();
        this.action = action.wireName();
        this.outcome = outcome.wireName();
        this.at = at;
    }

    static AuditEntry of(Actor actor, AuditAction action, AuditOutcome outcome, Instant at) {
        return new AuditEntry(actor, action, outcome, at);
    }

    static AuditEntry of(Actor actor, AuditAction action, AuditOutcome outcome) {
        return of(actor, action, outcome, Instant.now());
    }

    AuditEntry job(String id) {
        this.jobId = id;
        return this;
    }

    AuditEntry operation(String id) {
        this.operationId = id;
        return this;
    }

    AuditEntry filter(JsonObject filter) {
        this.filter = filter.toString();
        return this;
    }

    AuditEntry detail(String detail) {
        this.detail = detail == null || detail.length() <= DETAIL_LENGTH ? detail : detail.substring(0, DETAIL_LENGTH);
        return this;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public Actor getActor() {
        return new Actor(Actor.Kind.ofWireName(actorKind), actor);
    }

    /** The action's wire name, such as {@code replay}. */
    public String getAction() {
        return action;
    }

    public String getJobId() {
        return jobId;
    }

    /** The bulk operation the entry belongs to, or {@code null}. */
    public String getOperationId() {
        return operationId;
    }

    /** The filter the action applied to, as JSON text, or {@code null}. */
    public String getFilter() {
        return filter;
    }

    /** The outcome's wire name, such as {@code succeeded}. */
    public String getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }
}
