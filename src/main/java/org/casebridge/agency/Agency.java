package org.casebridge.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgencyType type;

    @Column(nullable = false)
    public String state;

    public String contactEmail;

    public String contactPhone;

    /** Days a receiving agency has to answer a referral before it expires. */
    @Column(nullable = false)
    public int referralResponseDeadlineDays;

    @Version
    public int version;

    public static Optional<Agency> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
