import Foundation

/// A regular expression compiled once and shared by the case coach's checks.
///
/// Patterns are ICU regular expressions (`NSRegularExpression`), case-insensitive unless told otherwise.
/// A pattern that fails to compile matches nothing; the test suite compiles every pattern.
struct CoachPattern: Sendable {
    /// The pattern source, kept for diagnostics.
    let source: String
    /// The compiled expression, `nil` if the source is not a valid pattern.
    let regex: NSRegularExpression?
    /// Keyword patterns: the keywords' literal anchors and their own expressions (see ``CoachKeywordSearch``).
    let keywordSearch: CoachKeywordSearch?

    /// Literals one of which every match contains: a keyword pattern's anchors, or those of the keywords a pattern
    /// requires (``init(_:caseSensitive:requiring:)``). A text without them is not searched.
    let anchors: CoachAnchors?

    /// Compiles `source`.
    init(_ source: String, caseSensitive: Bool = false) {
        self.init(source, caseSensitive: caseSensitive, keywords: nil)
    }

    /// Compiles `source`, every match of which contains a match of one of `keywords`: each top-level branch of the
    /// source has their alternation as a part that is not optional. The keywords' anchors then pass over texts
    /// without them (the coach's tests compare such patterns with their plain expressions).
    init(_ source: String, caseSensitive: Bool = false, requiring keywords: CoachKeywords) {
        self.init(source, caseSensitive: caseSensitive, keywords: nil, required: keywords.all)
    }

    /// Compiles an alternation of keyword fragments in all four languages.
    ///
    /// Each fragment is a regular expression; a fragment that starts or ends with an ASCII letter or digit
    /// is bounded there by an ASCII word boundary, so `cause` does not match inside `because`.
    init(keywords: CoachKeywords, caseSensitive: Bool = false) {
        self.init(CoachPattern.alternation(keywords.all), caseSensitive: caseSensitive, keywords: keywords.all)
    }

    private init(_ source: String, caseSensitive: Bool, keywords: [String]?, required: [String]? = nil) {
        self.source = source
        var options: NSRegularExpression.Options = [.anchorsMatchLines]
        if !caseSensitive {
            options.insert(.caseInsensitive)
        }
        self.regex = try? NSRegularExpression(pattern: source, options: options)
        self.keywordSearch = keywords.flatMap { CoachKeywordSearch(fragments: $0, options: options) }
        self.anchors = keywordSearch?.anchors ?? required.flatMap { CoachAnchors(fragments: $0) }
    }

    /// Whether the regular expression may match `text`: false when the text holds none of the anchors.
    private func mayMatch(_ text: String) -> Bool {
        anchors?.mayMatch(text) ?? true
    }

    /// A lookbehind that holds where no ASCII letter, digit or underscore precedes.
    ///
    /// Used instead of `\b`, which treats kana, hangul and hanzi as word characters: `\bDB` fails in `RDSのDB`.
    static let asciiStart = "(?<![A-Za-z0-9_])"
    /// A lookahead that holds where no ASCII letter, digit or underscore follows.
    static let asciiEnd = "(?![A-Za-z0-9_])"

    /// Joins fragments into one non-capturing alternation, bounding ASCII word edges.
    ///
    /// The fragments that start with an ASCII word character share one leading lookbehind, so that inside a word the
    /// whole group fails at once instead of trying each fragment: this keeps long inputs fast.
    static func alternation(_ fragments: [String]) -> String {
        var asciiLed: [String] = []
        var others: [String] = []
        for fragment in fragments {
            var result = fragment
            if let last = lastLiteral(of: fragment), isASCIIWord(last) {
                result += asciiEnd
            }
            if let first = firstLiteral(of: fragment), isASCIIWord(first) {
                asciiLed.append(result)
            } else {
                others.append(result)
            }
        }
        var branches = others.isEmpty ? [] : ["(?-i:" + others.joined(separator: "|") + ")"]
        if !asciiLed.isEmpty {
            branches.insert(asciiStart + "(?:" + asciiLed.joined(separator: "|") + ")", at: 0)
        }
        return "(?:" + branches.joined(separator: "|") + ")"
    }

