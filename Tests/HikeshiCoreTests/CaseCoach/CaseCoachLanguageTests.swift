import Foundation
import HikeshiCore
import Testing

/// Advice follows the draft's language whatever the text's language; unsupported codes fall back to English.
@Suite("CaseCoach languages")
struct CaseSupportLanguageTests {
    @Test(
        "language codes resolve",
        arguments: [
            ("en", SupportLanguage.english), ("ja", .japanese), ("ko", .korean), ("zh", .chinese), ("JA", .japanese), ("ja-JP", .japanese),
            ("ko_KR", .korean), ("zh-TW", .chinese), ("zh-Hans-CN", .chinese), (" en ", .english), ("fr", .english), ("", .english),
            ("xx-YY", .english), ("japanese", .english),
        ])
    func resolve(_ code: String, _ expected: SupportLanguage) {
        #expect(SupportLanguage(resolving: code) == expected)
    }

    @Test("every check has advice in every language, distinct from English", arguments: SupportLanguage.allCases)
    func messagesComplete(_ language: SupportLanguage) {
        for check in CoachCheck.allCases {
            let message = CoachMessages.message(for: check, in: language)
            #expect(!message.isEmpty && message != check.code)
            if language != .english {
                #expect(message != CoachMessages.message(for: check, in: .english), "\(check.code) not translated")
            }
            #expect(Self.isWritten(message, in: language), "\(check.code) in \(language)")
        }
        for kind in SensitiveDataKind.allCases {
            let message = CoachMessages.message(for: kind, in: language)
            #expect(message.contains(CoachMessages.name(of: kind, in: language)))
            #expect(!message.contains("{kind}"))
        }
    }

    @Test("advice follows the draft language, whatever language the text is in", arguments: CaseFixture.all, SupportLanguage.allCases)
    func adviceLanguage(_ fixture: CaseFixture, _ language: SupportLanguage) {
        var draft = fixture.draft(breaking: .region)
        draft.language = language.rawValue
        let report = CaseCoach().review(draft)
        #expect(report.language == language)
        #expect(report.codes == ["no-region"])
        #expect(report.findings.first?.message == CoachMessages.message(for: .noRegion, in: language))
    }

    @Test("unsupported languages get English advice", arguments: ["fr", "de-DE", "", "pt_BR"])
    func fallback(_ code: String) {
        var draft = CaseFixture.japanese.draft(breaking: .goal)
        draft.language = code
        let report = CaseCoach().review(draft)
        #expect(report.language == .english)
        #expect(report.codes == ["no-goal"])
        #expect(report.findings.first?.message == CoachMessages.message(for: .noGoal, in: .english))
    }

    @Test("a report round-trips through JSON")
    func codable() throws {
        let report = CaseCoach().review(CaseFixture.korean.draft(breaking: .error))
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(CoachReport.self, from: data) == report)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"error-without-message\""))
        #expect(json.contains("\"missing-information\""))
    }

    @Test("finding codes are stable and name their kind")
    func codes() {
        let codes = CoachCheck.allCases.map(\.code)
        #expect(
            codes == [
                "sensitive-data", "not-answerable.other-account", "not-answerable.failure-root-cause", "not-answerable.performance-figures",
                "not-answerable.maintenance-history", "not-answerable.internal-mechanism", "not-answerable.compliance-documents",
                "not-answerable.fix-date", "known-answer.status-check-system", "known-answer.status-check-instance", "known-answer.throttling",
                "known-answer.quota-exceeded", "known-answer.scheduled-retirement", "no-question", "resource-without-id", "no-region",
                "time-without-zone", "ongoing-unstated", "error-without-message", "no-goal", "no-attempts", "previous-case-without-id",
                "several-questions", "urgent-in-subject",
            ])
        for check in CoachCheck.allCases {
            if check.code.hasPrefix("not-answerable.") {
                #expect(check.kind == .notAnswerable)
            }
            if check.code.hasPrefix("known-answer.") {
                #expect(check.kind == .knownAnswer)
            }
        }
    }

    /// Whether `text` is written in the script of `language`: kana for Japanese, hangul for Korean, han without kana
    /// for Chinese, and none of those for English.
    static func isWritten(_ text: String, in language: SupportLanguage) -> Bool {
        let scalars = text.unicodeScalars
        let kana = scalars.contains { (0x3040...0x30FF).contains($0.value) }
        let hangul = scalars.contains { (0xAC00...0xD7A3).contains($0.value) }
        let han = scalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        switch language {
        case .english: return !kana && !hangul && !han
        case .japanese: return kana
        case .korean: return hangul && !kana
        case .chinese: return han && !kana && !hangul
        }
    }
}
