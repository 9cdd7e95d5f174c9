package org.casebridge.runtime;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Handler;

/**
 * One JSON object per log line on the console in production ({@code casebridge.log.json}), for the cluster's
 * log collector. (The JSON-logging extension is not in this project's build registry, and the log manager's own
 * JSON formatter cannot see a JSON library from where it is loaded, hence this small formatter.) Lines written
 * before startup completes stay plain text.
 */
@ApplicationScoped
public class JsonLogging {

    void install(@Observes @Priority(1) StartupEvent startup,
                 @ConfigProperty(name = "casebridge.log.json", defaultValue = "false") boolean json) {
        if (json) {
            for (Handler handler : LogContext.getLogContext().getLogger("").getHandlers()) {
                apply(handler, new JsonLines());
            }
        }
    }

    private static void apply(Handler handler, JsonLines formatter) {
        if (handler instanceof ConsoleHandler console) {
            console.setFormatter(formatter);
        }
        if (handler instanceof ExtHandler parent) {
            for (Handler child : parent.getHandlers()) {
                apply(child, formatter);
            }
        }
    }

    static final class JsonLines extends ExtFormatter {
        @Override
        public String format(ExtLogRecord record) {
            StringBuilder line = new StringBuilder(256).append('{');
            field(line, "timestamp", Instant.ofEpochMilli(record.getMillis()).toString()).append(',');
            field(line, "level", record.getLevel().getName()).append(',');
            field(line, "logger", record.getLoggerName()).append(',');
            field(line, "thread", record.getThreadName()).append(',');
            field(line, "message", formatMessage(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(',');
                field(line, "exception", trace.toString());
            }
            return line.append("}\n").toString();
        }

        private static StringBuilder field(StringBuilder line, String name, String value) {
            line.append('"').append(name).append("\":\"");
            String text = value == null ? "" : value;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> line.append("\\\"");
                    case '\\' -> line.append("\\\\");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    case '\t' -> line.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            line.append(String.format("\\u%04x", (int) c));
                        } else {
                            line.append(c);
                        }
                    }
                }
            }
            return line.append('"');
        }
    }
}
