import Foundation
import HikeshiCore
import Testing

/// The coach never crashes and stays quick on empty, odd and oversized drafts, and can be used concurrently.
@Suite("CaseCoach robustness")
struct CaseCoachRobustnessTests {
    @Test("an empty draft asks for a question and a goal")
    func empty() {
        let report = CaseCoach().review(CaseDraft(subject: "", body: "", language: ""))
        #expect(report.codes == ["no-question", "no-goal"])
        #expect(report.score == 80)
        #expect(report.language == .english)
    }

    static let oddBodies: [NamedText] = [String]([
        " ", "\n\n\n", "?", "？？？", "🔥🚒🧯", String(repeating: "👨‍👩‍👧‍👦", count: 1_000), "\u{0}\u{1}\u{7F}", "\u{FEFF}\u{200B}",
        "((((((((((", "[[[[", "\\", "$1 \\1 {kind}", "-----BEGIN", "i-", "arn:aws:", "a@b", "1.\n2.\n3.", "①②③", "ｉ－０１２３４５６７８９ａｂｃｄｅｆ０",
        String(repeating: "a", count: 200_000) + "?", String(repeating: "\u{301}", count: 10_000),
    ]).map { NamedText($0) }

    @Test("odd input does not crash", arguments: oddBodies)
    func odd(_ sample: NamedText) {
        let body = sample.text
        for language in ["en", "ja", "ko", "zh", "??"] {
            let report = CaseCoach().review(CaseDraft(subject: body, body: body, language: language))
            #expect(report.findings.allSatisfy { !$0.message.isEmpty && $0.check != nil })
        }
    }

    static let megabyteBodies: [NamedText] = [
        NamedText(
            "repeated good case",
            String(repeating: CaseFixture.english.good.body + "\n", count: 1_000_000 / CaseFixture.english.good.body.utf8.count + 1)
        ),
        NamedText("one letter", String(repeating: "a", count: 1_000_000)),
        NamedText("hyphenated", String(repeating: "a-", count: 500_000)),
        NamedText("dotted", String(repeating: "a.", count: 500_000)),
        NamedText("digits", String(repeating: "1", count: 1_000_000)),
        NamedText("spaced digits", String(repeating: "1 ", count: 500_000)),
        NamedText("at signs", String(repeating: "a@", count: 500_000)),
        NamedText("quotes", String(repeating: "\"", count: 1_000_000)),
        NamedText("base64", String(repeating: "Ab1/", count: 250_000)),
        NamedText("Japanese", String(repeating: "東京リージョンのインスタンスでエラー", count: 60_000)),
        NamedText("emoji", String(repeating: "🔥🚒", count: 250_000)),
        NamedText("numbered lines", String(repeating: "1. why?\n", count: 125_000)),
        NamedText("mysql commands on one line", String(repeating: "mysql -h db ", count: 90_000)),
        NamedText("password words", String(repeating: "password ", count: 120_000)),
    ]

    @Test("a 1 MB body is reviewed quickly", arguments: megabyteBodies)
    func megabyte(_ row: NamedText) {
        #expect(row.text.utf8.count >= 1_000_000)
        let start = Date()
        let report = CaseCoach().review(CaseDraft(subject: "Big", body: row.text, language: "ja"))
        let elapsed = Date().timeIntervalSince(start)
        #expect(report.findings.allSatisfy { $0.check != nil })
        #expect(elapsed < 10, "\(row.name) took \(elapsed) s")
    }

    @Test("a secret at the end of a 1 MB body is still found")
    func secretAtTheEnd() {
        let body = String(repeating: "filler text ", count: 90_000) + "AKIAIOSFODNN7EXAMPLE"
        let report = CaseCoach().review(CaseDraft(subject: "", body: body))
        #expect(report.findings.contains { $0.detail == SensitiveDataKind.awsAccessKeyID.rawValue })
    }

    @Test("concurrent reviews agree")
    func concurrent() async {
        let coach = CaseCoach()
        let drafts = CaseFixture.all.flatMap { fixture in [nil, .region, .error].map { fixture.draft(breaking: $0) } }
        let expected = drafts.map { coach.review($0) }
        let results = await withTaskGroup(of: (Int, CoachReport).self) { group in
            for _ in 0..<8 {
                for (index, draft) in drafts.enumerated() {
                    group.addTask { (index, coach.review(draft)) }
                }
            }
            var collected: [(Int, CoachReport)] = []
            for await result in group {
                collected.append(result)
            }
            return collected
        }
        for (index, report) in results {
            #expect(report == expected[index])
        }
    }
}
