/// A kind of secret or personal data the case coach asks to remove or mask; its raw value is the finding detail.
public enum SensitiveDataKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// An AWS access key id (`AKIA…`, `ASIA…`).
    case awsAccessKeyID = "aws-access-key-id"
    /// An AWS secret access key: 40 characters of base64 next to a key id or a "secret" label.
    case awsSecretAccessKey = "aws-secret-access-key"
    /// A password written out after a label such as `password:`.
    case password
    /// A PEM private key block.
    case privateKey = "private-key"
    /// A payment card number (Luhn-valid, 13 to 19 digits, known issuer prefix).
    case creditCardNumber = "credit-card-number"
    /// An email address of a person.
    case emailAddress = "email-address"
    /// A phone number.
    case phoneNumber = "phone-number"

    /// Whether the data is a credential: if it was real, it must be revoked or rotated, not only masked.
    public var isCredential: Bool {
        switch self {
        case .awsAccessKeyID, .awsSecretAccessKey, .password, .privateKey: return true
        case .creditCardNumber, .emailAddress, .phoneNumber: return false
        }
    }
}
