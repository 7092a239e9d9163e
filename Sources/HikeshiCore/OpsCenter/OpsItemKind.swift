/// What an OpsItem is for (the model's `OpsItemType`); the raw value is the stored and the wire form.
///
/// Hikeshi keeps issues and insights. Change requests (`/aws/changerequest`) belong to Change Manager, which AWS has
/// closed to new customers, so they are refused rather than kept without the workflow that gives them meaning.
public enum OpsItemKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// An operational issue: the default, and what incidents create as their parent.
    case issue = "/aws/issue"
    /// An aggregate of duplicate OpsItems.
    case insight = "/aws/insight"
}
