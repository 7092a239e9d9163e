import Foundation

extension AnalysisTemplate {
    /// Reads a template's JSON content (see ``AnalysisTemplate``). The language is the content's `language`, else
    /// `fallbackLanguage` (the built-in document's, or what the template's name says). Content that is not such a
    /// template is refused with a message that says where it breaks the form.
    public static func read(json content: String, fallbackLanguage: DocumentLanguage) throws(AnalysisRuleError) -> AnalysisTemplate {
        guard let root = DocumentValue(json: content)?.object else {
            throw AnalysisRuleError("the content is not a JSON object")
        }
        var language = fallbackLanguage
        if let stated = root["language"] {
            guard let code = stated.string, let known = DocumentLanguage(rawValue: code) else {
                throw AnalysisRuleError("language must be one of en, ja, ko or zh")
            }
            language = known
        }
        var description: String?
        if let text = root["description"], text != .null {
            guard let string = text.string else { throw AnalysisRuleError("description must be a string") }
            description = string
        }
        guard let list = root["sections"]?.array, !list.isEmpty else {
            throw AnalysisRuleError("sections must be a list of at least one section, each {id, title, questions: [{id, text}]}")
        }
        guard list.count <= maximumSections else { throw AnalysisRuleError("a template has at most \(maximumSections) sections") }
        var sections: [AnalysisSection] = []
        var sectionIDs: Set<String> = []
        var questionIDs: Set<String> = []
        for (index, item) in list.enumerated() {
            let place = "sections[\(index)]"
            guard let fields = item.object else { throw AnalysisRuleError("\(place) must be an object") }
            let id = try text(fields["id"], at: "\(place).id", limit: maximumIDLength)
            guard sectionIDs.insert(id).inserted else { throw AnalysisRuleError("\(place).id \(id) is used twice") }
            let title = try text(fields["title"], at: "\(place).title", limit: maximumTextLength)
            guard let entries = fields["questions"]?.array else { throw AnalysisRuleError("\(place).questions must be a list") }
            var questions: [AnalysisQuestion] = []
            for (number, entry) in entries.enumerated() {
                let spot = "\(place).questions[\(number)]"
                guard let question = entry.object else { throw AnalysisRuleError("\(spot) must be an object") }
                let questionID = try text(question["id"], at: "\(spot).id", limit: maximumIDLength)
                guard questionIDs.insert(questionID).inserted else {
                    throw AnalysisRuleError("\(spot).id \(questionID) is used twice; question ids are unique across the template")
                }
                questions.append(AnalysisQuestion(id: questionID, text: try text(question["text"], at: "\(spot).text", limit: maximumTextLength)))
            }
            sections.append(AnalysisSection(id: id, title: title, questions: questions))
        }
        guard !questionIDs.isEmpty else { throw AnalysisRuleError("the template asks no question") }
        guard questionIDs.count <= maximumQuestions else {
            throw AnalysisRuleError("a template asks at most \(maximumQuestions) questions, this one \(questionIDs.count)")
        }
        return AnalysisTemplate(language: language, description: description, sections: sections)
    }

    /// A required, non-blank string of at most `limit` characters.
    private static func text(_ value: DocumentValue?, at place: String, limit: Int) throws(AnalysisRuleError) -> String {
        guard let string = value?.string, !string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw AnalysisRuleError("\(place) must be a non-empty string")
        }
        guard string.count <= limit else { throw AnalysisRuleError("\(place) is longer than \(limit) characters") }
        return string
    }
}
