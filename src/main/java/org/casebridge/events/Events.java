package org.casebridge.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Announces changes of referrals and conferences on the PostgreSQL channel {@value #CHANNEL}. {@code pg_notify}
 * inside the changing transaction is delivered on commit, to every replica listening, and never for work rolled
 * back. A notice names the thing and the agencies concerned only: no survivor information travels in it.
 */
@ApplicationScoped
public class Events {

    public static final String CHANNEL = "casebridge_events";

    private final EntityManager em;

    public Events(EntityManager em) {
        this.em = em;
    }

    public void publish(Notice notice) {
        em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL).setParameter(2, notice.toJson()).getSingleResult();
    }
}
