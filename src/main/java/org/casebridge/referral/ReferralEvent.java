package org.casebridge.referral;

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

/** One change in a referral's history: who, when, from, to, note. */
@Entity
@Table(name = "referral_event")
public class ReferralEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    public ReferralStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralStatus toStatus;

    @Column(nullable = false)
    public String actorSubject;

    @Column(nullable = false)
    public String actorName;

    public String actorAgency;

    public String note;

    @Column(nullable = false)
    public OffsetDateTime at;
}
