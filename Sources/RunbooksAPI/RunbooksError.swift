import AWSProtocol
import HikeshiCore

/// Errors of the ssm handlers, each with the `ssm` model's error shape (all 400: the model's only 500 is
/// `InternalServerError`, which storage failures become through the shared translation).
public struct RunbooksError: Error, Sendable, Equatable {
    private let code: String
    /// The message sent to the client.
    public let message: String

    private init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// No such document (or version) in the caller's account.
    public static func invalidDocument(_ name: String) -> RunbooksError {
        // moto's wording, which its tests (and so clients written against it) compare exactly.
        RunbooksError(code: "InvalidDocument", message: "The specified document does not exist.")
    }

    /// The version named does not exist, or cannot be used here.
    public static func invalidVersion(_ message: String) -> RunbooksError {
        RunbooksError(code: "InvalidDocumentVersion", message: message)
    }

    /// A document with the name exists.
    public static func alreadyExists(_ name: String) -> RunbooksError {
        RunbooksError(code: "DocumentAlreadyExists", message: "The specified document already exists.")
    }

    /// The content broke a rule (the message names the step or field).
    public static func invalidContent(_ message: String) -> RunbooksError {
        RunbooksError(code: "InvalidDocumentContent", message: message)
    }

    /// The content's schema version does not suit its kind.
    public static func invalidSchemaVersion(_ message: String) -> RunbooksError {
        RunbooksError(code: "InvalidDocumentSchemaVersion", message: message)
    }

    /// The content is over the size limit.
    public static func tooLarge(_ limit: Int) -> RunbooksError {
        RunbooksError(code: "MaxDocumentSizeExceeded", message: "The content is larger than \(limit / 1024) KB")
    }

    /// The operation is not allowed on this document or version.
    public static func invalidOperation(_ message: String) -> RunbooksError {
        RunbooksError(code: "InvalidDocumentOperation", message: message)
    }

    /// New content identical to the latest version's.
    static func duplicateContent(_ name: String) -> RunbooksError {
        RunbooksError(code: "DuplicateDocumentContent", message: "The content is the same as the latest version of \(name)")
    }

    /// A version name the document has already.
    static func duplicateVersionName(_ versionName: String) -> RunbooksError {
        RunbooksError(code: "DuplicateDocumentVersionName", message: "The version name \(versionName) is already used by a version of this document")
    }

    /// The document has as many versions as it may.
    static func versionLimit(_ limit: Int) -> RunbooksError {
        RunbooksError(code: "DocumentVersionLimitExceeded", message: "A document keeps at most \(limit) versions; delete old versions first")
    }

    /// A `NextToken` this server did not hand out for this list.
    static let invalidNextToken = RunbooksError(code: "InvalidNextToken", message: "The specified token is not valid")

    /// A list filter key Hikeshi does not know.
    public static func invalidFilterKey(_ key: String) -> RunbooksError {
        RunbooksError(code: "InvalidFilterKey", message: "The filter key \(key) is not valid")
    }

    /// `all` and account ids in one permission change.
    static let permissionLimit = RunbooksError(code: "DocumentPermissionLimit", message: "Accounts can either be all or a group of AWS accounts")

    /// A permission type other than `Share` (the message is the validation's).
    static func invalidPermissionType(_ message: String) -> RunbooksError {
        RunbooksError(code: "InvalidPermissionType", message: message)
    }

    /// A resource type that is not one of the model's.
    static func invalidResourceType(_ message: String) -> RunbooksError {
        RunbooksError(code: "InvalidResourceType", message: message)
    }

    /// A resource that does not exist, or that this server does not keep or let the caller tag.
    static func invalidResourceId(_ message: String) -> RunbooksError {
        RunbooksError(code: "InvalidResourceId", message: message)
    }

    /// More tags than a resource holds.
    static func tooManyTags(_ limit: Int) -> RunbooksError {
        RunbooksError(code: "TooManyTagsError", message: "A resource holds at most \(limit) tags")
    }

    /// No runbook by that name for the caller (StartAutomationExecution).
    static func automationDefinitionNotFound(_ name: String) -> RunbooksError {
        RunbooksError(
            code: "AutomationDefinitionNotFoundException", message: "Automation definition \(name) does not exist or is not an Automation document")
    }

    /// The runbook has no such version.
    static func automationDefinitionVersionNotFound(_ message: String) -> RunbooksError {
        RunbooksError(code: "AutomationDefinitionVersionNotFoundException", message: message)
    }

    /// Parameters the runbook refuses, or start options Hikeshi does not run.
    static func invalidExecutionParameters(_ message: String) -> RunbooksError {
        RunbooksError(code: "InvalidAutomationExecutionParametersException", message: message)
    }

    /// A client token reused for a different start.
    static func idempotentMismatch(_ token: String) -> RunbooksError {
        RunbooksError(code: "IdempotentParameterMismatch", message: "Client token \(token) was used to start a different execution")
    }

    /// Targets, which Hikeshi's runbooks do not fan out over.
    static func invalidTarget(_ message: String) -> RunbooksError {
        RunbooksError(code: "InvalidTarget", message: message)
    }

    /// No execution with that id for the caller.
    static func executionNotFound(_ id: String) -> RunbooksError {
        RunbooksError(code: "AutomationExecutionNotFoundException", message: "Automation execution \(id) does not exist")
    }

    /// A signal names a step the execution does not have.
    static func stepNotFound(_ message: String) -> RunbooksError {
        RunbooksError(code: "AutomationStepNotFoundException", message: message)
    }

    /// A signal that does not fit the execution's state.
    static func invalidSignal(_ message: String) -> RunbooksError {
        RunbooksError(code: "InvalidAutomationSignalException", message: message)
    }

    /// A stop of an execution that has ended.
    static func invalidStatusUpdate(_ message: String) -> RunbooksError {
        RunbooksError(code: "InvalidAutomationStatusUpdateException", message: message)
    }

    /// A filter value that is not valid for its key.
    static func invalidFilterValue(_ message: String) -> RunbooksError {
        RunbooksError(code: "InvalidFilterValue", message: message)
    }

    /// The engine's signal errors, in the model's names.
    init(_ error: AutomationSignalError) {
        switch error {
        case .stepNotFound(let message): self = .stepNotFound(message)
        case .invalidSignal(let message): self = .invalidSignal(message)
        case .invalidStatusUpdate(let message): self = .invalidStatusUpdate(message)
        }
    }

    /// The content rules' error, in the model's words.
    init(_ error: DocumentContentError) {
        switch error.kind {
        case .invalidContent: self = .invalidContent(error.message)
        case .invalidSchemaVersion: self = .invalidSchemaVersion(error.message)
        }
    }
}

extension RunbooksError: AWSErrorConvertible {
    /// The error in the `ssm` model's shapes.
    public var awsError: AWSError {
        AWSError(code: code, message: message, status: 400)
    }
}
