import Foundation

/// One piece of advice about a draft case.
public struct CoachFinding: Sendable, Codable, Hashable {
    /// The stable code, e.g. `no-region`, `sensitive-data`, `not-answerable.fix-date`; see ``CoachCheck``.
    public var code: String
    /// The kind of advice.
    public var kind: CoachFindingKind
    /// The advice, in the report's language.
    public var message: String
    /// A machine-readable detail: the kind of secret for `sensitive-data`, the word for `urgent-in-subject`,
    /// the question count for `several-questions`, the signal for `known-answer.*`. Never the secret itself.
    public var detail: String?
    /// The words of the draft that raised the finding, as written (at most ``maximumEvidence``, each shortened to
    /// ``maximumEvidenceLength`` characters; a secret only by its first characters). Empty for the checks that fire on
    /// what a draft lacks as a whole (`no-question`, `no-goal`); `nil` in findings stored before evidence was kept.
    public var evidence: [String]?

    /// The most words a finding quotes.
    public static let maximumEvidence = 3
    /// The longest quoted words.
    public static let maximumEvidenceLength = 64

    /// Creates a finding.
    public init(code: String, kind: CoachFindingKind, message: String, detail: String? = nil, evidence: [String]? = nil) {
        self.code = code
        self.kind = kind
        self.message = message
        self.detail = detail
        self.evidence = evidence.map(Self.bounded)
    }

    /// Creates the finding of a check, with its message in `language`.
    public init(_ check: CoachCheck, language: SupportLanguage, detail: String? = nil, evidence: [String] = []) {
        self.init(
            code: check.code, kind: check.kind, message: CoachMessages.message(for: check, in: language), detail: detail, evidence: evidence)
    }

    /// `words` without repeats, at most ``maximumEvidence`` of them, each at most ``maximumEvidenceLength`` characters.
    static func bounded(_ words: [String]) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for word in words {
            let trimmed = String(word.trimmingCharacters(in: .whitespacesAndNewlines).prefix(maximumEvidenceLength))
            guard !trimmed.isEmpty, seen.insert(trimmed).inserted else { continue }
            result.append(trimmed)
            if result.count == maximumEvidence { break }
        }
        return result
    }

    /// The check this finding comes from; `nil` for a code this version does not know.
    public var check: CoachCheck? { CoachCheck(rawValue: code) }
}
