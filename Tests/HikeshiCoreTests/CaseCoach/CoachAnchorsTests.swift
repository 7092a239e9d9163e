import Testing

@testable import HikeshiCore

/// The keyword patterns' literal pre-check never hides a match: every fragment's anchor is in every match of it,
/// and the patterns answer the same with and without the pre-check.
@Suite("CaseCoach anchors")
struct CoachAnchorsTests {
    @Test(
        "a fragment's anchor is its longest run of required literal characters",
        arguments: [
            ("errors?", "error"), ("fail(?:s|ed|ing|ures?)?", "fail"), ("time(?:d)? ?outs?", "time"),
            ("(?:i|we)(?: have|'ve)? tried", " tried"), (#"x\.y"#, "x.y"), (#"\u3000abc"#, "abc"), (#"\d{2}時"#, "時"),
            ("エラー", "エラー"), ("Café", "Caf"), (#"would like to (?!know|ask)"#, "would like to "), ("a+b", "a"),
            (#"\U0001F600abc"#, "abc"), ("abc\u{02BC}de", "abc\u{02BC}de"), ("ab\u{0301}cde", "cde"),
        ])
    func anchorOfFragment(fragment: String, anchor: String) {
        #expect(CoachAnchors.anchor(of: fragment) == anchor)
    }

    @Test(
        "a fragment without a required literal, with a top-level alternative, or in syntax this reader does not follow, gives none",
        arguments: [
            "a|b", "[0-9]+", #"\d+"#, "(?:x|y)", "[a[bc]]xyz", "[[:alpha:]]xyz", "(?i)abc", "(?x: a b )", "(?-i:abc)", #"(ab)\1"#, #"\Qa.b\E"#,
        ])
    func noAnchor(fragment: String) {
        #expect(CoachAnchors.anchor(of: fragment) == nil)
        #expect(CoachAnchors(fragments: [fragment]) == nil)
        let mixed = CoachAnchors(fragments: ["error", fragment])
        #expect(mixed?.anchorOfFragment == [0, nil])
        // A keyword without an anchor may match any text: nothing is passed over.
        #expect(mixed?.coversEveryFragment == false)
        #expect(mixed?.mayMatch("nothing here") == true)
    }

    @Test("ASCII letters fold both ways; letters that fold into ASCII only fully skip the pre-check")
    func folding() throws {
        let anchors = try #require(CoachAnchors(fragments: ["issue", "エラー"]))
        #expect(anchors.present(in: "An ISSUE here") == [0])
        #expect(anchors.present(in: "iße") == nil)
        #expect(anchors.mayMatch("An ISSUE here"))
        #expect(anchors.mayMatch("接続エラーです"))
        #expect(!anchors.mayMatch("nothing to see"))
        #expect(anchors.mayMatch("iße"))
        #expect(anchors.mayMatch("\u{FB01}x"))
        for letter in ["\u{130}", "\u{149}", "\u{1F0}", "\u{1E96}", "\u{1E9A}", "\u{212A}"] {
            #expect(anchors.present(in: "x" + letter + "y") == nil, "\(letter)")
        }
    }

    @Test("every keyword pattern answers as its one expression does, keyword by keyword, on an example of each keyword and on the fixtures")
    func sameAnswers() {
        var texts = CaseFixture.all.flatMap { fixture in
            [fixture.subject] + fixture.parts.values.flatMap { [$0.good, $0.bad] }
        }
        var examples = 0
        var matchedExamples = 0
        var withoutAnchors: [String] = []
        for (name, keywords) in CoachLexicon.keywordSets.sorted(by: { $0.key < $1.key }) {
            let checked = CoachPattern(keywords: keywords)
            let plain = CoachPattern(CoachPattern.alternation(keywords.all))
            #expect(checked.keywordSearch != nil, "\(name) is not searched keyword by keyword")
            if checked.anchors?.coversEveryFragment != true {
                withoutAnchors.append(name + ": " + keywords.all.filter { CoachAnchors.anchor(of: $0) == nil }.joined(separator: " "))
            }
            for fragment in keywords.all {
                let example = Self.example(of: fragment)
                examples += 1
                if plain.matches(" " + example + " ") { matchedExamples += 1 }
                texts += [" " + example + " ", example.uppercased(), "x" + example, "(" + example + ")。"]
            }
            for text in texts {
                #expect(checked.matches(text) == plain.matches(text), "\(name): \(text)")
                #expect(checked.count(in: text) == plain.count(in: text), "\(name): \(text)")
            }
        }
        // Most patterns pass over texts without anchors (a set with a fragment that has no literal does not).
        #expect(withoutAnchors.count <= 8, "\(withoutAnchors)")
        // The examples are real positives: most keywords match their own example.
        #expect(Double(matchedExamples) >= 0.8 * Double(examples), "\(matchedExamples) of \(examples)")
    }

    @Test("patterns that require keywords answer as their plain expressions do, on texts built around each keyword")
    func requiringPatterns() {
        let fixtures = CaseFixture.all.flatMap { fixture in
            [fixture.subject] + fixture.parts.values.flatMap { [$0.good, $0.bad] }
        }
        let cases: [(String, CoachPattern, CoachKeywords, [String])] = [
            (
                "regionName", CoachLexicon.regionName, CoachLexicon.regionNameKeywords,
                ["{} region", "region: {}", "US East ({})", "{}リージョン", "{} 리전", "{}区域"]
            ),
            (
                "namedResource", CoachLexicon.namedResource, CoachLexicon.resourceKeywords,
                ["{} my-db-1", "{} named web_01-a", "{}: i-0abc", "the {}"]
            ),
        ]
        var matched = 0
        for (name, pattern, keywords, frames) in cases {
            #expect(pattern.anchors?.coversEveryFragment == true, "\(name)")
            let plain = CoachPattern(pattern.source)
            var texts = fixtures + ["no keyword at all", "US East (somewhere)"]
            for fragment in keywords.all {
                let example = Self.example(of: fragment)
                texts += frames.map { $0.replacingOccurrences(of: "{}", with: example) }
            }
            for text in texts {
                let answer = pattern.matches(text)
                if answer { matched += 1 }
                #expect(answer == plain.matches(text), "\(name): \(text)")
                #expect(pattern.capturedTexts(in: text) == plain.capturedTexts(in: text), "\(name): \(text)")
            }
        }
        #expect(matched > 100)
    }

    /// A text the fragment matches in most cases: groups take their first alternative, optional parts are present,
    /// lookarounds are dropped, classes give a typical member.
    static func example(of fragment: String) -> String {
        var scalars = Array(fragment.unicodeScalars)[...]
        return expand(&scalars)
    }

    private static func expand(_ scalars: inout ArraySlice<Unicode.Scalar>) -> String {
        var output = ""
        var last = ""
        while let scalar = scalars.first {
            switch scalar {
            case ")":
                return output
            case "|":
                // Skip the other alternatives of this group.
                var depth = 0
                while let next = scalars.first {
                    if next == "(" { depth += 1 }
                    if next == ")" {
                        if depth == 0 { return output }
                        depth -= 1
                    }
                    if next == "\\" { scalars = scalars.dropFirst() }
                    scalars = scalars.dropFirst()
                }
                return output
            case "(":
                scalars = scalars.dropFirst()
                var lookaround = false
                if scalars.first == "?" {
                    scalars = scalars.dropFirst()
                    if scalars.first == "<" { scalars = scalars.dropFirst() }
                    lookaround = scalars.first == "=" || scalars.first == "!"
                    while let next = scalars.first, next != ":" && next != "=" && next != "!" { scalars = scalars.dropFirst() }
                    scalars = scalars.dropFirst()
                }
                let inner = expand(&scalars)
                scalars = scalars.dropFirst()
                last = lookaround ? "" : inner
            case "[":
                scalars = scalars.dropFirst()
                let negated = scalars.first == "^"
                var first: String?
                while let next = scalars.first, next != "]" || first == nil {
                    if first == nil && next != "^" { first = next == "\\" ? "1" : String(next) }
                    scalars = scalars.dropFirst()
                }
                scalars = scalars.dropFirst()
                last = negated ? "x" : (first ?? "a")
            case "\\":
                scalars = scalars.dropFirst()
                let escaped = scalars.first ?? "\\"
                switch escaped {
                case "s": last = " "
                case "d": last = "1"
                case "w": last = "a"
                case "b", "B": last = ""
                default: last = String(escaped)
                }
                scalars = scalars.dropFirst()
            case "?", "*", "+":
                scalars = scalars.dropFirst()
                continue
            case "{":
                var count = ""
                scalars = scalars.dropFirst()
                while let next = scalars.first, next != "}" {
                    count.unicodeScalars.append(next)
                    scalars = scalars.dropFirst()
                }
                scalars = scalars.dropFirst()
                let times = Int(count.split(separator: ",").first ?? "1") ?? 1
                output += String(repeating: last, count: max(times - 1, 0))
                continue
            default:
                last = String(scalar)
                scalars = scalars.dropFirst()
            }
            output += last
        }
        return output
    }
}
