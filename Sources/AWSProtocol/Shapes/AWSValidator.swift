import Foundation

/// One broken constraint.
public struct AWSViolation: Sendable, Hashable {
    /// The member's wire path.
    public var path: AWSFieldPath
    /// The offending value as text, when it is short and not secret.
    public var value: String?
    /// AWS's wording of the constraint, e.g. `Member must have length less than or equal to 255`.
    public var constraint: String

    /// Creates a violation.
    public init(path: AWSFieldPath, value: String?, constraint: String) {
        self.path = path
        self.value = value
        self.constraint = constraint
    }

    /// The violation in AWS's message form.
    public var message: String {
        if let value {
            return "Value '\(value)' at '\(path)' failed to satisfy constraint: \(constraint)"
        }
        return "Value at '\(path)' failed to satisfy constraint: \(constraint)"
    }
}

/// Collects constraint violations while generated shapes validate themselves.
///
/// The check functions take optionals so that generated code can pass optional and required
/// members alike; `nil` means absent and satisfies every constraint but `required`.
public struct AWSValidator: Sendable {
    /// The violations found so far, in input order.
    public private(set) var violations: [AWSViolation] = []

    /// Creates an empty validator.
    public init() {}

    /// Records a violation.
    public mutating func record(_ path: AWSFieldPath, value: String?, _ constraint: String) {
        violations.append(AWSViolation(path: path, value: value.map(Self.abbreviate), constraint: constraint))
    }

    /// Throws ``AWSValidationError`` when anything was recorded.
    public func throwIfInvalid() throws {
        if !violations.isEmpty {
            throw AWSValidationError(violations: violations)
        }
    }

    /// Checks that a required value is present (used for members bound to the URI or query).
    public mutating func required(_ value: (some Any)?, at path: AWSFieldPath) {
        if value == nil {
            record(path, value: nil, "Member must not be null")
        }
    }

    /// Checks a string's length in Unicode scalars, as the model's `min`/`max` mean it.
    public mutating func length(_ value: String?, min: Int?, max: Int?, at path: AWSFieldPath) {
        guard let value else { return }
        let count = value.unicodeScalars.count
        checkCount(count, min: min, max: max, value: value, noun: "length", at: path)
    }

    /// Checks a list's size.
    public mutating func length<Element>(_ value: [Element]?, min: Int?, max: Int?, at path: AWSFieldPath) {
        guard let value else { return }
        checkCount(value.count, min: min, max: max, value: nil, noun: "length", at: path)
    }

    /// Checks a map's size.
    public mutating func length<Value>(_ value: [String: Value]?, min: Int?, max: Int?, at path: AWSFieldPath) {
        guard let value else { return }
        checkCount(value.count, min: min, max: max, value: nil, noun: "length", at: path)
    }

    /// Checks a blob's size in bytes.
    public mutating func length(_ value: Data?, min: Int?, max: Int?, at path: AWSFieldPath) {
        guard let value else { return }
        checkCount(value.count, min: min, max: max, value: nil, noun: "length", at: path)
    }

    /// Checks an integer against the model's range.
    public mutating func range(_ value: Int?, min: Int?, max: Int?, at path: AWSFieldPath) {
        guard let value else { return }
        if let min, value < min {
            record(path, value: String(value), "Member must have value greater than or equal to \(min)")
        }
        if let max, value > max {
            record(path, value: String(value), "Member must have value less than or equal to \(max)")
        }
    }

    /// Checks a floating-point number against the model's range.
    public mutating func range(_ value: Double?, min: Double?, max: Double?, at path: AWSFieldPath) {
        guard let value else { return }
        if let min, value < min {
            record(path, value: String(value), "Member must have value greater than or equal to \(min)")
        }
        if let max, value > max {
            record(path, value: String(value), "Member must have value less than or equal to \(max)")
        }
    }

    /// Checks a string against the model's regular expression (a match anywhere, as Smithy means it).
    public mutating func pattern(_ value: String?, _ pattern: String, at path: AWSFieldPath) {
        guard let value else { return }
        if !AWSPattern.matches(value, pattern: pattern) {
            record(path, value: value, "Member must satisfy regular expression pattern: \(pattern)")
        }
    }

    /// Validates a nested shape.
    public mutating func nested(_ value: (some AWSShape)?, at path: AWSFieldPath) {
        value?.validate(into: &self, path: path)
    }

    /// Validates every element of a list of shapes.
    public mutating func each<Element: AWSShape>(_ value: [Element]?, at path: AWSFieldPath) {
        guard let value else { return }
        for (index, element) in value.enumerated() {
            element.validate(into: &self, path: path.appending(index: index))
        }
    }

    /// Runs `check` on every element of a list of scalars.
    public mutating func each<Element>(
        _ value: [Element]?,
        at path: AWSFieldPath,
        _ check: (inout AWSValidator, Element, AWSFieldPath) -> Void
    ) {
        guard let value else { return }
        for (index, element) in value.enumerated() {
            check(&self, element, path.appending(index: index))
        }
    }

    /// Runs `check` on every key and value of a map.
    public mutating func each<Value>(
        _ value: [String: Value]?,
        at path: AWSFieldPath,
        _ check: (inout AWSValidator, String, Value, AWSFieldPath) -> Void
    ) {
        guard let value else { return }
        for key in value.keys.sorted() {
            if let element = value[key] {
                check(&self, key, element, path.appending(key: key))
            }
        }
    }

    private mutating func checkCount(_ count: Int, min: Int?, max: Int?, value: String?, noun: String, at path: AWSFieldPath) {
        if let min, count < min {
            record(path, value: value, "Member must have \(noun) greater than or equal to \(min)")
        }
        if let max, count > max {
            record(path, value: value, "Member must have \(noun) less than or equal to \(max)")
        }
    }

    private static func abbreviate(_ value: String) -> String {
        value.count > 128 ? String(value.prefix(125)) + "..." : value
    }
}
