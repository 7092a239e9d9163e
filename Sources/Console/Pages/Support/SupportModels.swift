/// One case in the customer's list.
struct SupportCaseRow: Sendable {
    let href: String
    let displayID: String
    let subject: String
    let statusLabel: String
    let statusRaw: String
    let statusClass: String
    let severityLabel: String
    let languageName: String
    let created: TimeView
}

/// The customer's case list.
struct SupportCaseListModel: Sendable {
    let rows: [SupportCaseRow]
    let includeResolved: Bool
    let toggleHref: String
    let toggleLabel: String
    let showing: String
}

/// One step in the wizard's progress list.
struct WizardStepItem: Sendable {
    let number: Int
    let label: String
    let current: Bool
}

/// A service with its categories (an `<optgroup>`), each option valued `service/category`.
struct ServiceGroup: Sendable {
    let name: String
    let options: [Choice]
}

/// A severity the plan offers, with its first-response target.
struct SeverityChoice: Sendable {
    let value: String
    let label: String
    let description: String
    let target: String
    let selected: Bool
}

/// One finding of the case-quality coach.
struct CoachRow: Sendable {
    let kindLabel: String
    let kind: String
    let message: String
    let detail: String?
    /// The draft's words that raised the finding, quoted and joined (`“10:15”, “error”`); nil when none.
    let evidence: String?

    init(kindLabel: String, kind: String, message: String, detail: String?, evidence: [String]?) {
        self.kindLabel = kindLabel
        self.kind = kind
        self.message = message
        self.detail = detail
        let quoted = (evidence ?? []).map { "“\($0)”" }
        self.evidence = quoted.isEmpty ? nil : quoted.joined(separator: ", ")
    }
}

/// The coach's panel: its findings on the draft (the live region's content).
struct CoachPanel: Sendable {
    let findings: [CoachRow]
    let summary: String
    let checked: Bool
}

/// A fact on the review step.
struct ReviewItem: Sendable {
    let label: String
    let value: String
    let lang: String
}

/// The new-case wizard: the step shown, the answers carried hidden, and the choices of the step.
struct CaseWizardModel: Sendable {
    let stepNumber: Int
    let stepCount: Int
    let stepTitle: String
    let progress: String
    let steps: [WizardStepItem]
    let hidden: [HiddenField]
    let errors: [String]
    let isKind: Bool
    let isService: Bool
    let isSeverity: Bool
    let isDescribe: Bool
    let isAttach: Bool
    let isReview: Bool
    let canGoBack: Bool
    let kinds: [Choice]
    let services: [ServiceGroup]
    let severities: [SeverityChoice]
    let planNote: String
    let subject: String
    let body: String
    let coach: CoachPanel
    let attachments: [String]
    let canAttachMore: Bool
    let cc: String
    let languages: [Choice]
    let review: [ReviewItem]
    let reviewBody: String
    let reviewLang: String
}

/// An attachment of a message, as a download link.
struct AttachmentLink: Sendable {
    let name: String
    let href: String
}

/// One message of a case's thread.
struct ThreadMessage: Sendable {
    let author: String
    let authorKind: String
    let body: String
    let time: TimeView
    let attachments: [AttachmentLink]
    let communicationID: String?
    let rating: String?
    let ratings: [Choice]
}

/// The customer's view of one case: facts, thread, reply, resolve, raise severity, rating and survey.
struct SupportCaseModel: Sendable {
    let base: String
    let caseID: String
    let displayID: String
    let subject: String
    let statusLabel: String
    let statusRaw: String
    let statusClass: String
    let severityLabel: String
    let serviceLabel: String
    let languageName: String
    let lang: String
    let created: TimeView
    let supersededBy: String?
    let supersedes: String?
    let messages: [ThreadMessage]
    let canReply: Bool
    let canResolve: Bool
    let canRaise: Bool
    let raiseChoices: [Choice]
    let surveyOpen: Bool
    let surveyDone: String?
    let surveyChoices: [Choice]
    let errors: [String]
}
