package org.casebridge.assessment;

import jakarta.enterprise.inject.Produces;
import org.casebridge.assessment.AssessmentEnums.Audience;
import org.casebridge.assessment.SessionTypes.AgreeNotesInput;
import org.casebridge.assessment.SessionTypes.ConfirmConsentInput;
import org.casebridge.assessment.GuideTypes.CreateEventInput;
import org.casebridge.assessment.GuideTypes.CreateEventPayload;
import org.casebridge.assessment.GuideTypes.CreateGuideInput;
import org.casebridge.assessment.GuideTypes.CreateGuidePayload;
import org.casebridge.assessment.GuideTypes.GuideView;
import org.casebridge.assessment.SessionNotesTypes.NotesView;
import org.casebridge.assessment.SessionTypes.PlanSessionInput;
import org.casebridge.assessment.SessionNotesTypes.RecordNotesInput;
import org.casebridge.assessment.SessionNotesTypes.ReportConcernInput;
import org.casebridge.assessment.SessionNotesTypes.ReportConcernPayload;
import org.casebridge.assessment.SessionTypes.SessionPayload;
import org.casebridge.assessment.SessionTypes.SessionView;
import org.casebridge.assessment.SessionTypes.SignInInput;
import org.casebridge.assessment.SessionTypes.SignInView;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.NodeLoader;
import org.casebridge.graphql.PageRequest;
import org.casebridge.runtime.Rows;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

@GraphQLApi
public class AssessmentApi {

    private final GuideService guides;
    private final SessionService sessions;
    private final SessionNotesService notes;
    private final NeedThemes themes;
    private final SafeguardingReportService reports;

    public AssessmentApi(GuideService guides, SessionService sessions, SessionNotesService notes, NeedThemes themes,
                         SafeguardingReportService reports) {
        this.guides = guides;
        this.sessions = sessions;
        this.notes = notes;
        this.themes = themes;
        this.reports = reports;
    }

    @Query
    @NonNull
    @Description("The controlled theme list that needs, quotes and follow-up requests are tagged with; every theme is a row "
            + "of the needs-assessment aggregates.")
    public List<NeedThemes.@NonNull ThemeView> needThemes() {
        return themes.list();
    }

    @Mutation
    @Description("Adds a theme to the controlled list (agency admins). Themes are lower-cased and their spaces normalised.")
    public NeedThemes.AddPayload addNeedTheme(@NonNull NeedThemes.AddInput input) {
        return new NeedThemes.AddPayload(themes.add(input));
    }

    @Query
    @NonNull
    @Description("Discussion guides (facilitators): the seed guides and those facilitators wrote.")
    public List<@NonNull GuideView> discussionGuides(Audience audience) {
        return guides.guides(audience);
    }

    @Description("One discussion guide (facilitators).")
    @Query
    public GuideView discussionGuide(@Id @NonNull String id) {
        return guides.guide(GlobalId.decode(id, GuideTypes.GUIDE, "id")).orElseThrow(() -> ApiException.notFound("Discussion guide"));
    }

    @Query
    @NonNull
    @Description("The sessions you facilitate or take notes for, latest first.")
    public List<@NonNull SessionView> myFocusGroupSessions() {
        return sessions.mySessions();
    }

    @Description("A session you facilitate or take notes for; anything else answers NOT_FOUND.")
    @Query
    public SessionView focusGroupSession(@Id @NonNull String id) {
        return sessions.session(GlobalId.decode(id, SessionView.TYPE, "id")).orElseThrow(() -> ApiException.notFound("Session"));
    }

    @Description("A facilitator writes a discussion guide: audience, purpose, instructions and ordered questions with probes.")
    @Mutation
    public CreateGuidePayload createDiscussionGuide(@NonNull CreateGuideInput input) {
        return new CreateGuidePayload(guides.createGuide(input));
    }

    @Description("A facilitator groups focus-group sessions under an assessment event (name, location, dates).")
    @Mutation
    public CreateEventPayload createAssessmentEvent(@NonNull CreateEventInput input) {
        return new CreateEventPayload(guides.createEvent(input));
    }

    @Mutation
    @Description("Plans a session on a guide: you facilitate, another person takes notes.")
    public SessionPayload planFocusGroupSession(@NonNull PlanSessionInput input) {
        return new SessionPayload(sessions.plan(input));
    }

