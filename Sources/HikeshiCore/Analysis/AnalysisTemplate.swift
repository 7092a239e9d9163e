/// The questions a post-incident analysis starts from: a `ProblemAnalysisTemplate` document's content, read by
/// ``read(json:fallbackLanguage:)``.
///
/// The content Hikeshi reads (its built-in `AWSIncidents-PostIncidentAnalysisTemplate` is written so):
/// `{"schemaVersion": "1.0", "language": "en|ja|ko|zh", "description": "…", "sections": [{"id": "…", "title": "…",
/// "questions": [{"id": "…", "text": "…"}]}]}`. `language` and `description` may be left out; question ids are unique
/// across the template, since answers name questions by id alone.
public struct AnalysisTemplate: Sendable, Equatable {
    /// The language of the questions, and of the headings and labels of analyses made from the template.
    public var language: DocumentLanguage
    /// The template's description (Markdown), if it has one.
    public var description: String?
    /// The sections, with unanswered questions.
    public var sections: [AnalysisSection]

    /// Creates a template.
    public init(language: DocumentLanguage, description: String?, sections: [AnalysisSection]) {
        self.language = language
        self.description = description
        self.sections = sections
    }

    /// The most sections a template may have.
    public static let maximumSections = 50
    /// The most questions a template may have.
    public static let maximumQuestions = 200
    /// The longest id of a section or question, in characters.
    public static let maximumIDLength = 128
    /// The longest section title or question, in characters.
    public static let maximumTextLength = 2000

    /// The language a template's name says: a `-ja`, `-ko` or `-zh` ending (as the built-in templates are named), else
    /// English.
    public static func language(ofName name: String) -> DocumentLanguage {
        DocumentLanguage.allCases.first { $0 != .english && name.hasSuffix("-\($0.rawValue)") } ?? .english
    }
}
