package dev.handoff.events;

/** The topic that wakes event streams on every node: its JNDI name and the properties of its messages. */
public final class EventTopic {

    /** Created by {@code wildfly-config}'s {@code events.cli}. */
    public static final String JNDI_NAME = "java:/jms/topic/handoff.job-events";

    /** String property: the job the event is about. */
    public static final String JOB_ID = "jobId";

    /** String property: who submitted the job, absent for a job that came by JMS. */
    public static final String SUBMITTER = "submitter";

    /** String property: the event's kind in lower case ({@code started}, ..., {@code cancelled}). */
    public static final String KIND = "kind";

    private EventTopic() {
    }
}
