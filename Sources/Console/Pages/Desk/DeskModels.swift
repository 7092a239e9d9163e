/// One case in the desk queue.
struct QueueRow: Sendable {
    let href: String
    let displayID: String
    let subject: String
    let lang: String
    let accountID: String
    let plan: String
    let severityLabel: String
    let languageName: String
    let service: String
    let specialty: String
    let dueLabel: String
    let dueClass: String
    let due: TimeView?
    let assignee: String
}

/// The desk queue (and its auto-refreshed fragment).
struct QueueModel: Sendable {
    let rows: [QueueRow]
    let languages: [Choice]
    let specialties: [Choice]
    let services: [Choice]
    let showing: String
    let fragmentHref: String
    let selfHref: String
    /// "Cases 1–50 of 500" (empty when there are none).
    let range: String
    let previousHref: String?
    let nextHref: String?
}

/// A resolved case like the one open (the knowledge search).
struct SimilarCase: Sendable {
    let href: String
    let displayID: String
    let subject: String
    let note: String
    let lang: String
}

/// One message in the agent's view of a case.
struct DeskMessage: Sendable {
    let author: String
    let authorKind: String
    let body: String
    let time: TimeView
}

/// The agent's page of a case.
struct DeskCaseModel: Sendable {
    let base: String
    let caseID: String
    let displayID: String
    let subject: String
    let lang: String
    let accountID: String
    let statusLabel: String
    let statusRaw: String
    let statusClass: String
    let severityLabel: String
    let plan: String
    let service: String
    let languageName: String
    let dueLabel: String
    let dueClass: String
    let due: TimeView?
    let assignee: String
    let agentMissing: Bool
    let canAct: Bool
    let canAssign: Bool
    let messages: [DeskMessage]
    let coach: [CoachRow]
    let query: String
    let similar: [SimilarCase]
    let escalation: EscalationPanel
    let errors: [String]
}

/// A plan's definition for the plans page.
struct PlanRow: Sendable {
    let name: String
    let hours: String
    let technical: String
    let channels: String
    let targets: [ReviewItem]
}

/// A company holiday on a calendar.
struct HolidayRow: Sendable {
    let date: String
    let name: String
}

/// A language's business calendar.
struct CalendarRow: Sendable {
    let language: String
    let code: String
    let zone: String
    let hours: [String]
    let country: String
    let holidays: [HolidayRow]
}

/// Plans, business calendars and company holidays of the provider.
struct DeskPlansModel: Sendable {
    let plans: [PlanRow]
    let calendars: [CalendarRow]
    let canEdit: Bool
    let errors: [String]
}
