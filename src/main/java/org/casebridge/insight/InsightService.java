package org.casebridge.insight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.Caller;
import org.casebridge.graphql.ApiException;
import org.casebridge.supervision.SupervisionTypes.AreaRating;
import org.casebridge.supervision.SupervisionTypes.ObservationAreaCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Aggregates for state leads, computed in SQL and published only through disclosure control. */
@ApplicationScoped
public class InsightService {

    private final AccessPolicy access;
    private final EntityManager em;
    private final int threshold;

    public InsightService(AccessPolicy access, EntityManager em,
                          @ConfigProperty(name = "casebridge.disclosure.threshold", defaultValue = "11") int threshold) {
        this.access = access;
        this.em = em;
        this.threshold = threshold;
    }

    /** Supervision ratings per observation area in the state's agencies: completed observations in the period. */
    public AggregateTable supervisionRatings(String state, LocalDate from, LocalDate to) {
        Caller caller = access.caller();
        String forState = state == null ? caller.state() : state;
        access.mayReadAggregatesOf(forState);
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "The period ends before it starts");
        }
        List<String> areas = Arrays.stream(ObservationAreaCode.values()).map(Enum::name).toList();
        List<String> ratings = Arrays.stream(AreaRating.values()).map(Enum::name).toList();
        long[][] counts = new long[areas.size()][ratings.size()];
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select a.code, r.rating, count(*) from observation o
                        join agency g on g.id = o.agency_id and g.state = ?1
                        join observation_rating r on r.observation_id = o.id and r.rating is not null
                        join observation_area a on a.id = r.area_id
                        where o.status <> 'DRAFT' and o.observed_on between ?2 and ?3
                        group by a.code, r.rating""")
                .setParameter(1, forState).setParameter(2, from).setParameter(3, to).getResultList();
        for (Object[] row : rows) {
            counts[areas.indexOf((String) row[0])][ratings.indexOf((String) row[1])] = ((Number) row[2]).longValue();
        }
        return AggregateTable.publish("Supervision observation ratings per area", forState, from, to, threshold,
                "area", "rating", areas, ratings, counts);
    }
}
