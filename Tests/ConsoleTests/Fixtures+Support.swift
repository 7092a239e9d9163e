import Foundation
import HikeshiCore

@testable import Console

extension Fixtures {
    static let coachPanel = CoachPanel(
        findings: [CoachRow(kindLabel: "Missing information", kind: "missing-information", message: hostile, detail: hostile, evidence: [hostile])],
        summary: hostile,
        checked: true)

    static func wizard(_ step: CaseWizardState.Step) -> CaseWizardModel {
        CaseWizardModel(
            stepNumber: step.rawValue, stepCount: 6, stepTitle: "Kind", progress: "Step 1 of 6: Kind",
            steps: [WizardStepItem(number: 1, label: "Kind", current: true)], hidden: [HiddenField(name: "subject", value: hostile)],
            errors: [hostile], isKind: true, isService: true, isSeverity: true, isDescribe: true, isAttach: true, isReview: true, canGoBack: true,
            kinds: [choice], services: [ServiceGroup(name: hostile, options: [choice])],
            severities: [
                SeverityChoice(value: "low", label: "General guidance", description: hostile, target: "First response within 24 hr", selected: true)
            ],
            planNote: "Business hours", subject: hostile, body: hostile, coach: coachPanel, attachments: [hostile], canAttachMore: true, cc: hostile,
            languages: [choice], review: [ReviewItem(label: "Subject", value: hostile, lang: "ja")], reviewBody: hostile, reviewLang: "ja")
    }

    static let supportCase = SupportCaseModel(
        base: "/console/support/cases/case-1", caseID: "case-1", displayID: "1234567890", subject: hostile, statusLabel: "Opened",
        statusRaw: "opened", statusClass: "open", severityLabel: "Urgent", serviceLabel: hostile, languageName: "日本語", lang: "ja", created: time,
        supersededBy: "/console/support/cases/case-2", supersedes: "/console/support/cases/case-0",
        messages: [
            ThreadMessage(
                author: hostile, authorKind: "Support agent", body: hostile, time: time,
                attachments: [AttachmentLink(name: hostile, href: "/console/support/attachments/a-1")], communicationID: "comm-1",
                rating: "You rated this reply 5 of 5.", ratings: [choice])
        ], canReply: true, canResolve: true, canRaise: true, raiseChoices: [choice], surveyOpen: true, surveyDone: "Thank you",
        surveyChoices: [choice],
        errors: [hostile])

    /// The support area's page and fragment templates with full models.
    static let supportModels: [String: any Sendable] = [
        "support-cases": SupportCaseListModel(
            rows: [
                SupportCaseRow(
                    href: "/console/support/cases/case-1", displayID: "1234567890", subject: hostile, statusLabel: "Opened", statusRaw: "opened",
                    statusClass: "open", severityLabel: "Urgent", languageName: "日本語", created: time)
            ], includeResolved: true, toggleHref: "/console/support/cases", toggleLabel: "Hide resolved cases", showing: "Showing all"),
        "support-new": wizard(.kind),
        "support-coach-rows": coachPanel,
        "support-case": supportCase,
    ]
    /// The support area's partials.
    static let supportPartials: Set<String> = ["support-coach-body"]
}
