import Testing

@testable import HikeshiCore

/// The coach's vocabulary: every pattern compiles, every keyword list exists in all four languages.
@Suite("CaseCoach lexicon")
struct CoachLexiconTests {
    @Test("every pattern compiles")
    func patternsCompile() {
        let patterns = CoachLexicon.allPatterns
        #expect(patterns.count > 40)
        for (name, pattern) in patterns {
            #expect(pattern.regex != nil, "\(name): \(pattern.source)")
        }
    }

    @Test("every keyword list exists in all four languages")
    func keywordLists() {
        for (name, keywords) in CoachLexicon.keywordSets {
            for language in SupportLanguage.allCases {
                #expect(!keywords.fragments(in: language).isEmpty, "\(name) has no \(language) keywords")
            }
        }
    }

    @Test(
        "keywords respect ASCII word edges, also next to kana, hangul and hanzi",
        arguments: [
            ("because it broke", false), ("the root cause", true), ("RDSのDBインスタンス", true), ("DBが落ちた", true), ("feedback", false),
        ])
    func asciiEdges(_ text: String, _ matches: Bool) {
        let pattern = CoachPattern(keywords: CoachKeywords(english: ["cause", "DB"], japanese: [], korean: [], chinese: []))
        #expect(pattern.matches(text) == matches)
    }

    @Test("Luhn and issuer prefixes", arguments: [("4111111111111111", true), ("4111111111111112", false), ("1767607800000", false)])
    func cards(_ digits: String, _ valid: Bool) {
        #expect(CaseCoach.isCardNumber(digits) == valid)
    }
}

/// Everyday ways of saying "it does not work" count as describing a problem, so the coach asks for what problem reports need.
@Suite("CaseCoach everyday problem words")
struct CoachEverydayProblemTests {
    @Test(
        "a terse complaint gets the advice a problem report needs",
        arguments: [("ja", "EC2 が動きません"), ("ko", "EC2가 안 돼요"), ("zh", "EC2 坏了"), ("en", "help it's broken")])
    func terse(_ language: String, _ body: String) {
        let report = CaseCoach().review(CaseDraft(subject: "", body: body, language: language))
        #expect(report.contains(.noAttempts), "\(language): \(report.codes)")
        #expect(report.contains(.ongoingUnstated), "\(language): \(report.codes)")
    }
}
