package dev.handoff.bench;

import java.net.URI;
import java.nio.file.Path;

/** The WildFly the benchmark starts, and how clients reach it on 127.0.0.1. */
record ServerSettings(Path wildflyHome, Path baseDir, int portOffset, String heap, String jmsUser,
                      String jmsPassword) {

    static final String WILDFLY_HOME = "bench.wildfly-home";
    static final String BASE_DIR = "bench.server-base-dir";
    static final String JMS_USER = "bench.jms-user";
    static final String JMS_PASSWORD = "bench.jms-password";

    /** Keeps the benchmark's server clear of a test or run server on the default ports. */
    static final String PORT_OFFSET = "bench.port-offset";
    static final int DEFAULT_PORT_OFFSET = 300;

    static final String HEAP = "bench.server-heap";
    static final String DEFAULT_HEAP = "-Xms1g -Xmx1g";

    static final String LOOPBACK = "127.0.0.1";
    private static final int HTTP_PORT = 8080;
    private static final int MANAGEMENT_PORT = 9990;

    static ServerSettings fromSystemProperties() {
        return new ServerSettings(
                SystemSettings.path(WILDFLY_HOME),
                SystemSettings.path(BASE_DIR),
                SystemSettings.count(PORT_OFFSET, DEFAULT_PORT_OFFSET),
                SystemSettings.text(HEAP, DEFAULT_HEAP),
                SystemSettings.required(JMS_USER),
                SystemSettings.required(JMS_PASSWORD));
    }

    int httpPort() {
        return HTTP_PORT + portOffset;
    }

    int managementPort() {
        return MANAGEMENT_PORT + portOffset;
    }

    URI httpBase() {
        return URI.create("http://" + LOOPBACK + ":" + httpPort());
    }

    /** Artemis through WildFly's HTTP port, the way a remote application sends to the embedded broker. */
    String brokerUrl() {
        return "tcp://" + LOOPBACK + ":" + httpPort() + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor";
    }
}
