package org.casebridge.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Optional;
import java.util.UUID;

/**
 * Makes creates retry-safe. A create first claims its key for the ID it is about to use, inside its own
 * transaction: the primary key on (subject, operation, key) makes a concurrent retry wait for the first
 * attempt and then see its ID, so one key yields one record even when both requests arrive at once.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final EntityManager em;

    public IdempotencyKeys(EntityManager em) {
        this.em = em;
    }

    /** @return the ID already created under this key, or empty when {@code newId} now owns it (or no key was given). */
    public Optional<UUID> claim(String subject, String operation, String key, UUID newId) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        int inserted = em.createNativeQuery("""
                        insert into idempotency_key (subject, operation, idempotency_key, result_id)
                        values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, subject).setParameter(2, operation).setParameter(3, key).setParameter(4, newId)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of((UUID) em.createNativeQuery("""
                        select result_id from idempotency_key
                        where subject = ?1 and operation = ?2 and idempotency_key = ?3""", UUID.class)
                .setParameter(1, subject).setParameter(2, operation).setParameter(3, key)
                .getSingleResult());
    }
}
