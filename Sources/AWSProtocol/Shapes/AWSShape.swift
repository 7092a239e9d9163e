import Foundation

/// A structure generated from a botocore service model.
///
/// Generated shapes decode from and encode to the service's JSON wire form, using the model's
/// member names as coding keys, and check the model's constraints in ``validate(into:path:)``.
/// Required members are non-optional: a missing one fails decoding, which the protocol layer
/// reports as a `ValidationException` naming the member.
public protocol AWSShape: Codable, Sendable, AWSJSONWritable {
    /// Records every constraint of the model that this value breaks.
    ///
    /// - Parameters:
    ///   - validator: Collects violations; validation never stops at the first one.
    ///   - path: The wire path of this value inside the request (empty for the input itself).
    func validate(into validator: inout AWSValidator, path: AWSFieldPath)
}

extension AWSShape {
    /// Shapes without constraints have nothing to check.
    public func validate(into validator: inout AWSValidator, path: AWSFieldPath) {}

    /// A shape without a generated writer writes the bytes ``AWSJSONCoding/encoder`` gives, as they are (`{}` if that
    /// fails, which only a value that is not finite can make it do).
    public func writeJSON(to writer: inout AWSJSONWriter) {
        guard let data = try? AWSJSONCoding.encoder.encode(self) else {
            writer.beginObject()
            writer.endObject()
            return
        }
        writer.encoded(Array(data))
    }

    /// Validates the value as a whole request and throws the AWS-shaped error for the violations.
    public func validated() throws -> Self {
        var validator = AWSValidator()
        validate(into: &validator, path: AWSFieldPath())
        try validator.throwIfInvalid()
        return self
    }
}

/// A string enumeration from a service model.
///
/// Decoding an unknown value throws ``AWSDecodingFailure`` with the allowed set, which the protocol
/// layer reports as a `ValidationException` naming the member.
public protocol AWSEnum: RawRepresentable, CaseIterable, Codable, Hashable, Sendable, AWSJSONWritable where RawValue == String {}

extension AWSEnum {
    /// Decodes a raw value, refusing values outside the model's set.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = Self(rawValue: raw) else {
            throw AWSDecodingFailure(
                path: AWSFieldPath(codingPath: decoder.codingPath),
                value: raw,
                constraint: "Member must satisfy enum value set: [\(Self.allCases.map(\.rawValue).joined(separator: ", "))]"
            )
        }
        self = value
    }

    /// Encodes the raw value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Writes the raw value.
    public func writeJSON(to writer: inout AWSJSONWriter) {
        writer.string(rawValue)
    }
}

/// A shape with no members, used for empty inputs and outputs.
public struct AWSEmptyShape: AWSShape, Equatable {
    /// Creates the empty value.
    public init() {}

    /// Writes `{}`.
    public func writeJSON(to writer: inout AWSJSONWriter) {
        writer.beginObject()
        writer.endObject()
    }
}

/// A failure found while decoding a request that is reported as a validation error.
public struct AWSDecodingFailure: Error, Sendable {
    /// Where in the input the failure is.
    public var path: AWSFieldPath
    /// The offending value, as text.
    public var value: String?
    /// The constraint the value breaks, in AWS's wording.
    public var constraint: String

    /// Creates a failure.
    public init(path: AWSFieldPath, value: String?, constraint: String) {
        self.path = path
        self.value = value
        self.constraint = constraint
    }
}
