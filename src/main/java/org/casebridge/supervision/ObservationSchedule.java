package org.casebridge.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import org.casebridge.supervision.SupervisionTypes.ExperienceLevel;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.Period;

/**
 * When a caseworker's next observation falls due. The tool suggests every two weeks for new caseworkers and
 * "monthly (i.e., once every two months)" for experienced ones; it contradicts itself, so the interval is
 * configuration: {@code casebridge.supervision.interval.new} (default P14D) and
 * {@code casebridge.supervision.interval.experienced} (default P1M, monthly). The feedback session is due "shortly
 * after the session": {@code casebridge.supervision.feedback-within} (default P7D).
 */
@ApplicationScoped
public class ObservationSchedule {

    private final Period newCaseworkers;
    private final Period experienced;
    private final Period feedbackWithin;

    public ObservationSchedule(@ConfigProperty(name = "casebridge.supervision.interval.new", defaultValue = "P14D") Period newCaseworkers,
                               @ConfigProperty(name = "casebridge.supervision.interval.experienced", defaultValue = "P1M") Period experienced,
                               @ConfigProperty(name = "casebridge.supervision.feedback-within", defaultValue = "P7D") Period feedbackWithin) {
        this.newCaseworkers = newCaseworkers;
        this.experienced = experienced;
        this.feedbackWithin = feedbackWithin;
    }

    /** "Shortly after the session, have an individual supervision session with the caseworker to provide feedback." */
    public LocalDate feedbackDue(LocalDate observedOn) {
        return observedOn.plus(feedbackWithin);
    }

    /** Due one interval after the last observation; a caseworker never observed is due from the day they started. */
    public LocalDate nextDue(ExperienceLevel level, LocalDate lastObservedOn, LocalDate startedOn) {
        if (lastObservedOn == null) {
            return startedOn;
        }
        return lastObservedOn.plus(level == ExperienceLevel.NEW ? newCaseworkers : experienced);
    }
}
