package org.casebridge.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.casebridge.casefile.IdentityCipher;
import org.casebridge.casefile.SurvivorIdentity;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * Loads the demo agencies, cases and referrals for the README's run command and the tests, after Flyway has
 * migrated. Off unless {@code casebridge.demo-data.enabled=true}; the scripts are idempotent, so a restart
 * keeps what the demo stored.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final Jsonb JSON = JsonbBuilder.create();
    static final List<String> SCRIPTS = List.of("db/demo/01-directory.sql", "db/demo/02-cases.sql",
            "db/demo/03-supervision.sql", "db/demo/04-case-work.sql", "db/demo/05-needs-assessment.sql",
            "db/demo/06-reporting-history.sql", "db/demo/07-people.sql", "db/demo/08-case-management-steps.sql", "db/demo/09-every-step.sql");

    private final DataSource dataSource;
    private final IdentityCipher cipher;
    private final boolean enabled;

    public DemoData(DataSource dataSource, IdentityCipher cipher,
                    @ConfigProperty(name = "casebridge.demo-data.enabled", defaultValue = "false") boolean enabled) {
        this.dataSource = dataSource;
        this.cipher = cipher;
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
            sealIdentities(connection);
        }
        LOG.infof("Demo data loaded (%d scripts)", SCRIPTS.size());
    }

    /** The demo scripts insert identities as plain JSON; seal them with the configured key before anyone reads them. */
    private void sealIdentities(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select id, convert_from(identity_sealed, 'UTF8') from survivor_case where identity_key_id = 'unsealed'");
             PreparedStatement update = connection.prepareStatement(
                     "update survivor_case set identity_key_id = ?, identity_sealed = ? where id = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                UUID id = rows.getObject(1, UUID.class);
                IdentityCipher.Sealed sealed = cipher.seal(id, JSON.fromJson(rows.getString(2), SurvivorIdentity.class));
                update.setString(1, sealed.keyId());
                update.setBytes(2, sealed.bytes());
                update.setObject(3, id);
                update.executeUpdate();
            }
        }
    }
}
