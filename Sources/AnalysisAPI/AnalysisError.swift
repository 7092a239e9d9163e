import AWSProtocol
import HikeshiCore

/// Errors of the post-incident analysis handlers, in the `hikeshi` model's shapes: `ValidationException` naming the
/// member, `ResourceNotFoundException`, `ConflictException`. Storage failures are not among them: they become the
/// model's errors in the one shared translation.
public struct AnalysisError: Error, Sendable, Equatable {
    private enum Code: Sendable, Equatable {
        case validation(field: String)
        case notFound
        case conflict
    }

    private let code: Code
    /// The message sent to the client.
    public let message: String

    private init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// A member whose value breaks a rule beyond the model's constraints.
    public static func invalid(_ field: String, _ message: String) -> AnalysisError {
        AnalysisError(code: .validation(field: field), message: message)
    }

    /// Something the request names that the caller does not have (an incident, a template, an analysis).
    public static func notFound(_ message: String) -> AnalysisError {
        AnalysisError(code: .notFound, message: message)
    }

    /// A change that clashes with what exists (a second analysis of an incident, a name that is taken).
    public static func conflict(_ message: String) -> AnalysisError {
        AnalysisError(code: .conflict, message: message)
    }

    /// A rule of the core, naming its member, or `field` when the core leaves that to the caller.
    init(_ error: AnalysisRuleError, field: String) {
        self = .invalid(error.field ?? field, error.message)
    }
}

extension AnalysisError: AWSErrorConvertible {
    /// The error in the `hikeshi` model's shapes.
    public var awsError: AWSError {
        switch code {
        case .validation(let field):
            return AWSValidationError(field: field, constraint: message).awsError
        case .notFound:
            return AWSError(code: "ResourceNotFoundException", message: message, status: 404)
        case .conflict:
            return AWSError(code: "ConflictException", message: message, status: 409)
        }
    }
}
