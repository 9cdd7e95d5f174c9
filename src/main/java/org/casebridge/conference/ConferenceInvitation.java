package org.casebridge.conference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.casebridge.agency.Agency;

import java.util.UUID;

/** An agency invited to a conference, on the survivor's consent or a supervisor's sharing decision; its attendance. */
@Entity
@Table(name = "conference_invitation")
public class ConferenceInvitation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID conferenceId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    public UUID sharingDecisionId;

    public Boolean attended;

    public String attendees;
}
