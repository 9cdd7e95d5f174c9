package org.casebridge.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.SessionPolicy;
import org.casebridge.agency.Agency;
import org.casebridge.agency.AgencyType;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.FreeText;
import org.casebridge.graphql.InputValidation;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The controlled theme list (migration V8): facilitators tag needs, quotes and follow-up requests with its themes
 * only, and every theme is a row of the needs-assessment aggregates whether or not anyone mentioned it.
 */
@ApplicationScoped
public class NeedThemes {

    @Type("NeedTheme")
    @Description("A theme of the controlled list that needs, quotes and follow-up requests are tagged with.")
    public record ThemeView(@NonNull String name, String description) {
    }

    @Input("AddNeedThemeInput")
    public record AddInput(@NonNull @NotNull @FreeText @Size(max = 60) String name,
                           @Size(max = 500) String description) {
    }

    @Type("AddNeedThemePayload")
    public record AddPayload(@NonNull ThemeView theme) {
    }

    private final AccessPolicy access;
    private final SessionPolicy sessionPolicy;
    private final AuditLog audit;
    private final InputValidation validation;
    private final EntityManager em;
    private final Clock clock;

    public NeedThemes(AccessPolicy access, SessionPolicy sessionPolicy, AuditLog audit, InputValidation validation, EntityManager em, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.sessionPolicy = sessionPolicy;
        this.audit = audit;
        this.validation = validation;
        this.em = em;
    }

    /** Every theme, by name: reference data, for any signed-in user. */
    public List<ThemeView> list() {
        access.caller();
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("select name, description from need_theme order by name", Tuple.class).getResultList();
        return rows.stream().map(t -> new ThemeView(t.get("name", String.class), t.get("description", String.class))).toList();
    }

    @Transactional
    public ThemeView add(AddInput input) {
        validation.check(input);
        String agency = access.caller().agencyCode();
        Caller caller = sessionPolicy.mayExtendThemeList(agency != null && Agency.byCode(agency)
                .map(a -> a.type == AgencyType.CASE_MANAGEMENT || a.type == AgencyType.CHILD_PROTECTION).orElse(false));
        String name = SessionNotesService.theme(input.name());
        int added = em.createNativeQuery("""
                        insert into need_theme (name, description, added_by_subject, added_at) values (?1, ?2, ?3, ?4)
                        on conflict (name) do nothing""")
                .setParameter(1, name).setParameter(2, input.description()).setParameter(3, caller.subject())
                .setParameter(4, OffsetDateTime.now(clock)).executeUpdate();
        if (added == 0) {
            throw ApiException.invalid("input.name", "The theme list already has '" + name + "'");
        }
        audit.allowed(caller, AuditLog.Entry.of("theme.add", "NeedTheme", null, null).withDetail(name));
        return new ThemeView(name, input.description());
    }

    /** Refuses a theme that is not on the list, naming the field. */
    void requireListed(String theme, String field, Set<String> listed) {
        if (!listed.contains(theme)) {
            throw ApiException.invalid(field, "'" + theme + "' is not on the theme list (needThemes); an agency admin adds themes");
        }
    }

    Set<String> names() {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select name from need_theme").getResultList();
        return new HashSet<>(names);
    }
}
