/// One incident in the list.
struct IncidentRow: Sendable {
    let href: String
    let title: String
    let impact: Int
    let impactLabel: String
    let statusLabel: String
    let statusRaw: String
    let statusClass: String
    let created: TimeView
    let age: String
}

/// The incident list (and its auto-refreshed fragment).
struct IncidentListModel: Sendable {
    let open: [IncidentRow]
    let resolved: [IncidentRow]
    let canStart: Bool
    /// The auto-refresh URL of this page of the list.
    let fragmentHref: String
    /// The next page of open incidents, if there are more.
    let moreHref: String?
    /// Back to the first page, when this is not it.
    let firstHref: String?
}

/// The start-incident form.
struct StartIncidentModel: Sendable {
    let plans: [Choice]
    let title: String
    let impacts: [Choice]
    let errors: [String]
    /// What starting the chosen plan will do, after "Preview".
    let preview: StartPreview?
}

/// What a response plan will do when an incident starts from it.
struct StartPreview: Sendable {
    let title: String
    let impactLabel: String
    let engagements: String
    let runbooks: String
    let chat: String
}

/// A sub-page link of an incident.
struct IncidentTab: Sendable {
    let label: String
    let href: String
    let current: Bool
}

/// A note on the overview.
struct NoteRow: Sendable {
    let author: String
    let text: String
    let time: TimeView
}

/// The incident overview: the four tiles, the runbook and engagement cards, facts, notes and the edit form.
struct IncidentOverviewModel: Sendable {
    let base: String
    let arn: String
    let title: String
    let tabs: [IncidentTab]
    let statusLabel: String
    let statusRaw: String
    let statusClass: String
    let impact: Int
    let impactLabel: String
    let chatChannel: String
    let duration: String
    let created: TimeView
    let resolved: TimeView?
    let source: String
    let lastModifiedBy: String
    let summary: String?
    let summaryText: String
    let runbookSummary: String
    let engagementSummary: String
    let notes: [NoteRow]
    let impacts: [Choice]
    let canWrite: Bool
    let canResolve: Bool
    let errors: [String]
}

/// One event on the timeline.
struct TimelineRow: Sendable {
    let id: String
    let time: String
    let text: String
    let typeLabel: String
    let author: String?
    /// The link that opens this event's edit and delete forms (custom events and notes, for responders).
    let editHref: String?
    /// Whether this is the event being edited (its forms are shown).
    let editing: Bool
    /// Whether its text can be changed here (custom events and notes; a note keeps its author).
    let editable: Bool
}

/// The events of one day, under a header that names the date and the UTC offset.
struct TimelineDay: Sendable {
    let header: String
    let events: [TimelineRow]
}

/// The timeline sub-page.
struct IncidentTimelineModel: Sendable {
    let base: String
    let arn: String
    let title: String
    let tabs: [IncidentTab]
    let canResolve: Bool
    let canWrite: Bool
    let groups: [TimelineDay]
    let orderHref: String
    let orderLabel: String
    let filterHref: String
    let filterLabel: String
    let showing: String
    let zoneName: String
    let defaultTime: String
    let nextHref: String?
    let errors: [String]
}
