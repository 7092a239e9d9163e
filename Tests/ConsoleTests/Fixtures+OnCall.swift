import Foundation
import HikeshiCore

@testable import Console

extension Fixtures {
    static let oncallLink = OnCallLink(label: hostile, href: "/console/oncall/contacts/alice")
    static let shiftRow = ShiftRow(
        rotation: OnCallLink(label: hostile, href: "/console/oncall/rotations/primary"), start: time, end: time, contacts: hostile,
        typeLabel: "Overridden", typeRaw: "OVERRIDDEN", isOverride: true)
    static let calendarDay = CalendarDay(
        label: "8", machine: "2026-03-08", inMonth: true, isToday: true, entries: [CalendarEntry(text: "09:00–24:00 " + hostile, isOverride: true)])
    static let oncallNow = OnCallNowModel(
        rotations: [
            NowRotationRow(
                rotation: OnCallLink(label: hostile, href: "/console/oncall/rotations/primary"), zone: "America/New_York (UTC-05:00)",
                people: [oncallLink], until: time, isOverride: true)
        ],
        schedules: [NowScheduleRow(schedule: oncallLink, people: [oncallLink], rotations: [oncallLink])],
        plans: [NowPlanRow(plan: oncallLink, targets: [oncallLink], minutes: "5 min", stages: "2 stages")], asOf: time)

    /// The oncall area's page and fragment templates with full models.
    static let oncallModels: [String: any Sendable] = [
        "oncall-now": oncallNow,
        "oncall-now-rows": oncallNow,
        "oncall-rotation": RotationPageModel(
            name: hostile, arn: "arn:aws:ssm-contacts:us-east-1:111111111111:rotation/primary", base: "/console/oncall/rotations/primary",
            zoneName: "America/New_York (UTC-05:00)", zoneNote: hostile, started: time, recurrence: "Daily, hand-off at 09:00", onCallPerShift: "1",
            coverage: "24 hours, every day", members: [oncallLink], week: [calendarDay], monthLabel: "March 2026",
            prevHref: "/console/oncall/rotations/primary?month=2026-02", nextHref: "/console/oncall/rotations/primary?month=2026-04",
            weekdays: ["Mon"], weeks: [CalendarWeek(days: [calendarDay])], shifts: [shiftRow],
            overrides: [OverrideRow(id: "o1", contacts: hostile, start: time, end: time, created: time)], gaps: [hostile],
            loads: [LoadRow(name: hostile, hours: "56 h", deviation: "+33 %", flagged: true, verdict: "Unbalanced")], balanceNote: "Average 42 h",
            canEdit: true, memberChoices: [choice], defaultStart: "2026-03-08T09:00", defaultEnd: "2026-03-08T21:00",
            feedCommand: "hikeshi admin calendar-feed --account-id 111111111111 --resource-arn arn", errors: [hostile]),
        "oncall-override-preview": OverridePreviewModel(
            name: hostile, base: "/console/oncall/rotations/primary", zoneName: "America/New_York (UTC-05:00)",
            contact: "arn:aws:ssm-contacts:us-east-1:111111111111:contact/alice", contactName: hostile, start: "2026-03-08T09:00",
            end: "2026-03-08T21:00", startTime: time, endTime: time, before: ShiftTable(shifts: [shiftRow]), after: ShiftTable(shifts: [shiftRow]),
            gapsAfter: [hostile], token: "5f0c1c9e-0000-4000-8000-000000000000"),
        "oncall-contact": ContactPageModel(
            alias: "alice", name: hostile, arn: "arn:aws:ssm-contacts:us-east-1:111111111111:contact/alice", base: "/console/oncall/contacts/alice",
            typeLabel: "Personal", typeRaw: "PERSONAL", isPersonal: true, isSchedule: true, isPlan: true,
            planHref: "/console/oncall/escalation-plans/alice",
            channels: [
                ChannelRow(name: hostile, typeLabel: "EMAIL", address: hostile, stateLabel: "Activated", stateRaw: "ACTIVATED", activated: true)
            ],
            engagement: [EngagementRow(channel: hostile, minutes: "0 min", stage: "1")], rotations: [oncallLink], canTest: true, errors: [hostile]),
        "oncall-escalation": EscalationPageModel(
            alias: "plan", name: hostile, arn: "arn:aws:ssm-contacts:us-east-1:111111111111:contact/plan",
            base: "/console/oncall/escalation-plans/plan",
            stages: [
                StageRow(
                    number: "1", index: "0", startsAt: "0 min", duration: "5 min",
                    targets: [TargetRow(link: oncallLink, kind: "Personal", essential: true)],
                    canUp: true, canDown: true)
            ], canEdit: true, errors: [hostile]),
        "oncall-me": OnCallMeModel(
            hasContact: true, contact: oncallLink, shifts: [shiftRow],
            pages: [
                MyPageRow(
                    pageArn: "arn:aws:ssm-contacts:us-east-1:111111111111:page/alice/p1", subject: hostile, content: hostile, sender: hostile,
                    sent: time, receipts: "SENT 14:00:00", incident: hostile)
            ], feeds: [FeedRow(name: hostile, command: "hikeshi admin calendar-feed", url: hostile)], errors: [hostile]),
    ]
    /// The oncall area's partials.
    static let oncallPartials: Set<String> = ["oncall-people", "oncall-shift-table", "oncall-day-entries"]
}
