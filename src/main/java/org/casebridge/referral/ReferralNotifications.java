package org.casebridge.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Announces referral changes on the PostgreSQL channel {@value #CHANNEL}. {@code pg_notify} inside the
 * changing transaction is delivered on commit, to every replica listening, and never for work rolled back.
 * The payload names the referral and the two agencies only: no survivor information travels in it.
 */
@ApplicationScoped
public class ReferralNotifications {

    public static final String CHANNEL = "casebridge_referral";

    private final EntityManager em;

    public ReferralNotifications(EntityManager em) {
        this.em = em;
    }

    void publish(Referral referral) {
        notify(Json.createObjectBuilder()
                .add("referralId", referral.id.toString())
                .add("status", referral.status.name())
                .add("fromAgency", referral.fromAgency.code)
                .add("toAgency", referral.toAgency.code)
                .add("at", referral.updatedAt.toString())
                .build().toString());
    }

    void publishExpired(UUID referralId, String fromAgency, String toAgency, OffsetDateTime at) {
        notify(Json.createObjectBuilder().add("referralId", referralId.toString()).add("status", ReferralStatus.EXPIRED.name())
                .add("fromAgency", fromAgency).add("toAgency", toAgency).add("at", at.toString())
                .build().toString());
    }

    private void notify(String payload) {
        em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL).setParameter(2, payload).getSingleResult();
    }
}
