package org.casebridge.events;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rolling deploys: a newer replica announces a kind of notice an older one does not know, over the same pg_notify
 * channel. The older replica's listener skips it with one warning per kind, naming it, and goes on delivering the
 * notices it knows.
 */
class UnknownNoticeKindTest {

    @Test
    void aNoticeOfAnUnknownKindIsSkippedWithOneWarningPerKindAndTheNextOneIsDelivered() {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) warnings.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(EventsHub.class.getName());
        logger.addHandler(capture);
        try {
            EventsHub hub = new EventsHub(null);
            List<Notice> delivered = new CopyOnWriteArrayList<>();
            hub.notices().subscribe().with(delivered::add);
            Notice known = new Notice(Notice.Kind.REFERRAL, UUID.randomUUID(), "ACCEPTED", List.of("AMANI", "STLUKE"), OffsetDateTime.now());
            String json = known.toJson();

            hub.deliver(json.replace("\"REFERRAL\"", "\"FROM_THE_FUTURE\""));
            hub.deliver(json.replace("\"REFERRAL\"", "\"FROM_THE_FUTURE\""));
            hub.deliver(json.replace("\"REFERRAL\"", "\"ALSO_NEW\""));
            hub.deliver(json);

            assertEquals(List.of(known), delivered, "the known notice after the unknown ones did not arrive");
            List<String> messages = warnings.stream().map(r -> r.getMessage() + " " + List.of(r.getParameters() == null
                    ? new Object[0] : r.getParameters())).toList();
            assertEquals(2, warnings.size(), () -> "expected one warning per unknown kind: " + messages);
            assertTrue(messages.get(0).contains("FROM_THE_FUTURE") && messages.get(1).contains("ALSO_NEW"), messages::toString);
        } finally {
            logger.removeHandler(capture);
        }
    }
}