    /// The first character a fragment can match, skipping opening groups: `(?:Instance)?Limit` gives `I`.
    private static func firstLiteral(of fragment: String) -> Unicode.Scalar? {
        var scalars = Substring(fragment).unicodeScalars[...]
        while true {
            if scalars.starts(with: "(?:".unicodeScalars) {
                scalars = scalars.dropFirst(3)
            } else if scalars.first == "(" && scalars.dropFirst().first != "?" {
                scalars = scalars.dropFirst()
            } else {
                return scalars.first
            }
        }
    }

    /// The last character a fragment can match, skipping closing groups and quantifiers: `fail(?:s|ed)?` gives `d`.
    private static func lastLiteral(of fragment: String) -> Unicode.Scalar? {
        fragment.unicodeScalars.reversed().first { !")?*+".unicodeScalars.contains($0) }
    }

    private static func isASCIIWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "_")
    }

    /// Whether the pattern occurs in `text`.
    func matches(_ text: String) -> Bool {
        guard let regex, !text.isEmpty else { return false }
        if let answer = keywordSearch?.matches(text) { return answer }
        guard mayMatch(text) else { return false }
        return regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)) != nil
    }

    /// How many times the pattern occurs in `text`.
    func count(in text: String) -> Int {
        guard let regex, !text.isEmpty, mayMatch(text) else { return 0 }
        return regex.numberOfMatches(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count))
    }

    /// The whole matched texts, at most `limit`. A keyword pattern answers keyword by keyword
    /// (``CoachKeywordSearch/matchedTexts(in:limit:)``): its texts may overlap and come in the order they occur.
    func matchedTexts(in text: String, limit: Int = 1_000) -> [String] {
        guard let regex, !text.isEmpty, mayMatch(text) else { return [] }
        if let found = keywordSearch?.matchedTexts(in: text, limit: limit) {
            return found
        }
        let source = text as NSString
        var results: [String] = []
        regex.enumerateMatches(in: text, options: [], range: NSRange(location: 0, length: source.length)) { match, _, stop in
            guard let match else { return }
            let range = match.range
            if range.location != NSNotFound {
                results.append(source.substring(with: range))
            }
            if results.count >= limit {
                stop.pointee = true
            }
        }
        return results
    }

    /// For each match, the first capture group that took part (or the whole match when none did).
    func capturedTexts(in text: String, limit: Int = 1_000) -> [String] {
        guard let regex, !text.isEmpty, mayMatch(text) else { return [] }
        let source = text as NSString
        var results: [String] = []
        regex.enumerateMatches(in: text, options: [], range: NSRange(location: 0, length: source.length)) { match, _, stop in
            guard let match else { return }
            let groups = (1..<max(match.numberOfRanges, 1)).map { match.range(at: $0) }
            let range = groups.first { $0.location != NSNotFound } ?? match.range
            results.append(source.substring(with: range))
            if results.count >= limit {
                stop.pointee = true
            }
        }
        return results
    }

    /// The range of the first match in `text`, if any.
    func firstRange(in text: String) -> Range<String.Index>? {
        guard let regex, !text.isEmpty, mayMatch(text) else { return nil }
        let match = regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count))
        return match.flatMap { Range($0.range, in: text) }
    }

    /// The first matched text (whole match), if any.
    func firstMatch(in text: String) -> String? {
        matchedTexts(in: text, limit: 1).first
    }

    /// `text` with every match replaced by `replacement`.
    func replacingMatches(in text: String, with replacement: String) -> String {
        guard let regex, !text.isEmpty, mayMatch(text) else { return text }
        let template = NSRegularExpression.escapedTemplate(for: replacement)
        return regex.stringByReplacingMatches(
            in: text, options: [], range: NSRange(location: 0, length: text.utf16.count), withTemplate: template)
    }
}
