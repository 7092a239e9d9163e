/// The advice texts of the case coach in one language.
struct CoachMessageTable: Sendable {
    /// The advice for each check.
    var checks: [CoachCheck: String]
    /// The advice for sensitive data; `{kind}` is replaced by the name of the kind.
    var sensitiveTemplate: String
    /// Added to the sensitive-data advice for credentials.
    var credentialNote: String
    /// The name of each kind of sensitive data, as it reads inside ``sensitiveTemplate``.
    var sensitiveNames: [SensitiveDataKind: String]
}
