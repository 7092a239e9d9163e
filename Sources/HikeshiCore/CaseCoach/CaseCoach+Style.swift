extension CaseCoach {
    /// The style checks: several unrelated questions, urgency words in the subject.
    func styleFindings(in text: CoachText, language: SupportLanguage) -> [CoachFinding] {
        var findings: [CoachFinding] = []
        if let questions = unrelatedQuestions(String(text.bodyProse)) {
            let quoted = questions.map { String($0.prefix { $0 != "\n" }.prefix(40)) }
            findings.append(CoachFinding(.severalQuestions, language: language, detail: String(questions.count), evidence: quoted))
        }
        if let word = CoachLexicon.urgent.firstMatch(in: text.subject) {
            findings.append(CoachFinding(.urgentInSubject, language: language, detail: word, evidence: [word]))
        }
        return findings
    }

    /// The draft's questions when two of them are about different things: services with none in common, or billing,
    /// the account or compliance beside a technical question (a Lambda error and a Lambda invoice),
    /// `nil` otherwise. The questions are the parts on either side of a word that opens another matter (`Separately`,
    /// `別件`, `별건`, `另外`) when a question follows it, else the numbered items that ask something, else the
    /// sentences that end in a question mark.
    func unrelatedQuestions(_ prose: String) -> [String]? {
        let questions = questionParts(prose)
        guard questions.count >= 2 else { return nil }
        let serviceSets = questions.map(services).filter { !$0.isEmpty }
        // Unrelated: two questions name services with none in common, or one asks about billing, the account or
        // compliance and the other does not ({EC2} and {EC2, EBS} are one matter; {Lambda} and {Lambda, Billing} two).
        let business: Set<String> = ["Billing", "Account", "Compliance"]
        for (index, first) in serviceSets.enumerated() {
            for second in serviceSets[(index + 1)...]
            where first.isDisjoint(with: second) || !first.symmetricDifference(second).isDisjoint(with: business) {
                return questions
            }
        }
        return nil
    }

    /// The parts of a draft that may each be a question of their own (see ``unrelatedQuestions(_:)``).
    func questionParts(_ prose: String) -> [String] {
        if let marker = CoachLexicon.anotherMatter.firstRange(in: prose) {
            // The word opens another matter only when a question follows it (`另外` is also a plain "besides").
            let parts = [String(prose[..<marker.lowerBound]), String(prose[marker.lowerBound...])]
            if asksSomething(parts[1]) {
                return parts
            }
        }
        let asking = numberedItems(prose).filter(asksSomething)
        if asking.count >= 2 {
            return asking
        }
        var sentences: [String] = []
        var current = ""
        for character in prose {
            current.append(character)
            if character == "?" || character == "？" {
                sentences.append(current)
                current = ""
            } else if "\n。.!！".contains(character) && !current.isEmpty {
                current = ""
            }
        }
        return sentences
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
