package org.casebridge.casefile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Work the caseworker did for the survivor between referrals (module 14, step 4: implementation). */
@Entity
@Table(name = "case_activity")
public class CaseActivity extends PanacheEntityBase {

    /** The module's words for what a caseworker does to help her access services and to support her. */
    @Name("CaseActivityKind")
    @Description("Module 14, step 4: accompaniment, advocacy, direct services and psychosocial interventions.")
    public enum Kind {
        @Description("Accompanying the survivor to a service provider.") ACCOMPANIMENT,
        @Description("Advocating with police and security personnel to take protective measures.") ADVOCACY_POLICE_PROTECTION,
        @Description("Advocating for compassionate and quality medical care and treatment.") ADVOCACY_MEDICAL_CARE,
        @Description("Advocating for the survivor's views and opinions to be followed and her rights upheld.") ADVOCACY_SURVIVOR_VIEWS,
        @Description("Meeting with service providers to provide information about the abuse so the survivor doesn't have to repeat her story.") INFORMING_PROVIDERS,
        @Description("A direct service the caseworker's agency provided.") DIRECT_SERVICE,
        @Description("Emotional support: a nonjudgmental, caring person; healing statements.") EMOTIONAL_SUPPORT,
        @Description("Accurate information about the causes, dynamics and impact of GBV.") INFORMATION_ABOUT_GBV,
        @Description("Reconnection with sources of strength and encouragement: daily activities, supportive people.") RECONNECTION_WITH_SUPPORTS,
        @Description("Referral to the agency's own interventions: group support sessions, vocational or other livelihoods activities.") REFERRAL_TO_GROUP_OR_LIVELIHOODS
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public OffsetDateTime tookPlaceAt;

    public boolean survivorPresent;
    public String withWhom;

    @Column(nullable = false)
    public String description;

    public UUID referralId;
    public UUID goalId;
    public String outcome;

    @Column(nullable = false)
    public String performedBySubject;

    @Column(nullable = false)
    public String performedByName;

    @Column(nullable = false)
    public OffsetDateTime recordedAt;

    @Version
    public int version;
}
