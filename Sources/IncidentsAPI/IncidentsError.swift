import AWSProtocol

/// Errors of the ssm-incidents handlers, each with the model's error shape and status.
public struct IncidentsError: Error, Sendable, Equatable {
    private enum Code: Sendable, Equatable {
        case notFound(identifier: String, type: String)
        case conflict(identifier: String, type: String)
        case validation(field: String)
        case quotaExceeded(quotaCode: String)
    }

    private let code: Code
    /// The message sent to the client.
    public let message: String

    /// A resource that does not exist (or is not visible to the caller).
    public static func notFound(_ identifier: String, type: String) -> IncidentsError {
        IncidentsError(code: .notFound(identifier: identifier, type: type), message: "\(type) \(identifier) not found")
    }

    /// A change that clashes with existing state.
    public static func conflict(_ identifier: String, type: String, _ message: String) -> IncidentsError {
        IncidentsError(code: .conflict(identifier: identifier, type: type), message: message)
    }

    /// A semantically invalid member, beyond the model's constraints.
    public static func invalid(_ field: String, _ message: String) -> IncidentsError {
        IncidentsError(code: .validation(field: field), message: message)
    }

    /// A limit of the service.
    public static func quotaExceeded(_ quotaCode: String, _ message: String) -> IncidentsError {
        IncidentsError(code: .quotaExceeded(quotaCode: quotaCode), message: message)
    }

}

extension IncidentsError: AWSErrorConvertible {
    /// The error in the ssm-incidents model's shapes.
    public var awsError: AWSError {
        switch code {
        case .notFound(let identifier, let type):
            return AWSError(
                code: "ResourceNotFoundException",
                message: message,
                status: 404,
                fields: ["resourceIdentifier": .string(identifier), "resourceType": .string(type)]
            )
        case .conflict(let identifier, let type):
            var fields: [String: AWSJSONValue] = [:]
            if !identifier.isEmpty { fields["resourceIdentifier"] = .string(identifier) }
            if !type.isEmpty { fields["resourceType"] = .string(type) }
            return AWSError(code: "ConflictException", message: message, status: 409, fields: fields)
        case .validation(let field):
            return AWSValidationError(field: field, constraint: message).awsError
        case .quotaExceeded(let quotaCode):
            return AWSError(
                code: "ServiceQuotaExceededException",
                message: message,
                status: 402,
                fields: ["quotaCode": .string(quotaCode), "serviceCode": .string("ssm-incidents")]
            )
        }
    }
}
