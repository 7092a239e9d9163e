/// A request or a document that breaks a rule of post-incident analyses (an open incident, an unknown question, a
/// template Hikeshi cannot read…): the request member at fault when the core knows it, and a message. API modules turn
/// it into the model's error for the operation.
public struct AnalysisRuleError: Error, Sendable, Equatable {
    /// The request member at fault (e.g. `IncidentRecordArn`, `Answers.2.QuestionId`), or nil when the caller knows
    /// better which member brought the bad value (a template's or an analysis's content).
    public var field: String?
    /// What is wrong, for the client.
    public var message: String

    /// Creates the error.
    public init(field: String? = nil, _ message: String) {
        self.field = field
        self.message = message
    }
}
