package dev.handoff.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * The crash-test server: container {@value #CONTAINER} of {@code arquillian.xml}, in manual mode, which a test
 * starts, kills and restarts. The EAR is deployed when the server lacks it; the server keeps it across restarts,
 * like its data.
 *
 * <p>Arquillian stops the server after the test class, also when a test fails, and a JVM shutdown hook of the
 * container destroys it should the test JVM end first.
 */
final class CrashServer {

    static final String CONTAINER = "crash-server";
    static final String DEPLOYMENT = "handoff-crash-test";
    static final Path BASE_DIR = Path.of(System.getProperty("handoff.it.crash.base-dir",
            "target/wildfly-crash-server"));
    static final Path SERVER_LOG = BASE_DIR.resolve("log").resolve("server.log");

    private static final int HTTP_PORT = Integer.getInteger("handoff.it.crash.http-port", 8280);
    private static final int MANAGEMENT_PORT = Integer.getInteger("handoff.it.crash.management-port", 10190);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    private final ContainerController containers;
    private final Deployer deployer;

    CrashServer(ContainerController containers, Deployer deployer) {
        this.containers = containers;
        this.deployer = deployer;
    }

    static ServerApi api() {
        return new ServerApi(HTTP_PORT);
    }

    /** The broker's URL for remote JMS clients, through the server's HTTP port. */
    static String brokerUrl() {
        return "tcp://127.0.0.1:" + HTTP_PORT + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor";
    }

    /** Starts the server unless it runs, and deploys the EAR the first time. */
    void ensureRunning() {
        if (containers.isStarted(CONTAINER) && !api().isUp()) {
            // An earlier test left it dead, mid-crash: forget that process.
            containers.kill(CONTAINER);
        }
        if (!containers.isStarted(CONTAINER)) {
            containers.start(CONTAINER);
        }
        if (!isDeployed()) {
            // Asked of the server, not remembered: Arquillian undeploys it at the end of each test class.
            deployer.deploy(DEPLOYMENT);
        }
        api().awaitUp(Duration.ofSeconds(60));
    }

    /** Kills the server's JVM with SIGKILL, as {@code kill -9} does, and waits until it is gone. */
    void killHard() throws IOException {
        ProcessHandle server = process();
        assertThat(server.destroyForcibly()).as("SIGKILL sent to %s", server.pid()).isTrue();
        awaitExit(server);
    }

    /** Starts the server again after its JVM died, with the data and deployment it had. */
    void restartAfterCrash() {
        // The container still counts itself started: let it find its process dead and forget it.
        containers.kill(CONTAINER);
        containers.start(CONTAINER);
        api().awaitUp(Duration.ofSeconds(60));
    }

    /** The server's JVM, which must be a process this test JVM started. */
    ProcessHandle process() throws IOException {
        long pid = pid();
        ProcessHandle server = ProcessHandle.current().descendants()
                .filter(process -> process.pid() == pid)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Process " + pid + " is not the test's own server"));
        assertThat(server.isAlive()).isTrue();
        return server;
    }

    static void awaitExit(ProcessHandle server) {
        try {
            server.onExit().get(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Server process " + server.pid() + " still alive after " + EXIT_TIMEOUT, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the server has the EAR deployed, as its management model says. */
    private static boolean isDeployed() {
        ModelNode deployment = Operations.createAddress("deployment", Deployments.EAR_NAME);
        try (ModelControllerClient client = ModelControllerClient.Factory.create(
                InetAddress.getLoopbackAddress(), MANAGEMENT_PORT)) {
            return Operations.isSuccessfulOutcome(client.execute(Operations.createReadResourceOperation(deployment)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the crash-test server's management port", e);
        }
    }

    /** The JVM's process id, from its runtime name {@code pid@host} in the management model. */
    private static long pid() throws IOException {
        ModelNode runtime = Operations.createAddress("core-service", "platform-mbean", "type", "runtime");
        try (ModelControllerClient client = ModelControllerClient.Factory.create(
                InetAddress.getLoopbackAddress(), MANAGEMENT_PORT)) {
            ModelNode outcome = client.execute(Operations.createReadAttributeOperation(runtime, "name"));
            if (!Operations.isSuccessfulOutcome(outcome)) {
                throw new IllegalStateException(Operations.getFailureDescription(outcome).asString());
            }
            String name = Operations.readResult(outcome).asString();
            return Long.parseLong(name.substring(0, name.indexOf('@')));
        }
    }
}
