/// The case-quality coach: reads a draft support case and says what to add, mask, split or drop before filing,
/// after AWS's guidelines for technical support cases.
///
/// The coach is pure and stateless: its patterns are compiled once and shared, so one value can serve any number
/// of concurrent reviews. Every draft is scanned with the keywords of all four support languages (English, Japanese,
/// Korean, Chinese); the advice is written in the draft's language, or in English for any other language code.
public struct CaseCoach: Sendable {
    /// How much each kind of finding takes off the score of 100.
    public static let scorePenalties: [CoachFindingKind: Int] = [
        .mask: 25, .notAnswerable: 15, .missingInformation: 10, .style: 5, .knownAnswer: 0,
    ]

    /// Creates a coach.
    public init() {}

    /// Reviews `draft`: findings in report order (see ``CoachCheck``) and a score from 0 to 100.
    public func review(_ draft: CaseDraft) -> CoachReport {
        let language = SupportLanguage(resolving: draft.language)
        let text = CoachText(draft)
        let sensitive = sensitiveData(in: text.full)
        var findings = sensitiveDataFindings(sensitive, language: language)
        findings += notAnswerableFindings(in: text, language: language)
        findings += knownAnswerFindings(in: text, language: language)
        findings += missingInformationFindings(in: text, draft: draft, language: language)
        findings += styleFindings(in: text, language: language)
        if !sensitive.isEmpty {
            // Other findings' evidence and details quote the draft: a secret in them shows only its first characters.
            let secrets = sensitive.flatMap(\.texts).sorted { $0.count > $1.count }
            for index in findings.indices where findings[index].check != .sensitiveData {
                findings[index].evidence = findings[index].evidence?.map { Self.maskingSecrets(in: $0, secrets) }
                findings[index].detail = findings[index].detail.map { Self.maskingSecrets(in: $0, secrets) }
            }
        }
        let ordered = findings.enumerated()
            .sorted { lhs, rhs in
                let left = Self.rank[lhs.element.code] ?? Int.max
                let right = Self.rank[rhs.element.code] ?? Int.max
                return left == right ? lhs.offset < rhs.offset : left < right
            }
            .map(\.element)
        return CoachReport(findings: ordered, score: Self.score(of: ordered), language: language)
    }

    /// Each check's place in the report (the order of ``CoachCheck``).
    private static let rank = Dictionary(uniqueKeysWithValues: CoachCheck.allCases.enumerated().map { ($0.element.code, $0.offset) })

    /// The score of a list of findings: 100 less each finding's penalty, never below 0.
    public static func score(of findings: [CoachFinding]) -> Int {
        let penalty = findings.reduce(0) { $0 + (scorePenalties[$1.kind] ?? 0) }
        return max(0, 100 - penalty)
    }
}
