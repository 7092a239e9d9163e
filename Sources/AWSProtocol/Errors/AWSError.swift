/// An error as AWS puts it on the wire: a code (the error shape's name), a message, an HTTP status
/// and the error shape's other members.
///
/// Every module's error type converts to this (``AWSErrorConvertible``) before it reaches HTTP.
public struct AWSError: Error, Sendable, Equatable {
    /// The error shape's name, e.g. `ResourceNotFoundException`; `__type` on the wire.
    public var code: String
    /// A human-readable message.
    public var message: String
    /// The HTTP status code.
    public var status: Int
    /// Further members of the error shape (e.g. `ResourceId`), encoded beside the message.
    public var fields: [String: AWSJSONValue]

    /// Creates an error.
    public init(code: String, message: String, status: Int = 400, fields: [String: AWSJSONValue] = [:]) {
        self.code = code
        self.message = message
        self.status = status
        self.fields = fields
    }
}

extension AWSError {
    /// The request's JSON could not be read, or a member had the wrong type.
    public static func serialization(_ message: String) -> AWSError {
        AWSError(code: "SerializationException", message: message, status: 400)
    }

    /// The operation named by the request does not exist in the service.
    public static func unknownOperation(_ name: String) -> AWSError {
        AWSError(code: "UnknownOperationException", message: "Unknown operation \(name)", status: 400)
    }

    /// The operation exists in the model but this server does not implement it yet.
    public static func notImplemented(_ name: String) -> AWSError {
        AWSError(
            code: "UnknownOperationException",
            message: "The operation \(name) is not implemented by this Hikeshi server",
            status: 400
        )
    }

    /// An unexpected failure; details are logged, never sent.
    public static func internalFailure(requestID: String) -> AWSError {
        AWSError(
            code: "InternalFailure",
            message: "The request processing has failed because of an unknown error (request \(requestID))",
            status: 500
        )
    }
}

/// Errors that know their AWS wire form.
public protocol AWSErrorConvertible: Error {
    /// The error as the client should see it.
    var awsError: AWSError { get }
}

extension AWSError: AWSErrorConvertible {
    /// The error itself.
    public var awsError: AWSError { self }
}