    @Mutation
    @Description("Before consent: the facilitator's suitability and training, the ethics and support plan, the information sheet and "
            + "consent form used.")
    public SessionPayload prepareFocusGroupSession(@NonNull SessionTypes.PrepareSessionInput input) {
        return new SessionPayload(sessions.prepare(input));
    }

    @Mutation
    @Description("How many participants have withdrawn during the session so far.")
    public SessionPayload recordSessionWithdrawals(@NonNull SessionTypes.WithdrawalsInput input) {
        return new SessionPayload(sessions.recordWithdrawals(input));
    }

    @Mutation
    @Description("The report shared with the participants who asked for it: when, and to how many.")
    public SessionPayload recordReportBack(@NonNull SessionTypes.ReportBackInput input) {
        return new SessionPayload(sessions.recordReportBack(input));
    }

    @Mutation
    @Description("Confirms consent and notes the number and gender of participants; before this nothing can be recorded.")
    public SessionPayload confirmSessionConsent(@NonNull ConfirmConsentInput input) {
        return sessions.confirmConsent(input);
    }

    @Mutation
    @Description("A line of the professional sign-in sheet (practitioners and state officials only).")
    public SessionPayload signInParticipant(@NonNull SignInInput input) {
        return new SessionPayload(sessions.signIn(input));
    }

    @Description("What was said in a session whose consent is confirmed: summaries, quotes, needs, follow-up requests. Withdraws earlier agreements of the notes.")
    @Mutation
    public SessionPayload recordSessionNotes(@NonNull RecordNotesInput input) {
        return new SessionPayload(notes.recordNotes(input));
    }

    @Mutation
    @Description("The status of a participant's follow-up request (the session's facilitator and note-taker).")
    public SessionNotesTypes.FollowUpRequestPayload changeFollowUpRequestStatus(@NonNull SessionNotesTypes.FollowUpRequestStatusInput input) {
        return new SessionNotesTypes.FollowUpRequestPayload(notes.changeFollowUpRequestStatus(input));
    }

    @Mutation
    @Description("Marks a safeguarding concern reported: when, and to whom.")
    public ReportConcernPayload reportSafeguardingConcern(@NonNull ReportConcernInput input) {
        return new ReportConcernPayload(notes.reportConcern(input));
    }

    @Query
    @Description("Safeguarding concerns raised in focus groups and reported to your agency (caseworkers and supervisors of a lead "
            + "agency), latest first.")
    public SafeguardingReportTypes.SafeguardingReportConnection safeguardingReportsReceived(Integer first, String after) {
        return reports.received(PageRequest.of(first, after));
    }

    @Mutation
    @Description("Your agency opens a child-protection case from a safeguarding report it received (its usual intake).")
    public SafeguardingReportTypes.OpenCaseFromReportPayload openCaseFromSafeguardingReport(
            @NonNull SafeguardingReportTypes.OpenCaseFromReportInput input) {
        return reports.openCase(input);
    }

    @Mutation
    @Description("The facilitator and the note-taker each agree the notes; with both, the session is final and counted.")
    public SessionPayload agreeSessionNotes(@NonNull AgreeNotesInput input) {
        return new SessionPayload(sessions.agree(input));
    }

    @NonNull
    @Description("The professional sign-in sheet: only the session's facilitator and note-taker see it.")
    public List<@NonNull List<@NonNull SignInView>> signIns(@Source List<SessionView> sessions) {
        return Rows.readInOrderOf(sessions, s -> s.session().id, this.sessions::signIns);
    }

    @NonNull
    @Description("The session's ethics and support plan (seen by its two workers).")
    public List<@NonNull List<SessionTypes.@NonNull EthicsPlanItemView>> ethicsPlan(@Source List<SessionView> sessions) {
        return Rows.readInOrderOf(sessions, s -> s.session().id, this.sessions::ethicsPlans);
    }

    @NonNull
    @Description("The guide as it was in the version the session was planned on.")
    public List<@NonNull GuideView> guide(@Source List<SessionView> sessions) {
        return guides.ofSessions(sessions.stream().map(SessionView::session).toList());
    }

    @NonNull
    public List<@NonNull NotesView> notes(@Source List<SessionView> sessions) {
        return Rows.singleInOrderOf(sessions, this.notes.notes(sessions.stream().map(s -> s.session().id).toList()), s -> s.session().id);
    }

    @Produces
    static NodeLoader sessions(SessionService sessions) {
        return new NodeLoader(SessionView.TYPE, sessions::session);
    }
}
