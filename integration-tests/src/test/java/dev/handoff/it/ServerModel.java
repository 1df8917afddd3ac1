package dev.handoff.it;

import java.io.IOException;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * Reads the test server's management model, through the {@link ManagementClient} that Arquillian injects into a
 * test with {@code @ArquillianResource}.
 */
public final class ServerModel {

    private ServerModel() {
    }

    /** How many messages the JMS queue has taken since the server started; {@code name} as in the subsystem. */
    public static long messagesAdded(ManagementClient client, String jmsQueue) throws IOException {
        ModelNode queue = Operations.createAddress(
                "subsystem", "messaging-activemq", "server", "default", "jms-queue", jmsQueue);
        return readAttribute(client, queue, "messages-added").asLong();
    }

    /** An attribute of the default Artemis server's address setting for {@code match}, such as jms.queue.x. */
    public static ModelNode addressSetting(ManagementClient client, String match, String attribute)
            throws IOException {
        ModelNode setting = Operations.createAddress(
                "subsystem", "messaging-activemq", "server", "default", "address-setting", match);
        return readAttribute(client, setting, attribute);
    }

    /** The value of a system property defined in the server configuration. */
    public static String systemProperty(ManagementClient client, String name) throws IOException {
        return readAttribute(client, Operations.createAddress("system-property", name), "value").asString();
    }

    /** Stops or restarts the delivery of messages to the jobs queue's message-driven bean. */
    public static void jobsDelivery(ManagementClient client, boolean on) throws IOException {
        ModelNode listener = Operations.createAddress("deployment", "handoff.ear", "subdeployment", "handoff-ejb.jar",
                "subsystem", "ejb3", "message-driven-bean", "JobsQueueListener");
        execute(client, Operations.createOperation(on ? "start-delivery" : "stop-delivery", listener));
    }

    /** Stops or restarts the delivery of the events topic's messages to this node's listener. */
    public static void eventsDelivery(ManagementClient client, boolean on) throws IOException {
        ModelNode listener = Operations.createAddress("deployment", "handoff.ear", "subdeployment", "handoff-ejb.jar",
                "subsystem", "ejb3", "message-driven-bean", "JobEventsTopicListener");
        execute(client, Operations.createOperation(on ? "start-delivery" : "stop-delivery", listener));
    }

    /** Sets a system property at runtime (added, or its value replaced), or removes it when the value is null. */
    public static void setSystemProperty(ManagementClient client, String name, String value) throws IOException {
        ModelNode property = Operations.createAddress("system-property", name);
        ModelNode read = client.getControllerClient().execute(Operations.createReadResourceOperation(property));
        if (Operations.isSuccessfulOutcome(read)) {
            execute(client, Operations.createRemoveOperation(property));
        }
        if (value != null) {
            ModelNode add = Operations.createAddOperation(property);
            add.get("value").set(value);
            execute(client, add);
        }
    }

    /** Suspends the server, as a graceful shutdown does first, waiting up to the timeout for work in flight. */
    public static void suspend(ManagementClient client, int timeoutSeconds) throws IOException {
        ModelNode suspend = Operations.createOperation("suspend", new ModelNode().setEmptyList());
        suspend.get("suspend-timeout").set(timeoutSeconds);
        execute(client, suspend);
    }

    public static void resume(ManagementClient client) throws IOException {
        execute(client, Operations.createOperation("resume", new ModelNode().setEmptyList()));
    }

    private static ModelNode execute(ManagementClient client, ModelNode operation) throws IOException {
        ModelNode outcome = client.getControllerClient().execute(operation);
        if (!Operations.isSuccessfulOutcome(outcome)) {
            throw new IllegalStateException(operation.get("operation") + " failed: "
                    + Operations.getFailureDescription(outcome).asString());
        }
        return Operations.readResult(outcome);
    }

    private static ModelNode readAttribute(ManagementClient client, ModelNode address, String attribute)
            throws IOException {
        ModelNode outcome = client.getControllerClient()
                .execute(Operations.createReadAttributeOperation(address, attribute));
        if (!Operations.isSuccessfulOutcome(outcome)) {
            throw new IllegalStateException("Reading " + attribute + " of " + address + " failed: "
                    + Operations.getFailureDescription(outcome).asString());
        }
        return Operations.readResult(outcome);
    }
}
