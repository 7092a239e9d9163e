import Foundation
import HikeshiTestSupport
import Testing

@testable import AWSProtocol

/// ``AWSRegex`` answers as ICU (`NSRegularExpression`) does: its classes over every assigned Unicode scalar, `$` before every
/// line terminator, and every pattern the models hold on values made from the pattern and values one edit away.
@Suite("Native model patterns")
struct AWSRegexTests {
    /// Runs `work` on a thread of its own and waits for it without holding a thread: the comparisons below take
    /// seconds of CPU, and on Swift Testing's cooperative threads (two here) they held back every other test's timers
    /// (the SMTP client's 0.3 s timeout took 6-8 s in the full run).
    private static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try work() })
            }
        }
    }

    /// The scalars compared (see below), in order, as one string, with each scalar's UTF-16 offset in it.
    private static let everyScalar: (scalars: [Unicode.Scalar], text: String, offsets: [Int]) = {
        // Every scalar of the planes with assigned characters (0-3, 14), and every 251st of the others: planes 4-13
        // are unassigned and 15-16 private use in both versions of Unicode, and a full pass over them cost seconds of
        // both cores in the debug build.
        let assigned = Array(0...0x3FFFF) + Array(0xE0000...0xE0FFF)
        let others = stride(from: 0x40000, to: 0xE0000, by: 251).map { $0 } + stride(from: 0xE1000, through: 0x10FFFF, by: 251).map { $0 }
        let scalars = (assigned + others).sorted().compactMap { Unicode.Scalar(UInt32($0)) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += scalar.utf16.count
        }
        return (scalars, String(view), offsets)
    }()

    /// For each scalar of ``everyScalar``, whether ICU's `pattern` (one scalar wide) matches it: one search over the
    /// whole text, its matches walked in order with the offsets.
    private static func icuMatches(_ pattern: String) throws -> [Bool] {
        let (scalars, text, offsets) = everyScalar
        var found = Array(repeating: false, count: scalars.count)
        let expression = try NSRegularExpression(pattern: pattern)
        let length = offsets[offsets.count - 1] + scalars[scalars.count - 1].utf16.count
        var index = 0
        for match in expression.matches(in: text, range: NSRange(location: 0, length: length)) {
            while index < offsets.count, offsets[index] < match.range.location { index += 1 }
            if index < offsets.count, offsets[index] == match.range.location { found[index] = true }
        }
        return found
    }

    /// Each class, as the matcher reads it, holds every scalar ICU's holds and no other — but the scalars the matcher
    /// leaves to ICU, which must be exactly those newer than ICU's Unicode. The set is compared directly (a match per
    /// scalar would keep both of the test pool's threads busy for seconds), and every 509th scalar also through the
    /// whole matcher.
    @Test(arguments: [#"\w"#, #"\W"#, #"\d"#, #"\D"#, #"\s"#, #"\S"#, #"\p{L}"#, #"\p{N}"#, #"\p{Z}"#, #"\P{L}"#, "."])
    func aClassHoldsWhatICUsDoes(_ pattern: String) async throws {
        var parser = AWSRegex.Parser(Array(pattern.unicodeScalars))
        let parsed = parser.parse()
        guard case .set(let set)? = parsed else {
            Issue.record("\(pattern) is not read as one set")
            return
        }
        let regex = try #require(AWSRegex(pattern))
        let comparison = try await Self.onOwnThread { try Self.compare(set, regex: regex, pattern: pattern) }
        // Only a scalar newer than ICU's Unicode is left to ICU, and the validators then ask ICU.
        #expect(comparison.leftToICUNewer == comparison.leftToICU.count)
        #expect(comparison.nilAnswers == comparison.leftToICU.count)
        let scalars = Self.everyScalar.scalars
        for (index, expected) in comparison.leftToICU.prefix(200) {
            let answer = AWSPattern.matches(String(scalars[index]), pattern: pattern)
            #expect(answer == expected, "U+\(String(scalars[index].value, radix: 16))")
        }
        let count = comparison.differences.count
        let sample = comparison.differences.prefix(12).joined(separator: " ")
        #expect(count == 0, "\(pattern) differs from ICU for \(count) scalars, first U+\(sample)")
        // The class is not empty, nor everything (a broken comparison would pass both ways).
        #expect(comparison.icuSize > 0 && comparison.icuSize < scalars.count)
    }

    /// What comparing a class with ICU over every scalar found.
    private struct ClassComparison: Sendable {
        /// The scalars (hex) where the two disagree.
        var differences: [String] = []
        /// The scalars the matcher leaves to ICU, with ICU's answer.
        var leftToICU: [(index: Int, expected: Bool)] = []
        /// How many of those are newer than ICU's Unicode.
        var leftToICUNewer = 0
        /// How many times the whole matcher answered `nil` (leave it to ICU).
        var nilAnswers = 0
        /// How many scalars ICU's class holds.
        var icuSize = 0
    }

    /// Compares `set` (and every 509th scalar through the whole matcher) with ICU's `pattern` over every scalar.
    private static func compare(_ set: AWSRegexSet, regex: AWSRegex, pattern: String) throws -> ClassComparison {
        let scalars = everyScalar.scalars
        let expected = try icuMatches(pattern)
        var result = ClassComparison()
        result.icuSize = expected.filter { $0 }.count
        for (index, scalar) in scalars.enumerated() {
            if set.readsProperties, !scalar.isASCII, !AWSRegex.agreesWithICU(scalar) {
                if regex.matches(String(scalar)) == nil { result.nilAnswers += 1 }
                result.leftToICU.append((index, expected[index]))
                if let age = scalar.properties.age {
                    let newer =
                        age.major > AWSRegex.icuUnicodeVersion.major
                        || (age.major == AWSRegex.icuUnicodeVersion.major && age.minor > AWSRegex.icuUnicodeVersion.minor)
                    if newer { result.leftToICUNewer += 1 }
                } else {
                    result.leftToICUNewer += 1
                }
                continue
            }
            var answer = set.contains(scalar)
            if index % 509 == 0, let matched = regex.matches(String(scalar)) {
                answer = matched
            }
            if answer != expected[index] {
                result.differences.append(String(scalar.value, radix: 16))
            }
        }
        return result
    }

    @Test func endHoldsBeforeALineTerminatorThatEndsTheValue() async throws {
        let regex = try #require(AWSRegex("^a$"))
        let mismatches = try await Self.onOwnThread {
            var candidates = (0...0x3000).compactMap { Unicode.Scalar(UInt32($0)) }.map { "a" + String($0) }
            candidates += ["a", "a\r\n", "a\n\n", "a\r\r", "a\n\r", "a\r\n\n", "ab", "\na", ""]
            return candidates.filter { regex.matches($0) != AWSPattern.matchesWithICU($0, pattern: "^a$") }.map(\.debugDescription)
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(regex.matches("a\n") == true)
        #expect(regex.matches("a\n\n") == false)
    }

    @Test func endDoesNotHoldInsideAFinalCarriageReturnLineFeed() throws {
        for (pattern, value) in [(#"\r$"#, "\r\n"), (#"^a\s$"#, "a\r\n"), (#"^a\s*$"#, "a\r\n"), (#"\n$"#, "\r\n"), (#"a$"#, "a\r\n")] {
            let regex = try #require(AWSRegex(pattern))
            #expect(regex.matches(value) == AWSPattern.matchesWithICU(value, pattern: pattern), "\(pattern) on \(value.debugDescription)")
        }
        #expect(AWSRegex(#"\r$"#)?.matches("\r\n") == false)
    }

    @Test func anEmptyPartRepeatedCompilesAtOnce() throws {
        // Copying the empty group 9999^3 times would take hours; it is nothing, repeated. (ICU itself gives up on this
        // one at match time; no model has anything like it.)
        let regex = try #require(AWSRegex("(?:(?:(?:){9999}){9999}){9999}x"))
        #expect(regex.matches("ax") == true)
        #expect(regex.matches("a") == false)
    }

    @Test func aPatternICURefusesMatchesNothingEvenWithinTheSubset() {
        // `(?:)` alone is within the subset; ICU refuses the empty pattern, and so does the validator.
        #expect(!AWSPattern.compiles(""))
        #expect(!AWSPattern.matches("anything", pattern: ""))
    }

    @Test func anARNIsCheckedAsICUChecksIt() throws {
        let pattern = #"arn:(aws|aws-cn|aws-us-gov):ssm-contacts:[-\w+=\/,.@]*:[0-9]+:([\w+=\/,.@:-]+)*"#
        let regex = try #require(AWSRegex(pattern))
        let values = [
            "arn:aws:ssm-contacts:us-east-1:111111111111:contact/bench-7", "arn:aws-cn:ssm-contacts:cn-north-1:1:x",
            "arn:aws:ssm-contacts:us-east-1::contact/a", "not an arn", "prefix arn:aws:ssm-contacts:r:1:", "arn:aws:ssm-incidents:r:1:x",
            "arn:aws:ssm-contacts:üs:1:コンタクト", "",
        ]
        for value in values {
            #expect(regex.matches(value) == AWSPattern.matchesWithICU(value, pattern: pattern), "value \(value)")
        }
        #expect(regex.matches(values[0]) == true)
        #expect(regex.matches(values[2]) == false)
    }

    @Test func aNestedRepetitionThatFailsDoesNotBacktrack() throws {
        // A backtracking matcher takes 2^n steps to refuse this; the automaton takes n.
        let regex = try #require(AWSRegex(#"^([\w:-]+)*$"#))
        #expect(regex.matches(String(repeating: "a", count: 5_000) + "!") == false)
        #expect(regex.matches(String(repeating: "a:", count: 5_000)) == true)
    }

    @Test(arguments: [
        #"(?i)all"#, #"^(?!aws:).+"#, #"\bword"#, #"(a)\1"#, #"a++"#, #"[[a-z]&&[^b]]"#, #"[a-z[0-9]]"#, #"\x41"#, #"a**"#,
        #"\p{Lu}"#, #"a{2,1}"#, "(", "[a-", #"\"#, #"[!--/]"#, #"[a-c--]"#, #"[:alpha:]"#, #"[^:alpha:]"#, "",
    ])
    func syntaxOutsideTheSubsetGoesToICU(_ pattern: String) {
        #expect(AWSRegex(pattern) == nil)
    }

    @Test func everyModelPatternAnswersAsICU() async throws {
        let patterns = try AWSPatternTests.generatedPatterns()
        let (native, mismatches) = try await Self.onOwnThread { try Self.compareModelPatterns(patterns) }
        let count = mismatches.count
        let sample = mismatches.prefix(5).joined(separator: "; ")
        #expect(count == 0, "\(count) values answered otherwise than ICU: \(sample)")
        // All but the few with lookahead or flags run natively.
        #expect(native.count >= patterns.count - 4, "\(native.count) of \(patterns.count) patterns run natively")
        // ICU compiles each of them, and the validators run them natively (else the native engine would be tested but
        // never used).
        for pattern in native {
            #expect(AWSPattern.compiles(pattern))
            #expect(AWSPattern.isNative(pattern))
        }
    }

    /// The patterns that run natively, and the values on which one of them answers otherwise than ICU.
    private static func compareModelPatterns(_ patterns: Set<String>) throws -> (native: [String], mismatches: [String]) {
        var native: [String] = []
        var generator = SeededGenerator(seed: 0x5EED)
        var mismatches: [String] = []
        for pattern in patterns.sorted() {
            guard let regex = AWSRegex(pattern) else { continue }
            native.append(pattern)
            var parser = AWSRegex.Parser(Array(pattern.unicodeScalars))
            guard let tree = parser.parse() else { continue }
            var values: [String] = ["", " ", "\n", "aws:x", "all", "123456789012", "😀", "日本語", "a\u{2028}"]
            for _ in 0..<60 {
                let made = sample(tree, using: &generator)
                values.append(made)
                values.append(mutate(made, using: &generator))
                values.append(mutate(mutate(made, using: &generator), using: &generator))
            }
            for value in values where regex.matches(value) != AWSPattern.matchesWithICU(value, pattern: pattern) {
                mismatches.append("\(pattern) on \(value.debugDescription)")
            }
        }
        return (native, mismatches)
    }

    /// Scalars a set may be sampled from: ASCII, a few of every kind ICU classes tell apart.
    private static let sampleScalars: [Unicode.Scalar] = {
        var scalars = (0x20...0x7E).compactMap { Unicode.Scalar(UInt32($0)) }
        scalars += [
            "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}", "é", "ß", "あ", "한", "中", "٣", "Ⅻ", "½",
            "\u{301}", "_", "‿", "😀", "𝒜",
        ]
        return scalars
    }()

    /// A value `node` matches (or, for anchors and sets with no sampled member, one it may not).
    private static func sample(_ node: AWSRegex.Node, using generator: inout SeededGenerator) -> String {
        switch node {
        case .empty, .start, .end:
            return ""
        case .scalar(let scalar):
            return String(scalar)
        case .set(let set):
            let members = sampleScalars.filter(set.contains)
            guard !members.isEmpty else { return "" }
            return String(members[Int(generator.next() % UInt64(members.count))])
        case .sequence(let parts):
            return parts.map { sample($0, using: &generator) }.joined()
        case .alternation(let branches):
            return sample(branches[Int(generator.next() % UInt64(branches.count))], using: &generator)
        case .repetition(let part, let min, let max):
            let upper = max ?? min + 4
            let count = min + Int(generator.next() % UInt64(upper - min + 1))
            return (0..<count).map { _ in sample(part, using: &generator) }.joined()
        }
    }

    /// `value` with one scalar inserted, removed or replaced.
    private static func mutate(_ value: String, using generator: inout SeededGenerator) -> String {
        var scalars = Array(value.unicodeScalars)
        let other = sampleScalars[Int(generator.next() % UInt64(sampleScalars.count))]
        let position = scalars.isEmpty ? 0 : Int(generator.next() % UInt64(scalars.count))
        switch generator.next() % 3 {
        case 0: scalars.insert(other, at: position)
        case 1 where !scalars.isEmpty: scalars.remove(at: position)
        default: if scalars.isEmpty { scalars.append(other) } else { scalars[position] = other }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
