package org.casebridge.webhook;

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
import org.casebridge.agency.Agency;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** A partner agency system's URL that Casebridge posts signed, id-only events to. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @org.eclipse.microprofile.graphql.Enum("WebhookEndpointStatus")
    public enum Status { ACTIVE, PAUSED }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    @Column(nullable = false)
    public String url;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Set<WebhookEventType> eventTypes;

    @Column(nullable = false)
    public String secretKeyId;

    @Column(nullable = false)
    public byte[] secretSealed;

    public String previousKeyId;

    public byte[] previousSecretSealed;

    public OffsetDateTime previousSecretUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public OffsetDateTime pausedAt;

    public String pausedReason;

    public int consecutiveFailures;

    @Column(nullable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
