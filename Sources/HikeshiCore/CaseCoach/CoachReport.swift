/// What the case coach says about a draft: its findings and a quality score.
public struct CoachReport: Sendable, Codable, Hashable {
    /// The findings, most important first: masking, not answerable, known answers, missing information, style.
    public var findings: [CoachFinding]
    /// A rough quality score from 0 (needs work) to 100 (nothing to add).
    public var score: Int
    /// The language the advice is written in (the draft's language, or English as the fallback).
    public var language: SupportLanguage

    /// Creates a report.
    public init(findings: [CoachFinding], score: Int, language: SupportLanguage) {
        self.findings = findings
        self.score = score
        self.language = language
    }

    /// The finding codes, in report order.
    public var codes: [String] { findings.map(\.code) }

    /// The findings of one kind.
    public func findings(of kind: CoachFindingKind) -> [CoachFinding] {
        findings.filter { $0.kind == kind }
    }

    /// Whether the report has a finding with `code`.
    public func contains(_ code: String) -> Bool {
        findings.contains { $0.code == code }
    }

    /// Whether the report has a finding of `check`.
    public func contains(_ check: CoachCheck) -> Bool {
        contains(check.code)
    }
}
