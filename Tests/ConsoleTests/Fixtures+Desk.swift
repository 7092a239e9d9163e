import Foundation
import HikeshiCore

@testable import Console

extension Fixtures {
    static let queueRow = QueueRow(
        href: "/console/desk/cases/case-1", displayID: "1234567890", subject: hostile, lang: "ja", accountID: "222222222222", plan: "business",
        severityLabel: "Urgent", languageName: "日本語", service: hostile, specialty: "Compute", dueLabel: "Breached — overdue by 1 hr",
        dueClass: "breached", due: time, assignee: hostile)

    static let queue = QueueModel(
        rows: [queueRow], languages: [choice], specialties: [choice], services: [choice], showing: "Showing every open case.",
        fragmentHref: "/console/desk/queue/fragment", selfHref: "/console/desk/queue", range: "Cases 1–50 of 120",
        previousHref: "/console/desk/queue?page=1", nextHref: "/console/desk/queue?page=3")

    /// The desk's page and fragment templates with full models.
    static let deskModels: [String: any Sendable] = [
        "desk-queue": queue,
        "desk-queue-rows": queue,
        "desk-case": DeskCaseModel(
            base: "/console/desk/cases/case-1", caseID: "case-1", displayID: "1234567890", subject: hostile, lang: "ja", accountID: "222222222222",
            statusLabel: "Opened", statusRaw: "opened", statusClass: "open", severityLabel: "Urgent", plan: "business", service: hostile,
            languageName: "日本語", dueLabel: "Paused until 8:00 AM Asia/Tokyo (UTC+09:00)", dueClass: "paused", due: time, assignee: hostile,
            agentMissing: true, canAct: true, canAssign: true,
            messages: [DeskMessage(author: hostile, authorKind: "Customer", body: hostile, time: time)],
            coach: [CoachRow(kindLabel: "Style", kind: "style", message: hostile, detail: hostile, evidence: [hostile])], query: hostile,
            similar: [SimilarCase(href: "/console/desk/cases/case-0", displayID: "1", subject: hostile, note: hostile, lang: "ko")], errors: [hostile]
        ),
        "desk-plans": DeskPlansModel(
            plans: [
                PlanRow(
                    name: "business", hours: "Around the clock", technical: "Yes", channels: "web, chat",
                    targets: [ReviewItem(label: "Urgent", value: "1 hr", lang: "en")])
            ],
            calendars: [
                CalendarRow(
                    language: "日本語", code: "ja", zone: "Asia/Tokyo (UTC+09:00)", hours: ["MON 08:00–18:00"], country: "JP",
                    holidays: [HolidayRow(date: "2026-12-29", name: hostile)])
            ], canEdit: true, errors: [hostile]),
    ]
    /// The desk's partials.
    static let deskPartials: Set<String> = ["desk-due"]
}
