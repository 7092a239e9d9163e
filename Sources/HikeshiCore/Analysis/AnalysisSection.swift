/// A section of an analysis template (Overview, Detection…), with its questions.
public struct AnalysisSection: Sendable, Equatable {
    /// The section's id.
    public var id: String
    /// Its title, in the template's language.
    public var title: String
    /// Its questions, in order.
    public internal(set) var questions: [AnalysisQuestion]

    /// Creates a section.
    public init(id: String, title: String, questions: [AnalysisQuestion]) {
        self.id = id
        self.title = title
        self.questions = questions
    }
}
