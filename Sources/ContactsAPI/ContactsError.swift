import AWSProtocol
import HikeshiCore

/// Errors of the ssm-contacts handlers, each with the model's error shape.
public struct ContactsError: Error, Sendable, Equatable {
    private enum Code: Sendable, Equatable {
        case notFound(resourceID: String, resourceType: String)
        case conflict(resourceID: String, resourceType: String, dependents: [String])
        case validation(field: String)
        case quotaExceeded(quotaCode: String)
    }

    private let code: Code
    private let message: String

    /// A resource that does not exist in the caller's account.
    public static func notFound(_ resourceID: String, type: String) -> ContactsError {
        ContactsError(code: .notFound(resourceID: resourceID, resourceType: type), message: "\(type) \(resourceID) not found")
    }

    /// A change that clashes with existing state.
    public static func conflict(_ resourceID: String, type: String, message: String, dependents: [String] = []) -> ContactsError {
        ContactsError(code: .conflict(resourceID: resourceID, resourceType: type, dependents: dependents), message: message)
    }

    /// A semantically invalid member, beyond what the model's constraints check.
    public static func invalid(_ field: String, _ message: String) -> ContactsError {
        ContactsError(code: .validation(field: field), message: message)
    }

    /// A limit of the service.
    public static func quotaExceeded(_ quotaCode: String, _ message: String) -> ContactsError {
        ContactsError(code: .quotaExceeded(quotaCode: quotaCode), message: message)
    }

}

extension ContactsError: AWSErrorConvertible {
    /// The error in the ssm-contacts model's shapes.
    public var awsError: AWSError {
        switch code {
        case .notFound(let resourceID, let resourceType):
            return AWSError(
                code: "ResourceNotFoundException",
                message: message,
                status: 400,
                fields: ["ResourceId": .string(resourceID), "ResourceType": .string(resourceType)]
            )
        case .conflict(let resourceID, let resourceType, let dependents):
            var fields: [String: AWSJSONValue] = ["ResourceId": .string(resourceID), "ResourceType": .string(resourceType)]
            if !dependents.isEmpty {
                fields["DependentEntities"] = .array([
                    .object(["RelationType": .string("USED_BY"), "DependentResourceIds": .array(dependents.map(AWSJSONValue.string))])
                ])
            }
            return AWSError(code: "ConflictException", message: message, status: 400, fields: fields)
        case .validation(let field):
            return AWSValidationError(field: field, constraint: message).awsError
        case .quotaExceeded(let quotaCode):
            return AWSError(
                code: "ServiceQuotaExceededException",
                message: message,
                status: 400,
                fields: ["QuotaCode": .string(quotaCode), "ServiceCode": .string("ssm-contacts")]
            )
        }
    }
}
