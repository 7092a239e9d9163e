import AWSProtocol
import HikeshiCore

/// Errors of the OpsCenter handlers, each with the `ssm` model's error shape and its members (all 400: storage
/// failures become the model's `InternalServerError` through the shared translation).
public struct OpsCenterError: Error, Sendable, Equatable {
    private let code: String
    /// The message sent to the client.
    public let message: String
    private let fields: [String: AWSJSONValue]

    private init(code: String, message: String, fields: [String: AWSJSONValue] = [:]) {
        self.code = code
        self.message = message
        self.fields = fields
    }

    /// No OpsItem with the id in the caller's account and region.
    public static func notFound(_ id: String) -> OpsCenterError {
        OpsCenterError(code: "OpsItemNotFoundException", message: "OpsItem with id \(id) does not exist")
    }

    /// A parameter broke a rule; `names` are the request members at fault.
    public static func invalidParameter(_ names: [String], _ message: String) -> OpsCenterError {
        OpsCenterError(
            code: "OpsItemInvalidParameterException", message: message, fields: ["ParameterNames": .array(names.map { .string($0) })])
    }

    /// An OpsCenter rule of the core, in the model's words.
    init(_ error: OpsItemRuleError) {
        self = .invalidParameter(error.parameterNames, error.message)
    }

    /// An open or in-progress OpsItem has the same dedup string.
    public static func alreadyExists(_ id: String) -> OpsCenterError {
        OpsCenterError(
            code: "OpsItemAlreadyExistsException", message: "The open OpsItem \(id) has the same dedup string", fields: ["OpsItemId": .string(id)])
    }

    /// The OpsItem has the resource as a related item already.
    public static func relatedItemExists(_ resourceUri: String, opsItemID: String) -> OpsCenterError {
        OpsCenterError(
            code: "OpsItemRelatedItemAlreadyExistsException", message: "The resource \(resourceUri) is already related to OpsItem \(opsItemID)",
            fields: ["ResourceUri": .string(resourceUri), "OpsItemId": .string(opsItemID)])
    }

    /// No association with the id on the OpsItem.
    public static func associationNotFound(_ id: String) -> OpsCenterError {
        OpsCenterError(code: "OpsItemRelatedItemAssociationNotFoundException", message: "The association \(id) does not exist on this OpsItem")
    }

    /// A call for another account (Hikeshi keeps every account's OpsItems to itself).
    public static func accessDenied(_ message: String) -> OpsCenterError {
        OpsCenterError(code: "OpsItemAccessDeniedException", message: message)
    }
}

extension OpsCenterError: AWSErrorConvertible {
    /// The error in the `ssm` model's shapes.
    public var awsError: AWSError {
        AWSError(code: code, message: message, status: 400, fields: fields)
    }
}
