import Foundation
import HikeshiCore

@testable import Console

/// Full view models for every page and fragment template: every optional set, every list with an element, and the
/// hostile strings of issue #11 wherever users type text.
enum Fixtures {
    static let hostile = #"<script>alert(1)</script> "><img src=x onerror=alert(2)> javascript:alert(3)"#

    static let time = TimeView(
        machine: "2026-12-06T05:00:00Z", text: "Dec 6, 2026 at 2:00 PM", title: "Dec 6 — Asia/Tokyo (UTC+09:00)")
    static let choice = Choice(value: "v", label: "label", selected: true)

    static func chrome(_ language: SupportLanguage) -> Chrome {
        Chrome(
            htmlLang: language.htmlLang, title: "Title", theme: "dark", cssPath: ConsoleAssets.cssPath, jsPath: ConsoleAssets.jsPath,
            path: "/console/incidents",
            csrf: "token", signedIn: true, userName: hostile, roleLabel: "responder", accountID: "111111111111",
            nav: [.init(label: "Incidents", href: "/console/incidents", current: true)], languages: Chrome.languages(current: language),
            notice: "Saved.",
            zoneNote: "Times are shown in Asia/Tokyo (UTC+09:00).")
    }

    static let incidentRow = IncidentRow(
        href: "/console/incidents/p/1", title: hostile, impact: 1, impactLabel: "1 – Critical", statusLabel: "Open", statusRaw: "OPEN",
        statusClass: "open",
        created: time, age: "3 hr")
    static let tabs = [IncidentTab(label: "Overview", href: "/console/incidents/p/1", current: true)]

    /// Page and fragment templates with their models; partials are checked inside them.
    static let models: [String: any Sendable] = [incidentModels, oncallModels, supportModels, deskModels, adminModels].reduce(into: [:]) {
        $0.merge($1) { first, _ in first }
    }

    /// Templates used only inside others.
    static let partials: Set<String> = incidentPartials.union(oncallPartials).union(supportPartials).union(deskPartials).union(adminPartials)

    static let incidentModels: [String: any Sendable] = [
        "signin": SignInModel(csrf: "t", next: "/console/", account: "111111111111", userName: hostile, refusal: "refused"),
        "settings": SettingsModel(languages: [choice], timeZone: "Asia/Tokyo", zones: ["UTC"], themes: [choice], mustChange: true, errors: [hostile]),
        "problem": ConsoleRoutes.ProblemModel(heading: "Not found", text: hostile, code: "ValidationException"),
        "incident-list": IncidentListModel(
            open: [incidentRow], resolved: [incidentRow], canStart: true, fragmentHref: "/console/incidents/fragment", moreHref: "?open=x",
            firstHref: "/console/incidents"),
        "incident-rows": IncidentListModel(
            open: [incidentRow], resolved: [incidentRow], canStart: true, fragmentHref: "/console/incidents/fragment", moreHref: "?open=x",
            firstHref: "/console/incidents"),
        "incident-start": StartIncidentModel(
            plans: [choice], title: hostile, impacts: [choice], errors: [hostile],
            preview: StartPreview(title: hostile, impactLabel: "1", engagements: hostile, runbooks: hostile, chat: hostile)),
        "incident-overview": overview,
        "incident-tiles": overview,
        "incident-runbook": IncidentRunbookModel(
            base: "/console/incidents/p/1", arn: "arn", title: hostile, tabs: tabs, canResolve: true,
            executions: [
                RunbookExecutionView(
                    id: "e1", documentName: hostile, documentVersion: "1", statusLabel: "Waiting", statusRaw: "Waiting", started: time,
                    steps: [RunbookStepView(name: hostile, action: "aws:pause", statusLabel: "Waiting", statusRaw: "Waiting", current: true)],
                    currentStep: "Triage",
                    description: MarkdownBlock.parse("# Triage\n\n" + hostile + "\n\n- item\n\n```\ncode\n```"),
                    canResume: true, canDecide: true, failure: hostile)
            ], errors: [hostile]),
        "incident-engagements": IncidentEngagementsModel(
            base: "/console/incidents/p/1", arn: "arn", title: hostile, tabs: tabs, canResolve: true,
            engagements: [
                EngagementView(
                    contact: hostile, engagementArn: "arn", status: "STARTED", time: time,
                    pages: [PageView(contact: hostile, sent: time, delivered: time, read: time, acknowledged: true)])
            ]),
        "incident-related": IncidentRelatedModel(
            base: "/console/incidents/p/1", arn: "arn", title: hostile, tabs: tabs, canResolve: true, canWrite: true,
            items: [
                RelatedItemView(title: hostile, type: "OTHER", value: "https://example.com/", href: "https://example.com/", removable: true, id: "x")
            ],
            errors: [hostile]),
        "incident-properties": IncidentPropertiesModel(
            base: "/console/incidents/p/1", arn: "arn", title: hostile, tabs: tabs, canResolve: true,
            rows: [PropertyRow(label: "ARN", value: hostile)]),
        "incident-analysis": IncidentAnalysisModel(
            base: "/console/incidents/p/1", arn: "arn", title: hostile, tabs: tabs, canResolve: true, canWrite: true, exists: true, isOpen: true,
            name: "Analysis-1", language: "ja",
            sections: [
                AnalysisSectionView(
                    title: hostile, questions: [AnalysisQuestionView(id: "why1", text: hostile, answer: hostile, answeredBy: hostile)])
            ],
            actionItems: [ActionItemView(title: hostile, opsItemID: "oi-1", priority: "2", createdBy: hostile)], questions: [choice],
            errors: [hostile]),
        "incident-timeline": IncidentTimelineModel(
            base: "/console/incidents/p/1", arn: "arn", title: hostile, tabs: tabs, canResolve: true, canWrite: true,
            groups: [
                TimelineDay(
                    header: "2026年12月6日 UTC+09:00",
                    events: [
                        TimelineRow(
                            id: "e1", time: "14:00:00", text: hostile, typeLabel: "Note", author: hostile, editHref: "?edit=e1", editing: true,
                            editable: true)
                    ])
            ],
            orderHref: "?order=oldest", orderLabel: "Oldest first", filterHref: "?only=custom", filterLabel: "Custom events only",
            showing: "All events",
            zoneName: "Asia/Tokyo (UTC+09:00)", defaultTime: "2026-12-06T14:00:00", nextHref: "?token=x", errors: [hostile]),
    ]

    static let overview = IncidentOverviewModel(
        base: "/console/incidents/p/1", arn: "arn:aws:ssm-incidents::111111111111:incident-record/p/1", title: hostile, tabs: tabs,
        statusLabel: "Open",
        statusRaw: "OPEN", statusClass: "open", impact: 1, impactLabel: "1 – Critical", chatChannel: "#ops", duration: "3 hr", created: time,
        resolved: time,
        source: "aws.ssm-incidents.custom", lastModifiedBy: hostile, summary: hostile, summaryText: hostile, runbookSummary: "1 waiting",
        engagementSummary: "Engaged: 1", notes: [NoteRow(author: hostile, text: hostile, time: time)], impacts: [choice], canWrite: true,
        canResolve: true,
        errors: [hostile])

    static let incidentPartials: Set<String> = ["layout", "errors", "time", "incident-tabs", "incident-row", "incident-header"]
}
