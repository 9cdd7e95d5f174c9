package org.casebridge.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A try to reach the survivor for a follow-up that did not reach her. */
@Entity
@Table(name = "contact_attempt")
public class ContactAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public UUID followUpId;

    @Column(nullable = false)
    public OffsetDateTime attemptedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FollowUp.Mode mode;

    public String note;

    @Column(nullable = false)
    public String recordedBySubject;

    @Column(nullable = false)
    public String recordedByName;
}
