extension CaseCoach {
    /// The style checks: several unrelated questions, urgency words in the subject.
    func styleFindings(in text: CoachText, language: SupportLanguage) -> [CoachFinding] {
        var findings: [CoachFinding] = []
        if let count = unrelatedQuestionCount(text.prose) {
            findings.append(CoachFinding(.severalQuestions, language: language, detail: String(count)))
        }
        if let word = CoachLexicon.urgent.firstMatch(in: text.subject) {
            findings.append(CoachFinding(.urgentInSubject, language: language, detail: word))
        }
        return findings
    }

    /// The number of questions when the draft asks several unrelated ones: three or more question marks, or
    /// numbered questions about different services; `nil` otherwise.
    func unrelatedQuestionCount(_ prose: String) -> Int? {
        let marks = CoachLexicon.questionMark.count(in: prose)
        if marks >= 3 {
            return marks
        }
        let questions = numberedItems(prose).filter(asksSomething)
        guard questions.count >= 2 else { return nil }
        let serviceSets = questions.map(services).filter { !$0.isEmpty }
        let distinct = Set(serviceSets)
        return distinct.count >= 2 && distinct.reduce(Set<String>()) { $0.union($1) }.count >= 2 ? questions.count : nil
    }

    /// The numbered items of a text (`1.`, `(2)`, `Q3`, `④` at the start of a line), each with its continuation lines.
    func numberedItems(_ prose: String) -> [String] {
        var items: [String] = []
        var current: String?
        for line in prose.split(separator: "\n", omittingEmptySubsequences: false).prefix(10_000) {
            let line = String(line)
            if CoachLexicon.numberedItem.matches(line) {
                if let current {
                    items.append(current)
                }
                current = line
            } else if let open = current {
                current = open + "\n" + line
            }
        }
        if let current {
            items.append(current)
        }
        return items
    }

    /// The services a text mentions, by canonical name.
    func services(_ text: String) -> Set<String> {
        Set(CoachLexicon.services.filter { $0.pattern.matches(text) }.map(\.name))
    }
}
