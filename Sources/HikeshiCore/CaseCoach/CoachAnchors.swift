/// Literal runs that every match of a keyword pattern contains: one per fragment, so that a text holding none of them
/// cannot match, and the regular expression need not run.
///
/// ICU tries each alternative at each position of the text; a pattern of forty keywords costs about 30 µs on a
/// two-line draft, and the coach runs dozens. Looking for a few literal byte strings first costs a few microseconds.
///
/// Sound by construction: a fragment's anchor is a run of characters that every match of the fragment contains
/// (no optional or repeated character, class or group inside it); a fragment with no such run gives the pattern no
/// anchors at all. The comparison folds ASCII letters, which is all the case-insensitive matching can fold onto an
/// anchor — an anchor holds ASCII, or characters without case (kana, hangul, hanzi) — except a few letters that
/// fold into ASCII only under full case folding (`ß` to `ss`, `ſ` to `s`, the Kelvin sign, ligatures): a text with
/// one of those skips the pre-check.
struct CoachAnchors: Sendable {
    /// The anchors in UTF-8, ASCII letters lowercased, of the fragments that have one, in order.
    let needles: [[UInt8]]
    /// For each fragment in order, the index of its anchor in ``needles``, or nil when it has none.
    let anchorOfFragment: [Int?]

    /// The anchors of `fragments`; nil when none has one.
    init?(fragments: [String]) {
        var needles: [[UInt8]] = []
        var anchorOfFragment: [Int?] = []
        for fragment in fragments {
            if let anchor = Self.anchor(of: fragment) {
                anchorOfFragment.append(needles.count)
                needles.append(Array(anchor.utf8).map(Self.foldASCII))
            } else {
                anchorOfFragment.append(nil)
            }
        }
        guard !needles.isEmpty else { return nil }
        self.needles = needles
        self.anchorOfFragment = anchorOfFragment
    }

    /// Whether every fragment has an anchor (only then can a text without anchors be passed over).
    var coversEveryFragment: Bool { !anchorOfFragment.contains(nil) }

    /// Whether `text` may match: false only when every fragment has an anchor and the text holds none of them.
    func mayMatch(_ text: String) -> Bool {
        guard coversEveryFragment else { return true }
        return present(in: text).map { !$0.isEmpty } ?? true
    }

