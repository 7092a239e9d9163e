import Foundation

/// Answers "does a keyword pattern occur in this text", and "where", one keyword at a time: only the keywords whose literal anchor
/// the text holds are searched, each with an expression of its own, and the keywords without an anchor together.
///
/// The same answer as the pattern's one alternation (a text matches an alternation exactly when it matches one of
/// its branches, and each keyword's expression is its branch, word edges and case rules included), for a fraction
/// of the work: ICU tries every branch at every position, and a draft rarely holds more than a few anchors.
struct CoachKeywordSearch: Sendable {
    let anchors: CoachAnchors
    /// For each anchor in ``CoachAnchors/needles``, the expression of its keyword.
    let expressions: [NSRegularExpression]
    /// The keywords without an anchor, as one alternation, or nil when every keyword has one.
    let unanchored: NSRegularExpression?

    /// The search over `fragments`, compiled as `CoachPattern` compiles them; nil when no fragment has an anchor or
    /// one does not compile (the pattern's own expression then answers).
    init?(fragments: [String], options: NSRegularExpression.Options) {
        guard let anchors = CoachAnchors(fragments: fragments) else { return nil }
        var expressions: [NSRegularExpression] = []
        var rest: [String] = []
        for (fragment, anchor) in zip(fragments, anchors.anchorOfFragment) {
            guard anchor != nil else {
                rest.append(fragment)
                continue
            }
            guard let expression = try? NSRegularExpression(pattern: CoachPattern.alternation([fragment]), options: options) else {
                return nil
            }
            expressions.append(expression)
        }
        if rest.isEmpty {
            unanchored = nil
        } else {
            guard let expression = try? NSRegularExpression(pattern: CoachPattern.alternation(rest), options: options) else { return nil }
            unanchored = expression
        }
        self.anchors = anchors
        self.expressions = expressions
    }

    /// Texts the keywords match in `text`, at most `limit`, in the order they occur; nil when the anchors cannot tell
    /// (as for ``matches(_:)``). Only the keywords whose anchor the text holds are searched, and the search stops after
    /// `4 × limit` matches, so the earliest may be missed when many keywords match: this is for evidence, not counting.
    func matchedTexts(in text: String, limit: Int) -> [String]? {
        guard let present = anchors.present(in: text) else { return nil }
        let source = text as NSString
        let range = NSRange(location: 0, length: source.length)
        var found: [NSRange] = []
        for expression in present.map({ expressions[$0] }) + (unanchored.map { [$0] } ?? []) {
            expression.enumerateMatches(in: text, options: [], range: range) { match, _, stop in
                guard let match, match.range.location != NSNotFound else { return }
                found.append(match.range)
                if found.count >= limit * 4 { stop.pointee = true }
            }
        }
        return found.sorted { $0.location < $1.location }.prefix(limit).map { source.substring(with: $0) }
    }

    /// Whether some keyword occurs in `text`; nil when the anchors cannot tell (the text folds into ASCII only under
    /// full case folding), for the caller to search with the whole pattern.
    func matches(_ text: String) -> Bool? {
        guard let present = anchors.present(in: text) else { return nil }
        let range = NSRange(location: 0, length: text.utf16.count)
        for index in present where expressions[index].firstMatch(in: text, options: [], range: range) != nil {
            return true
        }
        return unanchored.map { $0.firstMatch(in: text, options: [], range: range) != nil } ?? false
    }
}
