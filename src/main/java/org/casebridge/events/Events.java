package org.casebridge.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.casebridge.webhook.WebhookOutbox;

/**
 * Announces changes of referrals and conferences on the PostgreSQL channel {@value #CHANNEL}. {@code pg_notify}
 * inside the changing transaction is delivered on commit, to every replica listening, and never for work rolled
 * back. A notice names the thing and the agencies concerned only: no survivor information travels in it. The same
 * call writes the webhook outbox in that transaction (webhook/WebhookOutbox).
 */
@ApplicationScoped
public class Events {

    public static final String CHANNEL = "casebridge_events";

    private final EntityManager em;
    private final WebhookOutbox webhooks;

    public Events(EntityManager em, WebhookOutbox webhooks) {
        this.em = em;
        this.webhooks = webhooks;
    }

    public void publish(Notice notice) {
        webhooks.record(notice);
        em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL).setParameter(2, notice.toJson()).getSingleResult();
    }
}
