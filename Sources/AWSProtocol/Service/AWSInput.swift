import Foundation
import HikeshiCore

/// The body of a request, ready to decode into an operation's input shape.
///
/// Decoding maps every failure to the AWS error a client expects: a missing required member or a
/// value outside an enum is a `ValidationException` naming the member, malformed JSON or a member
/// of the wrong type is a `SerializationException`. Decoded inputs are validated against the model
/// before they are returned, so a handler only ever sees valid input.
public struct AWSInput: Sendable {
    /// The JSON body (already merged with URI/query bindings for REST-JSON).
    public var body: Data

    /// Creates an input from a JSON body; an empty body means `{}`.
    public init(body: Data) {
        self.body = body
    }

    /// Decodes and validates the input shape.
    public func decode<Shape: AWSShape>(_ type: Shape.Type) throws -> Shape {
        let data = body.isEmpty ? Data("{}".utf8) : body
        let value: Shape
        do {
            // The project's reader answers what it can exactly as the decoder would (a tenth of a small request's
            // time went to JSONDecoder); anything else, and every error, is the decoder's.
            value = try JSONNodeDecoder.decodeOrAsk(Shape.self, from: data, options: .ownDateStrategy) { data in
                try AWSJSONCoding.decoder.decode(Shape.self, from: data)
            }
        } catch let failure as AWSDecodingFailure {
            throw AWSValidationError(violations: [AWSViolation(path: failure.path, value: failure.value, constraint: failure.constraint)])
        } catch let error as DecodingError {
            throw Self.translate(error)
        }
        return try value.validated()
    }

    private static func translate(_ error: DecodingError) -> any Error {
        switch error {
        case .keyNotFound(let key, let context):
            let path = AWSFieldPath(codingPath: context.codingPath + [key])
            return AWSValidationError(violations: [AWSViolation(path: path, value: nil, constraint: "Member must not be null")])
        case .valueNotFound(_, let context):
            let path = AWSFieldPath(codingPath: context.codingPath)
            return AWSValidationError(violations: [AWSViolation(path: path, value: nil, constraint: "Member must not be null")])
        case .typeMismatch(let type, let context):
            let path = AWSFieldPath(codingPath: context.codingPath)
            return AWSError.serialization("Unexpected value type at '\(path)': expected \(type)")
        case .dataCorrupted(let context):
            if let failure = context.underlyingError as? AWSDecodingFailure {
                return AWSValidationError(violations: [AWSViolation(path: failure.path, value: failure.value, constraint: failure.constraint)])
            }
            if context.codingPath.isEmpty {
                return AWSError.serialization("The request body is not valid JSON")
            }
            return AWSError.serialization("Invalid value at '\(AWSFieldPath(codingPath: context.codingPath))'")
        @unknown default:
            return AWSError.serialization("The request body could not be read")
        }
    }
}
