package dev.handoff.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker's side of retries, as wildfly-config sets it up on handoff.jobs: redelivery delays, a bounded number
 * of deliveries, then the dead-letter queue. Handoff is not deployed here, so the test is the queue's only consumer.
 */
@ExtendWith(ArquillianExtension.class)
class JobsQueueRedeliveryIT {

    private static final int MAX_ATTEMPTS = 3;
    private static final long FIRST_REDELIVERY_DELAY_MS = 1_000;
    private static final long SECOND_REDELIVERY_DELAY_MS = 2_000;
    private static final long TIMER_SLACK_MS = 100;
    private static final long RECEIVE_TIMEOUT_MS = 10_000;

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static WebArchive nothingThatConsumesTheJobsQueue() {
        return ShrinkWrap.create(WebArchive.class, "no-jobs-consumer.war")
                .addAsWebResource(EmptyAsset.INSTANCE, "index.html");
    }

    @Test
    void theApplicationReadsTheSameMaxAttemptsAsTheBrokerApplies() throws Exception {
        String property = ServerModel.systemProperty(management, "handoff.jobs.max-attempts");
        int brokerLimit = ServerModel.addressSetting(management, "jms.queue.handoff.jobs", "max-delivery-attempts")
                .asInt();

        assertThat(Integer.parseInt(property)).isEqualTo(brokerLimit).isEqualTo(MAX_ATTEMPTS);
    }

    @Test
    void aMessageRolledBackOnEveryAttemptIsRedeliveredLaterEachTimeThenDeadLettered() throws Exception {
        String marker = UUID.randomUUID().toString();
        String selector = "marker = '" + marker + "'";

        List<Long> deliveredAt = sendAndRollBackEachDelivery(marker, selector);
        Message deadLetter = Broker.receive(Broker.JOBS_DEAD_LETTERS, selector, Duration.ofMillis(RECEIVE_TIMEOUT_MS));

        assertThat(deliveredAt.get(1) - deliveredAt.get(0))
                .isGreaterThanOrEqualTo(FIRST_REDELIVERY_DELAY_MS - TIMER_SLACK_MS);
        assertThat(deliveredAt.get(2) - deliveredAt.get(1))
                .isGreaterThanOrEqualTo(SECOND_REDELIVERY_DELAY_MS - TIMER_SLACK_MS);
        assertThat(deadLetter).as("the message in handoff.jobs.dlq").isNotNull();
        assertThat(deadLetter.getBody(String.class)).isEqualTo("always fails");
    }

    /** Sends one message, then receives and rolls back each of its deliveries; returns when each came. */
    private static List<Long> sendAndRollBackEachDelivery(String marker, String selector) {
        List<Long> deliveredAt = new ArrayList<>();
        try (JMSContext jms = Broker.connectionFactory().createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue jobs = jms.createQueue(Broker.JOBS);
            jms.createProducer().setProperty("marker", marker).send(jobs, "always fails");
            jms.commit();

            JMSConsumer consumer = jms.createConsumer(jobs, selector);
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                assertThat(consumer.receive(RECEIVE_TIMEOUT_MS)).as("delivery %d", attempt).isNotNull();
                deliveredAt.add(System.currentTimeMillis());
                jms.rollback();
            }
        }
        return deliveredAt;
    }
}
