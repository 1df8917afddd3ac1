package dev.handoff.reports;

import dev.handoff.datasets.DatasetStore;
import dev.handoff.datasets.H2DataSourceProducer;
import org.jberet.creation.BatchCDIExtension;
import org.jboss.weld.bootstrap.api.helpers.RegistrySingletonProvider;
import org.jboss.weld.bootstrap.spi.BeanDiscoveryMode;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Weld SE with the datasets and reports beans, where JBeret SE finds its batch artifacts: the container id
 * is the one JBeret looks up. The rest of the deployment (EJBs, JMS) is left out, as it needs the server; so
 * is discovery, which would also have loaded JBeret's CDI extension.
 */
final class BatchTestContainer {

    private static WeldContainer container;

    private BatchTestContainer() {
    }

    static synchronized <T> T bean(Class<T> type) {
        if (container == null) {
            container = new Weld(RegistrySingletonProvider.STATIC_INSTANCE)
                    .disableDiscovery()
                    .setBeanDiscoveryMode(BeanDiscoveryMode.ANNOTATED)
                    .addPackages(true, ReportHandler.class, DatasetStore.class)
                    .addBeanClasses(H2DataSourceProducer.class, FailingReportLauncher.class)
                    .addExtension(new BatchCDIExtension())
                    .initialize();
        }
        return container.select(type).get();
    }
}
