import Foundation

/// An action item of an analysis: an OpsItem (related to the incident and to the analysis document) and what the
/// analysis remembers of it when it was added.
public struct AnalysisActionItem: Sendable, Equatable {
    /// The OpsItem's id.
    public var opsItemID: String
    /// The OpsItem's ARN.
    public var opsItemArn: String
    /// What to do.
    public var title: String
    /// Details, Markdown.
    public var description: String
    /// The OpsItem's priority when it was created.
    public var priority: Int?
    /// The question the action item answers.
    public var questionID: String?
    /// Who added it (an ARN).
    public var createdBy: String
    /// When.
    public var createdAt: Date

    /// Creates an action item.
    public init(
        opsItemID: String, opsItemArn: String, title: String, description: String, priority: Int?, questionID: String?, createdBy: String,
        createdAt: Date
    ) {
        self.opsItemID = opsItemID
        self.opsItemArn = opsItemArn
        self.title = title
        self.description = description
        self.priority = priority
        self.questionID = questionID
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
