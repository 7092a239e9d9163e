import AWSProtocol

/// Errors of the support desk, each with its wire error: the AWS Support model's errors for the `support` API, and
/// the `Hikeshi` model's for the desk.
public struct SupportError: Error, Sendable, Equatable {
    enum Code: Sendable, Equatable {
        case support(String)
        case subscriptionRequired
        case validation(field: String)
        case notFound
        case conflict
        case accessDenied
    }

    let code: Code
    /// The message sent to the client.
    public let message: String

    /// `CaseIdNotFound`: no such case in the caller's account.
    public static func caseNotFound(_ caseID: String) -> SupportError {
        SupportError(code: .support("CaseIdNotFound"), message: "Case \(caseID) was not found")
    }

    /// `AttachmentSetIdNotFound`.
    public static func attachmentSetNotFound(_ id: String) -> SupportError {
        SupportError(code: .support("AttachmentSetIdNotFound"), message: "Attachment set \(id) was not found")
    }

    /// `AttachmentSetExpired`: the set's hour is over.
    public static func attachmentSetExpired(_ id: String) -> SupportError {
        SupportError(code: .support("AttachmentSetExpired"), message: "Attachment set \(id) expired an hour after it was created")
    }

    /// `AttachmentSetSizeLimitExceeded`: more than three attachments, or one over 5 MB.
    public static func attachmentSetSizeLimitExceeded(_ message: String) -> SupportError {
        SupportError(code: .support("AttachmentSetSizeLimitExceeded"), message: message)
    }

    /// `AttachmentLimitExceeded`: too many attachment sets in a short time.
    public static func attachmentLimitExceeded(_ message: String) -> SupportError {
        SupportError(code: .support("AttachmentLimitExceeded"), message: message)
    }

    /// `AttachmentIdNotFound`.
    public static func attachmentNotFound(_ id: String) -> SupportError {
        SupportError(code: .support("AttachmentIdNotFound"), message: "Attachment \(id) was not found")
    }

    /// `CaseCreationLimitExceeded`.
    public static func caseCreationLimitExceeded(_ message: String) -> SupportError {
        SupportError(code: .support("CaseCreationLimitExceeded"), message: message)
    }

    /// `SubscriptionRequiredException`: the account's plan does not include what was asked (technical cases on Basic).
    public static func subscriptionRequired(_ message: String) -> SupportError {
        SupportError(code: .subscriptionRequired, message: message)
    }

    /// `ValidationException` naming the member.
    public static func invalid(_ field: String, _ message: String) -> SupportError {
        SupportError(code: .validation(field: field), message: message)
    }

    /// `ResourceNotFoundException` (desk API).
    public static func notFound(_ message: String) -> SupportError {
        SupportError(code: .notFound, message: message)
    }

    /// `ConflictException` (desk API).
    public static func conflict(_ message: String) -> SupportError {
        SupportError(code: .conflict, message: message)
    }

    /// `AccessDeniedException`: a desk operation called by a customer account, or a case of another account.
    public static func accessDenied(_ message: String) -> SupportError {
        SupportError(code: .accessDenied, message: message)
    }

}

extension SupportError: CustomStringConvertible {
    /// The message.
    public var description: String { message }
}

extension SupportError: AWSErrorConvertible {
    /// The error on the wire.
    public var awsError: AWSError {
        switch code {
        case .support(let name):
            return AWSError(code: name, message: message, status: 400)
        case .subscriptionRequired:
            return AWSError(code: "SubscriptionRequiredException", message: message, status: 400)
        case .validation(let field):
            return AWSValidationError(field: field, constraint: message).awsError
        case .notFound:
            return AWSError(code: "ResourceNotFoundException", message: message, status: 404)
        case .conflict:
            return AWSError(code: "ConflictException", message: message, status: 409)
        case .accessDenied:
            return AWSError(code: "AccessDeniedException", message: message, status: 403)
        }
    }
}
