/// How a DescribeOpsItems filter compares (raw value = wire form).
public enum OpsItemFilterOperator: String, Sendable, Equatable, CaseIterable {
    /// The same value (for Title: the same first 100 characters).
    case equal = "Equal"
    /// The value occurs in the field, regardless of case.
    case contains = "Contains"
    /// Later than the value (times).
    case greaterThan = "GreaterThan"
    /// Earlier than the value (times).
    case lessThan = "LessThan"
}
