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
            similar: [SimilarCase(href: "/console/desk/cases/case-0", displayID: "1", subject: hostile, note: hostile, lang: "ko")],
            escalation: escalationPanel, errors: [hostile]
        ),
        "desk-upstream": UpstreamProvidersModel(
            providers: [
                UpstreamProviderRow(
                    name: "aws-reseller", endpoint: hostile, region: "us-east-1", accessKeyID: "AKIAIOSFODNN7EXAMPLE", pollInterval: "5 min",
                    updated: time, editHref: "/console/desk/upstream?edit=aws-reseller")
            ],
            formHeading: "Change provider aws-reseller",
            form: UpstreamProviderForm(
                sent: FormData(urlEncoded: "name=aws-reseller&endpoint=ftp%3A%2F%2Fx&region=us-east-1&accessKeyId=AKIA&pollIntervalSeconds=300"),
                refusal: FieldRefusal(
                    message: hostile, paths: ["Name", "Endpoint", "Region", "AccessKeyId", "SecretAccessKey", "SessionToken", "PollIntervalSeconds"])),
            canEdit: true, errors: [hostile]),
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
    static let deskPartials: Set<String> = ["desk-due", "desk-escalations", "desk-pick"]

    /// Every field of the escalation forms refused at once (a fixture must enter every section).
    static let upstreamRefusal = UpstreamFormRefusal(provider: hostile, communications: hostile, attachments: hostile, note: hostile, form: hostile)

    /// An escalation with a message that went up and one that came down (upstream text is hostile).
    static let escalation = EscalationView(
        escalationID: "esc-0123456789abcdef0123", providerName: hostile, statusLabel: "Failed", statusRaw: "FAILED", statusClass: "failed",
        upstreamDisplayID: hostile, upstreamStatus: hostile, attempts: 3, failing: true, lastError: hostile, nextAttempt: time, lastPolled: time,
        upstreamMessages: [
            EscalationMessageView(
                messageID: "upm-0123456789abcdef0123", directionLabel: "From upstream", directionClass: "down", stateLabel: "Received",
                stateRaw: "RECEIVED", body: hostile, upstreamAuthor: hostile, time: time, files: [hostile], sendError: hostile, canRelay: true,
                relayText: hostile, relayFiles: true, relayRefusal: hostile)
        ], canSend: true, canRetry: true,
        sendCommunications: [PickChoice(pickName: "communication", value: "comm-1", label: hostile, excerpt: hostile, checked: true)],
        sendAttachments: [PickChoice(pickName: "attachment", value: "attachment-1", label: hostile, excerpt: hostile, checked: true)],
        sendNote: hostile, sendOpen: true, sendRefusal: upstreamRefusal, retryRefusal: hostile)

    static let escalationPanel = EscalationPanel(
        escalations: [escalation], providers: [Choice(value: hostile, label: hostile, selected: true)],
        communications: [PickChoice(pickName: "communication", value: "comm-1", label: hostile, excerpt: hostile, checked: true)],
        attachments: [PickChoice(pickName: "attachment", value: "attachment-1", label: hostile, excerpt: hostile, checked: false)], note: hostile,
        canEscalate: true, refusal: upstreamRefusal)
}
