package dev.handoff.datasets;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/** Outside the server, the datasource is the tests' H2 database. */
@Alternative
@Priority(1)
@ApplicationScoped
public class H2DataSourceProducer {

    @Produces
    DataSource dataSource() {
        return H2Database.dataSource();
    }
}
