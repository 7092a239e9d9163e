import Foundation

/// A draft's text prepared for the checks: compatibility-normalized (full-width `？`, `：` and digits become ASCII),
/// subject and body joined, and a copy without URLs for counting question marks.
///
/// The wording checks read at most ``analysisLimit`` characters of subject and body, eight times what the AWS
/// Support API accepts as a case body (8,000), so that an oversized draft still gets a quick answer; the scan for
/// secrets and personal data reads everything.
struct CoachText: Sendable {
    /// The most characters of subject and body the wording checks read.
    static let analysisLimit = 64_000

    /// The normalized subject, at most ``analysisLimit`` characters.
    let subject: String
    /// The normalized subject and body, on separate lines, at most ``analysisLimit`` characters.
    let all: String
    /// ``all`` with URLs blanked out.
    let prose: String
    /// ``prose`` without the subject's line: a subject names every matter of the body at once.
    var bodyProse: Substring {
        guard !subject.isEmpty, let newline = prose.firstIndex(of: "\n") else { return prose[...] }
        return prose[prose.index(after: newline)...]
    }
    /// The normalized subject and body in full, for the scan for secrets.
    let full: String

    /// Prepares the text of `draft`.
    init(_ draft: CaseDraft) {
        let subject = Self.normalize(draft.subject)
        let body = Self.normalize(draft.body)
        full = subject.isEmpty ? body : subject + "\n" + body
        self.subject = String(subject.prefix(Self.analysisLimit))
        all = String(full.prefix(Self.analysisLimit))
        prose = CoachLexicon.url.replacingMatches(in: all, with: " ")
    }

    /// NFKC-normalizes `text`, keeping circled numbers (`①` to `⑳`) recognizable as list items: `①` becomes `(1)`
    /// rather than a bare `1`.
    static func normalize(_ text: String) -> String {
        let circled: ClosedRange<UInt32> = 0x2460...0x2473
        guard text.unicodeScalars.contains(where: { circled.contains($0.value) }) else {
            return text.precomposedStringWithCompatibilityMapping
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if circled.contains(scalar.value) {
                scalars.append(contentsOf: "(\(scalar.value - circled.lowerBound + 1))".unicodeScalars)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars).precomposedStringWithCompatibilityMapping
    }
}
