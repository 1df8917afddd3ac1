package dev.handoff.datasets;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * Makes Handoff's JTA datasource injectable, so that the code reaching it by JDBC (datasets, report batch
 * artifacts) runs unchanged outside the server, where tests put an alternative producer in its place.
 */
@ApplicationScoped
public class HandoffDataSourceProducer {

    public static final String JNDI_NAME = "java:jboss/datasources/HandoffDS";

    @Produces
    @Resource(lookup = JNDI_NAME)
    private DataSource dataSource;
}
