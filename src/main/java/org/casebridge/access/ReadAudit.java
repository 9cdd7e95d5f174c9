package org.casebridge.access;

import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.cdi.event.AfterExecute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Collects the survivor information a request reads (and is refused) field by field, and writes it to the
 * audit log once, when the GraphQL execution ends — one statement for a page of 5 or of 100 cases.
 */
@RequestScoped
public class ReadAudit {

    private final Map<UUID, Set<InformationCategory>> read = new LinkedHashMap<>();
    private final Map<UUID, Set<InformationCategory>> refused = new LinkedHashMap<>();
    private Caller caller;

    void read(Caller caller, UUID caseId, InformationCategory category) {
        this.caller = caller;
        if (InformationCategory.AUDITED_ON_READ.contains(category)) {
            read.computeIfAbsent(caseId, id -> EnumSet.noneOf(InformationCategory.class)).add(category);
        }
    }

    void refused(Caller caller, UUID caseId, InformationCategory category) {
        this.caller = caller;
        refused.computeIfAbsent(caseId, id -> EnumSet.noneOf(InformationCategory.class)).add(category);
    }

    void flush(AuditLog log) {
        if (caller != null && (!read.isEmpty() || !refused.isEmpty())) {
            log.reads(caller, AuditLog.perCase("case.read", read), AuditLog.perCase("case.read", refused));
        }
        read.clear();
        refused.clear();
    }

    @ApplicationScoped
    static class Flusher {
        private final ReadAudit reads;
        private final AuditLog log;

        Flusher(ReadAudit reads, AuditLog log) {
            this.reads = reads;
            this.log = log;
        }

        void afterExecute(@Observes @AfterExecute Context context) {
            reads.flush(log);
        }
    }
}
