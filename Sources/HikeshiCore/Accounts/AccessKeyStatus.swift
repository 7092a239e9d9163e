/// Whether an access key signs requests. Stored as IAM writes it (`Active`, `Inactive`).
public enum AccessKeyStatus: String, Sendable, CaseIterable, Codable {
    /// The key signs requests.
    case active = "Active"
    /// The key is kept but refused.
    case inactive = "Inactive"
}
