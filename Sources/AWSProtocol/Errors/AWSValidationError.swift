/// One or more constraint violations in a request.
///
/// Converted to `ValidationException` (status 400) with AWS's message form:
/// `1 validation error detected: Value 'x' at 'Alias' failed to satisfy constraint: …`.
/// Services whose `ValidationException` has `Reason` and `Fields` members get those too.
public struct AWSValidationError: Error, Sendable, Equatable {
    /// The violations, in input order.
    public var violations: [AWSViolation]

    /// Creates the error.
    public init(violations: [AWSViolation]) {
        self.violations = violations
    }

    /// A single violation at `field`.
    public init(field: String, value: String? = nil, constraint: String) {
        self.violations = [AWSViolation(path: AWSFieldPath().appending(field), value: value, constraint: constraint)]
    }

    /// AWS's message for the violations.
    public var message: String {
        let count = violations.count
        let head = count == 1 ? "1 validation error detected: " : "\(count) validation errors detected: "
        return head + violations.map(\.message).joined(separator: "; ")
    }
}

extension AWSValidationError: AWSErrorConvertible {
    /// `ValidationException`, naming each field in `message` and in `Fields`.
    public var awsError: AWSError {
        let fields: [AWSJSONValue] = violations.map { violation in
            .object(["Name": .string(violation.path.description), "Message": .string(violation.message)])
        }
        return AWSError(
            code: "ValidationException",
            message: message,
            status: 400,
            fields: ["Reason": .string("FIELD_VALIDATION_FAILED"), "Fields": .array(fields)]
        )
    }
}
