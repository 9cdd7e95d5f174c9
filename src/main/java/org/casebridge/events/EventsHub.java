package org.casebridge.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listens on the PostgreSQL channel {@link Events#CHANNEL} with one dedicated connection and
 * hands every notice to this replica's subscribers. Every replica runs one; none keeps state the others need.
 * If the database goes away the listener reconnects.
 */
@ApplicationScoped
public class EventsHub {

    private static final Logger LOG = Logger.getLogger(EventsHub.class);

    private final DataSource dataSource;
    private final BroadcastProcessor<Notice> notices = BroadcastProcessor.create();
    private final Set<String> unknownKinds = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread listener;

    public EventsHub(DataSource dataSource) {
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
        listener = new Thread(this::listen, "casebridge-events-listener");
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

    /**
     * A payload that is not a notice (anyone with database access can notify the channel) is skipped, not fatal. So is
     * a notice of a kind this replica does not know (a newer replica's, during a rolling deploy), with one warning per
     * kind: a deploy can announce many of them.
     */
    void deliver(String payload) {
        Notice notice;
        try {
            notice = Notice.parse(payload);
        } catch (Notice.UnknownKind unknown) {
            if (unknownKinds.add(unknown.kind)) {
                LOG.warnf("Skipping notices of kind %s on %s, which this version does not know (a newer replica's?); further ones silently",
                        unknown.kind, Events.CHANNEL);
            }
            return;
        } catch (RuntimeException e) {
            LOG.warnf("Skipped a notification on %s that is not a Casebridge notice (%s)", Events.CHANNEL, e.getClass().getSimpleName());
            return;
        }
        notices.onNext(notice);
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("listen " + Events.CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(1_000);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("Event listener lost its connection (%s); reconnecting", e.getClass().getSimpleName());
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
