// Every GraphQL document the app sends, in one place. PublishedSchemaTest validates each one against the committed
// SDL (src/main/graphql/schema.graphql), so a schema change that breaks the app fails the build.

const TABLE = /* GraphQL */ `
fragment TableFields on AggregateTable {
  title rowDimension columnDimension columns threshold
  rows { key cells { column value suppressed } total { value suppressed } }
  columnTotals { column value suppressed }
  grandTotal { value suppressed }
}`;

const HISTORY = /* GraphQL */ `
fragment HistoryFields on ReferralHistoryEntry { at fromStatus toStatus actorName actorAgency note }`;

export const REFERRALS_RECEIVED = /* GraphQL */ `
query ReferralsReceived($first: Int, $after: String, $filter: ReferralFilter) {
  referralsReceived(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id status urgency responseDueAt updatedAt service { name type } fromAgency { name } } }
  }
}`;

export const REFERRAL = /* GraphQL */ `
query Referral($id: ID!) {
  referral(id: $id) {
    id status urgency version requestedAt responseDueAt acceptedAt completedAt reason note sharingBasis nextStatuses
    outcome { serviceProvided note }
    service { name type }
    fromAgency { name }
    toAgency { name }
    history { ...HistoryFields }
    case {
      caseNumber sharedCategories
      identity { fullName dateOfBirth phone address }
      summary { needs riskLevel ageBand sex serviceRequested }
      safetyPlan incident healthNotes
    }
  }
}` + HISTORY;

export const CHANGE_REFERRAL_STATUS = /* GraphQL */ `
mutation ChangeReferralStatus($input: ChangeReferralStatusInput!) {
  changeReferralStatus(input: $input) { referral { id status version } }
}`;

export const CONFERENCE_INVITATIONS = /* GraphQL */ `
query ConferenceInvitations($first: Int, $after: String) {
  conferenceInvitations(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id status scheduledAt place link purpose case { caseNumber } } }
  }
}`;

export const ACTION_ITEMS_ASSIGNED = /* GraphQL */ `
query ActionItemsAssigned($first: Int, $after: String) {
  actionItemsAssigned(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id description dueOn status overdue version nextStatuses } }
  }
}`;

export const UPDATE_ACTION_ITEM = /* GraphQL */ `
mutation UpdateActionItem($input: UpdateActionItemInput!) {
  updateActionItem(input: $input) { actionItem { id status version } }
}`;

export const CASES = /* GraphQL */ `
query Cases($first: Int, $after: String, $filter: CaseFilter) {
  cases(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id caseNumber status openedAt lastContactAt caseworkerName } }
  }
}`;

export const CASE = /* GraphQL */ `
query Case($id: ID!) {
  case(id: $id) {
    id caseNumber status version openedAt lastContactAt caseworkerName
    identity { fullName dateOfBirth phone address }
    summary { needs riskLevel ageBand sex serviceRequested reportingConsent }
    referrals {
      id status urgency requestedAt updatedAt sharingBasis
      service { name } toAgency { name }
      history { ...HistoryFields }
    }
    followUps { id scheduledAt mode status overdue }
  }
  consents(caseId: $id) {
    id categories purpose givenBy obtainedHow validFrom validUntil revokedAt current
    recipientAgency { code name }
  }
}` + HISTORY;

export const AGENCIES = /* GraphQL */ `
query Agencies($first: Int, $after: String) {
  agencies(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { code name type state } }
  }
}`;

export const RECORD_CONSENT = /* GraphQL */ `
mutation RecordConsent($input: RecordConsentInput!) {
  recordConsent(input: $input) { consent { id } }
}`;

export const REVOKE_CONSENT = /* GraphQL */ `
mutation RevokeConsent($input: RevokeConsentInput!) {
  revokeConsent(input: $input) { consent { id revokedAt current } }
}`;

export const SERVICES = /* GraphQL */ `
query Services($first: Int, $after: String, $filter: ServiceFilter) {
  services(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name type acceptingReferrals languages areaServed agency { code name state } } }
  }
}`;

export const REFERRAL_COVERAGE = /* GraphQL */ `
query ReferralCoverage($caseId: ID!, $agencyCodes: [String!]!) {
  referralCoverage(caseId: $caseId, agencyCodes: $agencyCodes) {
    agency { code } covered categories sharingDecisionAllowed
  }
}`;

export const CREATE_REFERRAL = /* GraphQL */ `
mutation CreateReferral($input: CreateReferralInput!) {
  createReferral(input: $input) { referral { id status sharingBasis } }
}`;

export const REPORTING_PERIODS = /* GraphQL */ `
query ReportingPeriods {
  reportingPeriods { label year quarter month }
}`;

export const CASE_MANAGEMENT_INDICATORS = /* GraphQL */ `
query CaseManagementIndicators($period: ReportingPeriodInput!) {
  caseManagementIndicators(period: $period) {
    asOf state threshold
    period { label }
    byServiceType { serviceType acceptanceRate medianMinutesToAccept suppressed }
    referrals { ...TableFields }
    followUpTimeliness { ...TableFields }
    closureReasons { ...TableFields }
  }
  needsAssessment(period: $period) {
    releasedAt
    needs { ...TableFields }
  }
}` + TABLE;

export const REFERRAL_EVENTS = /* GraphQL */ `
subscription ReferralEvents {
  referralEvents { referralId status fromAgencyCode toAgencyCode at }
}`;
