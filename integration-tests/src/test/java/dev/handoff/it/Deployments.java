package dev.handoff.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * The deployments of the integration tests, for {@code @Deployment(testable = false)} methods: the EAR the ear module
 * built, which the tests reach from outside, over HTTP and JMS, like any client.
 *
 * <p>Test-only beans go into a library jar in the EAR's {@code lib/}, with a {@code beans.xml} in bean discovery
 * mode {@code annotated}. WildFly lets that jar see the EJB module's classes, so a test job handler can implement
 * the handler SPI there and is discovered like the built-in ones.
 */
public final class Deployments {

    static final String EAR_FILE_PROPERTY = "handoff.ear.file";
    static final String EAR_NAME = "handoff.ear";
    static final String TEST_LIBRARY = "handoff-it-beans.jar";
    static final String TEST_HANDLERS_PACKAGE = "dev.handoff.it.handlers";

    private static final String BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.1" bean-discovery-mode="annotated"/>
            """;

    private Deployments() {
    }

    /** The built EAR, as it is. */
    public static EnterpriseArchive handoff() {
        return ShrinkWrap.create(ZipImporter.class, EAR_NAME).importFrom(builtEar()).as(EnterpriseArchive.class);
    }

    /** The built EAR with the test-only job handlers of {@code dev.handoff.it.handlers}. */
    public static EnterpriseArchive handoffWithTestHandlers() {
        return withTestLibrary(testLibrary().addPackages(false, TEST_HANDLERS_PACKAGE));
    }

    /** The built EAR with the given test classes as CDI beans in a library jar. */
    public static EnterpriseArchive handoffWith(Class<?>... testBeans) {
        return withTestLibrary(testLibrary().addClasses(testBeans));
    }

    private static JavaArchive testLibrary() {
        return ShrinkWrap.create(JavaArchive.class, TEST_LIBRARY)
                .addAsManifestResource(new StringAsset(BEANS_XML), "beans.xml");
    }

    private static EnterpriseArchive withTestLibrary(JavaArchive testLibrary) {
        return handoff().addAsLibrary(testLibrary);
    }

    private static File builtEar() {
        String path = System.getProperty(EAR_FILE_PROPERTY);
        if (path == null) {
            throw new IllegalStateException("System property " + EAR_FILE_PROPERTY + " is not set; run mvn verify");
        }
        File ear = new File(path);
        if (!ear.isFile()) {
            throw new IllegalStateException("No EAR at " + ear + "; build it first (mvn -pl ear -am package)");
        }
        return ear;
    }
}
