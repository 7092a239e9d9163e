/// Helpers used by the code that Tools/shapegen generates.

extension AWSValidator {
    /// Runs checks on a sensitive value and records their violations without the value.
    public mutating func redacting(_ checks: (inout AWSValidator) -> Void) {
        var inner = AWSValidator()
        checks(&inner)
        for violation in inner.violations {
            record(violation.path, value: nil, violation.constraint)
        }
    }
}

extension KeyedDecodingContainer {
    /// The one member of a union that is set (present and not `null`).
    ///
    /// Throws ``AWSDecodingFailure`` (a `ValidationException`) when no member or several are set.
    /// Keys the union does not know are ignored.
    public func awsUnionMember() throws -> Key {
        var present: [Key] = []
        for key in allKeys where try !decodeNil(forKey: key) {
            present.append(key)
        }
        guard present.count == 1, let key = present.first else {
            throw AWSDecodingFailure(
                path: AWSFieldPath(codingPath: codingPath),
                value: nil,
                constraint: "Union must have exactly one member set"
            )
        }
        return key
    }
}

extension AWSValidator {
    /// Checks that a string is one of an enumeration's values (used for map keys, which stay `String`).
    public mutating func enumValue<Enum: AWSEnum>(_ value: String?, of type: Enum.Type, at path: AWSFieldPath) {
        guard let value, Enum(rawValue: value) == nil else { return }
        record(path, value: value, "Member must satisfy enum value set: [\(Enum.allCases.map(\.rawValue).joined(separator: ", "))]")
    }
}
