package dev.handoff.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The chain every other integration test stands on: server up, EAR deployed, broker reachable from outside. */
@ExtendWith(ArquillianExtension.class)
class ServerSmokeIT {

    /** The raw-broker benchmark queue: nothing in Handoff consumes it. */
    private static final String BENCH = "handoff.bench";
    private static final long RECEIVE_TIMEOUT_MS = 10_000;

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive handoff() {
        return Deployments.handoff();
    }

    @Test
    void theApiAnswersOnTheHttpPort() {
        HttpResponse<String> response = Api.get("/api/jobs/unknown-id");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void theJobsQueueTakesAMessageFromARemoteClient() throws Exception {
        long before = ServerModel.messagesAdded(management, Broker.JOBS);

        try (JMSContext jms = Broker.connectionFactory().createContext()) {
            jms.createProducer().send(jms.createQueue(Broker.JOBS), "smoke test: not a job");
        }

        assertThat(ServerModel.messagesAdded(management, Broker.JOBS)).isEqualTo(before + 1);
    }

    @Test
    void aRemoteClientGetsBackWhatItSentThroughTheBroker() {
        String marker = UUID.randomUUID().toString();

        String received;
        try (JMSContext jms = Broker.connectionFactory().createContext()) {
            Queue bench = jms.createQueue(BENCH);
            jms.createProducer().setProperty("marker", marker).send(bench, "round trip");
            received = jms.createConsumer(bench, "marker = '" + marker + "'")
                    .receiveBody(String.class, RECEIVE_TIMEOUT_MS);
        }

        assertThat(received).isEqualTo("round trip");
    }
}
