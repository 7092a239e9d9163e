/// Why a payload, signature or chat request was refused. Every parser and verifier in this module throws only this.
public enum AlertingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The body is larger than the parser reads.
    case payloadTooLarge(size: Int, limit: Int)
    /// The body is not JSON, or not the JSON shape expected (e.g. not an object).
    case malformedPayload(String)
    /// A required field is absent, `null` or empty; the associated value is its path, e.g. `detail.alarmName`.
    case missingField(String)
    /// A field has the wrong type or a value outside what is allowed.
    case invalidField(String, reason: String)
    /// The payload declares a version this module does not read.
    case unsupportedVersion(String)
    /// An SNS message `Type` other than `Notification`, `SubscriptionConfirmation` and `UnsubscribeConfirmation`,
    /// or a message of the wrong type for the operation.
    case unsupportedMessageType(String)
    /// An SNS `SignatureVersion` other than `1` and `2`.
    case unsupportedSignatureVersion(String)
    /// The certificate cannot be read, or does not hold an RSA public key.
    case invalidCertificate(String)
    /// The signature does not verify.
    case invalidSignature(String)
    /// A chat command or interaction that cannot be understood; the associated value says why and how to use it.
    case invalidChatCommand(String)

    /// A sentence saying what was wrong.
    public var description: String {
        switch self {
        case .payloadTooLarge(let size, let limit):
            "The payload is \(size) bytes, more than the \(limit) bytes accepted."
        case .malformedPayload(let reason):
            "The payload is malformed: \(reason)"
        case .missingField(let path):
            "The payload has no value for the required field '\(path)'."
        case .invalidField(let path, let reason):
            "The field '\(path)' is invalid: \(reason)"
        case .unsupportedVersion(let version):
            "The payload version '\(version)' is not supported."
        case .unsupportedMessageType(let type):
            "The message type '\(type)' is not supported here."
        case .unsupportedSignatureVersion(let version):
            "The signature version '\(version)' is not supported (expected 1 or 2)."
        case .invalidCertificate(let reason):
            "The signing certificate is unusable: \(reason)"
        case .invalidSignature(let reason):
            "The signature is invalid: \(reason)"
        case .invalidChatCommand(let reason):
            reason
        }
    }
}
