package dev.handoff.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The WildFly the benchmark measures: started from the provisioned server with the base directory the build prepared
 * (configuration copy, EAR in deployments/, empty data), bound to 127.0.0.1 only, stopped by its process id.
 */
final class BenchServer implements AutoCloseable {

    static final String DEPLOYMENT = "handoff.ear";
    private static final String EJB_MODULE = "handoff-ejb.jar";
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Duration STOP_LIMIT = Duration.ofMinutes(1);
    private static final Duration CLI_LIMIT = Duration.ofMinutes(1);
    private static final long POLL_MILLIS = 250;

    private final ServerSettings settings;
    private Process launcher;
    private boolean stopped;

    private BenchServer(ServerSettings settings) {
        this.settings = settings;
    }

    /** Starts the server and returns once the EAR is deployed; stops it again if that fails. */
    static BenchServer start(ServerSettings settings) throws Exception {
        BenchServer server = new BenchServer(settings);
        server.refuseTakenPorts();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "bench-server-stop"));
        try {
            server.launch();
            server.awaitDeployment();
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Stops or resumes the delivery of messages to a message-driven bean of the EAR's EJB module, through the CLI;
     * the answer, once awaited, says whether the operation succeeded.
     */
    CliCall delivery(String messageDrivenBean, boolean on) throws IOException {
        return cli("/deployment=" + DEPLOYMENT + "/subdeployment=" + EJB_MODULE + "/subsystem=ejb3"
                + "/message-driven-bean=" + messageDrivenBean + ":" + (on ? "start-delivery" : "stop-delivery"));
    }

    /** Sets a system property of the running server, through the CLI. */
    CliCall systemProperty(String name, String value) throws IOException {
        return cli("/system-property=" + name + ":add(value=\"" + value + "\")");
    }

    Path log() {
        return settings.baseDir().resolve("log/server.log");
    }

    @Override
    public synchronized void close() {
        if (launcher == null || stopped) {
            return;
        }
        stopped = true;
        serverProcess().ifPresent(this::terminate);
        terminate(launcher.toHandle());
        Console.progress("WildFly stopped");
    }

    /** Measure only a server started here: refuse to start beside anything already on the ports. */
    private void refuseTakenPorts() {
        for (int port : List.of(settings.httpPort(), settings.managementPort())) {
            if (listening(port)) {
                throw new IllegalStateException("Something already listens on " + ServerSettings.LOOPBACK + ":"
                        + port + "; stop it or choose another -D" + ServerSettings.PORT_OFFSET);
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ServerSettings.LOOPBACK, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void launch() throws IOException {
        Path home = settings.wildflyHome();
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/standalone.sh").toString(),
                "--server-config=standalone-full.xml",
                "-b=" + ServerSettings.LOOPBACK,
                "-bmanagement=" + ServerSettings.LOOPBACK,
                "-Djboss.server.base.dir=" + settings.baseDir(),
                "-Djboss.socket.binding.port-offset=" + settings.portOffset());
        environment(builder.environment());
        builder.environment().put("JBOSS_JAVA_SIZING", settings.heap());
        // The script then runs WildFly in the background, writes its pid to the file and waits for it.
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        builder.environment().put("JBOSS_PIDFILE", pidFile().toString());
        builder.redirectErrorStream(true).redirectOutput(settings.baseDir().resolve("console.log").toFile());
        launcher = builder.start();
        Console.progress("WildFly starting on %s:%d (management %d), base dir %s", ServerSettings.LOOPBACK,
                settings.httpPort(), settings.managementPort(), settings.baseDir());
    }

    private void environment(Map<String, String> environment) {
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("JBOSS_HOME", settings.wildflyHome().toString());
        environment.remove("JAVA_OPTS");
    }

    /** The deployment scanner leaves handoff.ear.deployed, or .failed, beside the EAR. */
    private void awaitDeployment() throws InterruptedException, IOException {
        Path deployments = settings.baseDir().resolve("deployments");
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!Files.exists(deployments.resolve(DEPLOYMENT + ".deployed"))) {
            Path failed = deployments.resolve(DEPLOYMENT + ".failed");
            if (Files.exists(failed)) {
                throw new IllegalStateException("Deploying the EAR failed: " + Files.readString(failed));
            }
            if (!launcher.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("WildFly did not deploy the EAR; see " + log());
            }
            Thread.sleep(POLL_MILLIS);
        }
        Console.progress("WildFly up, %s deployed (pid %s)", DEPLOYMENT, serverProcess().map(p -> "" + p.pid())
                .orElse("?"));
    }

    private CliCall cli(String operation) throws IOException {
        Path output = Files.createTempFile(settings.baseDir(), "cli", ".out");
        ProcessBuilder builder = new ProcessBuilder("bash",
                settings.wildflyHome().resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=remote+http://" + ServerSettings.LOOPBACK + ":" + settings.managementPort(),
                "--command=" + operation);
        environment(builder.environment());
        Process cli = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new CliCall(operation, cli, output);
    }

    /** A CLI operation under way in a process of its own. */
    record CliCall(String operation, Process process, Path output) {

        /** Waits for the CLI to finish; throws with its output when the operation failed. */
        void await() throws IOException, InterruptedException {
            boolean ended = process.waitFor(CLI_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            if (!ended || process.exitValue() != 0) {
                throw new IllegalStateException("CLI " + operation + " failed: "
                        + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
        }
    }

    private Path pidFile() {
        return settings.baseDir().resolve("server.pid");
    }

    /** WildFly's JVM: by the pid the start script wrote, else the script's child. */
    private Optional<ProcessHandle> serverProcess() {
        try {
            long pid = Long.parseLong(Files.readString(pidFile()).strip());
            return ProcessHandle.of(pid);
        } catch (IOException | NumberFormatException e) {
            return launcher.toHandle().children().findFirst();
        }
    }

    /** SIGTERM, which WildFly takes as a graceful shutdown; SIGKILL if it has not ended within a minute. */
    private void terminate(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
