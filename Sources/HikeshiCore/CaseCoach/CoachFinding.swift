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

    /// Creates a finding.
    public init(code: String, kind: CoachFindingKind, message: String, detail: String? = nil) {
        self.code = code
        self.kind = kind
        self.message = message
        self.detail = detail
    }

    /// Creates the finding of a check, with its message in `language`.
    public init(_ check: CoachCheck, language: SupportLanguage, detail: String? = nil) {
        self.init(code: check.code, kind: check.kind, message: CoachMessages.message(for: check, in: language), detail: detail)
    }

    /// The check this finding comes from; `nil` for a code this version does not know.
    public var check: CoachCheck? { CoachCheck(rawValue: code) }
}