    /// The indices (in ``needles``) of the anchors `text` holds, or nil when the text has a letter that folds into
    /// ASCII only under full case folding (then any fragment may match).
    func present(in text: String) -> [Int]? {
        var text = text
        return text.withUTF8 { bytes -> [Int]? in
            var folded = [UInt8](repeating: 0, count: bytes.count)
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= 0x80 && Self.foldsIntoASCII(bytes, at: index) { return nil }
                folded[index] = Self.foldASCII(byte)
            }
            return needles.indices.filter { Self.contains(folded, needles[$0]) }
        }
    }

    private static func foldASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// The letters whose full case folding holds ASCII letters: ß (C3 9F), İ (C4 B0), ŉ (C5 89), ſ (C5 BF), ǰ (C7 B0),
    /// ẖ ẗ ẘ ẙ ẚ (E1 BA 96–9A), ẞ (E1 BA 9E), the Kelvin sign (E2 84 AA) and the ligatures U+FB00–FB06 (EF AC 80–86).
    private static func foldsIntoASCII(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        func byte(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        switch bytes[index] {
        case 0xC3: return byte(1) == 0x9F
        case 0xC4: return byte(1) == 0xB0
        case 0xC5: return byte(1) == 0xBF || byte(1) == 0x89
        case 0xC7: return byte(1) == 0xB0
        case 0xE1: return byte(1) == 0xBA && (byte(2).map { (0x96...0x9A).contains($0) || $0 == 0x9E } ?? false)
        case 0xE2: return byte(1) == 0x84 && byte(2) == 0xAA
        case 0xEF: return byte(1) == 0xAC && (byte(2).map { $0 >= 0x80 && $0 <= 0x86 } ?? false)
        default: return false
        }
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// The longest run of literal characters that every match of `fragment` contains, or nil when there is none
    /// (or the fragment is written in a way this reader does not follow, such as a top-level `|`).
    static func anchor(of fragment: String) -> String? {
        let scalars = Array(fragment.unicodeScalars)
        var runs: [[Unicode.Scalar]] = []
        var run: [Unicode.Scalar] = []
        func endRun() {
            if !run.isEmpty { runs.append(run) }
            run = []
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "|":
                return nil
            case "(":
                endRun()
                // Inline flags, `(?i)` or `(?x:…)`, change how the rest reads: not followed here.
                if index + 2 < scalars.count, scalars[index + 1] == "?", scalars[index + 2] == "-" || scalars[index + 2].properties.isAlphabetic {
                    return nil
                }
                guard let close = closingParenthesis(scalars, from: index) else { return nil }
                index = skipQuantifier(scalars, from: close + 1)
                continue
            case "[":
                endRun()
                guard let close = closingBracket(scalars, from: index) else { return nil }
                index = skipQuantifier(scalars, from: close + 1)
                continue
            case "?", "*", "{":
                // The previous character may be absent.
                if !run.isEmpty { run.removeLast() }
                endRun()
                index = skipQuantifier(scalars, from: index)
                continue
            case "+":
                // The previous character occurs, perhaps more than once: it ends the run.
                endRun()
                index += 1
                continue
            case ".", "^", "$":
                endRun()
            case "\\":
                guard index + 1 < scalars.count else { return nil }
                let escaped = scalars[index + 1]
                guard escaped.properties.isAlphabetic || escaped.properties.numericType != nil else {
                    run.append(escaped)
                    index += 2
                    continue
                }
                // \s, \d, \w, \b, \p{…}, \u…, a back-reference: a class, an assertion or a code, not a literal.
                endRun()
                guard let next = endOfEscape(scalars, letter: index + 1) else { return nil }
                index = skipQuantifier(scalars, from: next)
                continue
            default:
                // ASCII, or a letter without case (kana, hangul, hanzi): what the folded text holds unchanged.
                guard scalar.isASCII || (scalar.properties.isAlphabetic && !scalar.properties.changesWhenCaseMapped) else {
                    endRun()
                    index += 1
                    continue
                }
                run.append(scalar)
            }
            index += 1
        }
        endRun()
        guard let longest = runs.max(by: { $0.count < $1.count }) else { return nil }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: longest)
        return String(text)
    }

    /// The index after the escape whose letter or digit is at `letter`: `\u` takes four hex digits, `\x` two or a
    /// braced code, `\p`, `\P` and `\N` a braced name or one letter, a digit the digits after it; nil for the escapes
    /// this reader does not follow (`\Q…\E`, `\k<…>`).
    private static func endOfEscape(_ scalars: [Unicode.Scalar], letter: Int) -> Int? {
        func braced(_ from: Int) -> Int? {
            guard from < scalars.count, scalars[from] == "{" else { return nil }
            var index = from
            while index < scalars.count && scalars[index] != "}" { index += 1 }
            return index < scalars.count ? index + 1 : nil
        }
        let next = letter + 1
        switch scalars[letter] {
        case "u": return min(next + 4, scalars.count)
        case "U": return min(next + 8, scalars.count)
        case "x": return braced(next) ?? min(next + 2, scalars.count)
        case "p", "P", "N": return braced(next) ?? min(next + 1, scalars.count)
        case "c": return min(next + 1, scalars.count)
        // Quoting, and back-references (whose numbers change when a keyword is compiled on its own).
        case "Q", "k", "E", "0"..."9": return nil
        default: return next
        }
    }

    /// The index of the `)` closing the group opened at `open`, minding escapes and classes.
    private static func closingParenthesis(_ scalars: [Unicode.Scalar], from open: Int) -> Int? {
        var depth = 0
        var index = open
        while index < scalars.count {
            switch scalars[index] {
            case "\\": index += 1
            case "[":
                guard let close = closingBracket(scalars, from: index) else { return nil }
                index = close
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The index of the `]` closing the class opened at `open` (a `]` first in the class is a literal).
    private static func closingBracket(_ scalars: [Unicode.Scalar], from open: Int) -> Int? {
        var index = open + 1
        if index < scalars.count && scalars[index] == "^" { index += 1 }
        if index < scalars.count && scalars[index] == "]" { index += 1 }
        while index < scalars.count {
            switch scalars[index] {
            case "\\": index += 1
            case "]": return index
            // A nested or POSIX class (`[a[bc]]`, `[[:alpha:]]`): not followed here.
            case "[": return nil
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The index after a quantifier at `index` (`?`, `*`, `+`, `{m,n}`, each possibly lazy or possessive), or `index`.
    private static func skipQuantifier(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
        guard index < scalars.count else { return index }
        var next = index
        switch scalars[index] {
        case "?", "*", "+": next += 1
        case "{":
            while next < scalars.count && scalars[next] != "}" { next += 1 }
            next += 1
        default: return index
        }
        if next < scalars.count && (scalars[next] == "?" || scalars[next] == "+") { next += 1 }
        return next
    }
}
