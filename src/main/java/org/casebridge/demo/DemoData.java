package org.casebridge.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Loads the demo agencies, cases and referrals for the README's run command and the tests, after Flyway has
 * migrated. Off unless {@code casebridge.demo-data.enabled=true}; the scripts are idempotent, so a restart
 * keeps what the demo stored.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final List<String> SCRIPTS = List.of("db/demo/01-directory.sql");

    private final DataSource dataSource;
    private final boolean enabled;

    public DemoData(DataSource dataSource, @ConfigProperty(name = "casebridge.demo-data.enabled", defaultValue = "false") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    void load(@Observes StartupEvent startup) throws SQLException, IOException {
        if (!enabled) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String script : SCRIPTS) {
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(script)) {
                    if (in == null) {
                        throw new IllegalStateException("Missing demo script " + script);
                    }
                    statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        LOG.infof("Demo data loaded (%d scripts)", SCRIPTS.size());
    }
}
