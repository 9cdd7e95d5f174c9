package org.casebridge.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A service an agency offers on the referral pathway. Retired services stay for the referrals that name them. */
@Entity
@Table(name = "agency_service")
public class ServiceOffering extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ServiceType type;

    @Column(nullable = false)
    public String name;

    public String description;

    public String eligibility;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> languages;

    public String areaServed;

    public String hours;

    @Column(nullable = false)
    public boolean acceptingReferrals;

    public OffsetDateTime retiredAt;

    @Version
    public int version;
}
