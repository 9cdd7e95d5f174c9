package org.casebridge.referral;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Listens on the PostgreSQL channel {@link ReferralNotifications#CHANNEL} with one dedicated connection and
 * hands every notice to this replica's subscribers. Every replica runs one; none keeps state the others need.
 * If the database goes away the listener reconnects.
 */
@ApplicationScoped
public class ReferralEventsHub {

    private static final Logger LOG = Logger.getLogger(ReferralEventsHub.class);

    /** A referral change as announced: no survivor information. */
    public record Notice(String referralId, String status, String fromAgency, String toAgency, String at) {
        static Notice parse(String payload) {
            JsonObject json = Json.createReader(new StringReader(payload)).readObject();
            return new Notice(json.getString("referralId"), json.getString("status"), json.getString("fromAgency", null),
                    json.getString("toAgency", null), json.getString("at", null));
        }
    }

    private final DataSource dataSource;
    private final BroadcastProcessor<Notice> notices = BroadcastProcessor.create();
    private volatile boolean running;
    private Thread listener;

    public ReferralEventsHub(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent startup) {
        start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "referral-events-listener");
        listener.setDaemon(true);
        listener.start();
    }

    public synchronized void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    public Multi<Notice> notices() {
        return notices;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("listen " + ReferralNotifications.CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(1_000);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            notices.onNext(Notice.parse(notification.getParameter()));
                        }
                    }
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("Referral event listener lost its connection (%s); reconnecting", e.getClass().getSimpleName());
                    try {
                        Thread.sleep(2_000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
