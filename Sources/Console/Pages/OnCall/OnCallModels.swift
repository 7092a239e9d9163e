/// A named link to an on-call object (rotation, contact, escalation plan).
struct OnCallLink: Sendable {
    let label: String
    let href: String
}

/// One line in a calendar day: "09:00–24:00 alice", an override said in words.
struct CalendarEntry: Sendable {
    let text: String
    let isOverride: Bool
}

/// A day cell of the month grid or a day of the week timeline.
struct CalendarDay: Sendable {
    let label: String
    let machine: String
    let inMonth: Bool
    let isToday: Bool
    let entries: [CalendarEntry]
}

/// One row of the month grid.
struct CalendarWeek: Sendable {
    let days: [CalendarDay]
}

/// A shift in a list: its times in the rotation's zone (the viewer's zone in the tooltip), who, and whether an
/// override put them there.
struct ShiftRow: Sendable {
    let rotation: OnCallLink
    let start: TimeView
    let end: TimeView
    let contacts: String
    let typeLabel: String
    let typeRaw: String
    let isOverride: Bool
}

/// A list of shifts as the shift table partial renders it.
struct ShiftTable: Sendable {
    let shifts: [ShiftRow]
}

/// An override of a rotation.
struct OverrideRow: Sendable {
    let id: String
    let contacts: String
    let start: TimeView
    let end: TimeView
    let created: TimeView
}

/// A member's share of the next four weeks.
struct LoadRow: Sendable {
    let name: String
    let hours: String
    let deviation: String
    let flagged: Bool
    let verdict: String
}

/// Who is on call now in one rotation.
struct NowRotationRow: Sendable {
    let rotation: OnCallLink
    let zone: String
    let people: [OnCallLink]
    let until: TimeView
    let isOverride: Bool
}

/// Who is on call now through one on-call schedule.
struct NowScheduleRow: Sendable {
    let schedule: OnCallLink
    let people: [OnCallLink]
    let rotations: [OnCallLink]
}

/// The first stage of an escalation plan.
struct NowPlanRow: Sendable {
    let plan: OnCallLink
    let targets: [OnCallLink]
    let minutes: String
    let stages: String
}

/// `/console/oncall`: who is on call now (overrides applied), and its auto-refreshed fragment.
struct OnCallNowModel: Sendable {
    let rotations: [NowRotationRow]
    let schedules: [NowScheduleRow]
    let plans: [NowPlanRow]
    let asOf: TimeView
}

/// `/console/oncall/rotations/{name}`: facts, week, month grid, shift list, overrides, warnings and the override form.
struct RotationPageModel: Sendable {
    let name: String
    let arn: String
    let base: String
    let zoneName: String
    let zoneNote: String
    let started: TimeView
    let recurrence: String
    let onCallPerShift: String
    let coverage: String
    let members: [OnCallLink]
    let week: [CalendarDay]
    let monthLabel: String
    let prevHref: String
    let nextHref: String
    let weekdays: [String]
    let weeks: [CalendarWeek]
    let shifts: [ShiftRow]
    let overrides: [OverrideRow]
    let gaps: [String]
    let loads: [LoadRow]
    let balanceNote: String
    let canEdit: Bool
    let memberChoices: [Choice]
    let defaultStart: String
    let defaultEnd: String
    let feedCommand: String
    let errors: [String]
}

/// The override preview: the shifts before and after, and the form that confirms it.
struct OverridePreviewModel: Sendable {
    let name: String
    let base: String
    let zoneName: String
    let contact: String
    let contactName: String
    let start: String
    let end: String
    let startTime: TimeView
    let endTime: TimeView
    let before: ShiftTable
    let after: ShiftTable
    let gapsAfter: [String]
    /// The idempotency token of the CreateRotationOverride the confirm form sends (a double submit creates one override).
    let token: String
}

/// A channel of a contact.
struct ChannelRow: Sendable {
    let name: String
    let typeLabel: String
    let address: String
    let stateLabel: String
    let stateRaw: String
    let activated: Bool
}

/// A row of a contact's engagement plan: which channel, how many minutes after the engagement starts.
struct EngagementRow: Sendable {
    let channel: String
    let minutes: String
    let stage: String
}

/// `/console/oncall/contacts/{alias}`.
struct ContactPageModel: Sendable {
    let alias: String
    let name: String
    let arn: String
    let base: String
    let typeLabel: String
    let typeRaw: String
    let isPersonal: Bool
    let isSchedule: Bool
    let isPlan: Bool
    let planHref: String
    let channels: [ChannelRow]
    let engagement: [EngagementRow]
    let rotations: [OnCallLink]
    let canTest: Bool
    let errors: [String]
}

/// A target of an escalation stage.
struct TargetRow: Sendable {
    let link: OnCallLink
    let kind: String
    let essential: Bool
}

/// A stage of an escalation plan with its move buttons.
struct StageRow: Sendable {
    let number: String
    let index: String
    let startsAt: String
    let duration: String
    let targets: [TargetRow]
    let canUp: Bool
    let canDown: Bool
}

/// `/console/oncall/escalation-plans/{alias}`.
struct EscalationPageModel: Sendable {
    let alias: String
    let name: String
    let arn: String
    let base: String
    let stages: [StageRow]
    let canEdit: Bool
    let errors: [String]
}

/// One of my open pages.
struct MyPageRow: Sendable {
    let pageArn: String
    let subject: String
    let content: String
    let sender: String
    let sent: TimeView
    let receipts: String
    let incident: String
}

/// A calendar feed I may subscribe to: its URL once asked for, and the command an administrator would use.
struct FeedRow: Sendable {
    let name: String
    let command: String
    let url: String?
}

/// `/console/oncall/me`: my shifts in the next 14 days, my open pages, and my calendar feeds.
struct OnCallMeModel: Sendable {
    let hasContact: Bool
    let contact: OnCallLink
    let shifts: [ShiftRow]
    let pages: [MyPageRow]
    let feeds: [FeedRow]
    let errors: [String]
}
