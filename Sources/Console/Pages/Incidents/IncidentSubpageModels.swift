/// A step of a runbook execution.
struct RunbookStepView: Sendable {
    let name: String
    let action: String
    let statusLabel: String
    let statusRaw: String
    let current: Bool
}

/// One runbook execution of an incident: its steps, the current step's Markdown, and the buttons it waits for.
struct RunbookExecutionView: Sendable {
    let id: String
    let documentName: String
    let documentVersion: String
    let statusLabel: String
    let statusRaw: String
    let started: TimeView?
    let steps: [RunbookStepView]
    let currentStep: String
    let description: [MarkdownBlock]
    let canResume: Bool
    let canDecide: Bool
    let failure: String?
}

/// The runbook sub-page.
struct IncidentRunbookModel: Sendable {
    let base: String
    let arn: String
    let title: String
    let tabs: [IncidentTab]
    let canResolve: Bool
    let executions: [RunbookExecutionView]
    let errors: [String]
}

/// A page sent to one contact of an engagement.
struct PageView: Sendable {
    let contact: String
    let sent: TimeView?
    let delivered: TimeView?
    let read: TimeView?
    let acknowledged: Bool
}

/// One engagement of an incident.
struct EngagementView: Sendable {
    let contact: String
    let engagementArn: String
    let status: String
    let time: TimeView
    let pages: [PageView]
}

/// The engagements sub-page.
struct IncidentEngagementsModel: Sendable {
    let base: String
    let arn: String
    let title: String
    let tabs: [IncidentTab]
    let canResolve: Bool
    let engagements: [EngagementView]
}

/// A related item.
struct RelatedItemView: Sendable {
    let title: String
    let type: String
    let value: String
    let href: String?
    let removable: Bool
    let id: String
}

/// The related-items sub-page.
struct IncidentRelatedModel: Sendable {
    let base: String
    let arn: String
    let title: String
    let tabs: [IncidentTab]
    let canResolve: Bool
    let canWrite: Bool
    let items: [RelatedItemView]
    let errors: [String]
}

/// A label and value of the properties sub-page.
struct PropertyRow: Sendable {
    let label: String
    let value: String
}

/// The properties sub-page.
struct IncidentPropertiesModel: Sendable {
    let base: String
    let arn: String
    let title: String
    let tabs: [IncidentTab]
    let canResolve: Bool
    let rows: [PropertyRow]
}

/// A question of the analysis with its answer.
struct AnalysisQuestionView: Sendable {
    let id: String
    let text: String
    let answer: String
    let answeredBy: String?
}

/// A section of the analysis template.
struct AnalysisSectionView: Sendable {
    let title: String
    let questions: [AnalysisQuestionView]
}

/// An action item (an OpsItem).
struct ActionItemView: Sendable {
    let title: String
    let opsItemID: String
    let priority: String
    let createdBy: String
}

/// The analysis sub-page: a start button, or the questions to answer and the action items.
struct IncidentAnalysisModel: Sendable {
    let base: String
    let arn: String
    let title: String
    let tabs: [IncidentTab]
    let canResolve: Bool
    let canWrite: Bool
    let exists: Bool
    let isOpen: Bool
    let name: String
    let language: String
    let sections: [AnalysisSectionView]
    let actionItems: [ActionItemView]
    let questions: [Choice]
    let errors: [String]
}
