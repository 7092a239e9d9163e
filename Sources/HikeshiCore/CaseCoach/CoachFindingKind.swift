/// What sort of advice a finding is.
public enum CoachFindingKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// Something the support engineer will need is missing: they would have to ask for it first.
    case missingInformation = "missing-information"
    /// The draft contains a secret or personal data that should be removed or masked before filing.
    case mask
    /// The draft asks for something AWS Support does not answer.
    case notAnswerable = "not-answerable"
    /// The draft describes a situation whose answer is already known: it may not need a case at all.
    case knownAnswer = "known-answer"
    /// The draft could be shaped better: one question per case, severity set in the severity field.
    case style
}
