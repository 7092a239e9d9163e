import Testing

@testable import HikeshiCore

/// Parsing support language codes and naming the languages.
@Suite("SupportLanguage")
struct SupportLanguageTests {
    @Test("the four codes parse, ignoring case and surrounding whitespace")
    func parsesCodes() {
        #expect(SupportLanguage(code: "en") == .english)
        #expect(SupportLanguage(code: "ja") == .japanese)
        #expect(SupportLanguage(code: "ko") == .korean)
        #expect(SupportLanguage(code: "zh") == .chinese)
        #expect(SupportLanguage(code: "JA") == .japanese)
        #expect(SupportLanguage(code: " Ko\n") == .korean)
        #expect(SupportLanguage(code: "\tZH ") == .chinese)
    }

    @Test("anything but the four codes is rejected", arguments: ["", " ", "fr", "ja-JP", "zh_CN", "jp", "eng", "e n", "english"])
    func rejectsOtherCodes(_ code: String) {
        #expect(SupportLanguage(code: code) == nil)
    }

    @Test("English and native names")
    func names() {
        #expect(SupportLanguage.allCases.map(\.englishName) == ["English", "Japanese", "Korean", "Chinese"])
        #expect(SupportLanguage.allCases.map(\.nativeName) == ["English", "日本語", "한국어", "中文"])
    }
}
