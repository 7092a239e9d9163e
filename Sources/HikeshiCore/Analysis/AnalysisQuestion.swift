import Foundation

/// A question of an analysis template, with its answer once someone gives one.
public struct AnalysisQuestion: Sendable, Equatable {
    /// The question's id, unique in its template.
    public var id: String
    /// The question.
    public var text: String
    /// The current answer; nil until answered (or after the answer is cleared).
    public internal(set) var answer: AnalysisAnswer?

    /// Creates a question.
    public init(id: String, text: String, answer: AnalysisAnswer? = nil) {
        self.id = id
        self.text = text
        self.answer = answer
    }
}

/// An answer to a question: Markdown, and who gave it when.
public struct AnalysisAnswer: Sendable, Equatable {
    /// The answer, Markdown.
    public var text: String
    /// Who answered last (an ARN).
    public var answeredBy: String
    /// When.
    public var answeredAt: Date

    /// Creates an answer.
    public init(text: String, answeredBy: String, answeredAt: Date) {
        self.text = text
        self.answeredBy = answeredBy
        self.answeredAt = answeredAt
    }
}
