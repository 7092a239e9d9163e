import Foundation

/// The comparison operators of `aws:branch`.
public enum BranchOperator: String, Sendable, Equatable, CaseIterable {
    /// Equal strings.
    case stringEquals = "StringEquals"
    /// Equal strings, ignoring case.
    case equalsIgnoreCase = "EqualsIgnoreCase"
    /// The variable starts with the value.
    case startsWith = "StartsWith"
    /// The variable ends with the value.
    case endsWith = "EndsWith"
    /// The variable contains the value.
    case contains = "Contains"
    /// Equal numbers.
    case numericEquals = "NumericEquals"
    /// The variable is greater.
    case numericGreater = "NumericGreater"
    /// The variable is smaller.
    case numericLesser = "NumericLesser"
    /// The variable is greater or equal.
    case numericGreaterOrEquals = "NumericGreaterOrEquals"
    /// The variable is smaller or equal.
    case numericLesserOrEquals = "NumericLesserOrEquals"
    /// Equal booleans.
    case booleanEquals = "BooleanEquals"

    /// Compares a variable's value with the choice's value. Strings compare the variable's text (a list's JSON); numbers
    /// read numbers or numeric text and never match what is not a number; booleans read `true`/`false` text too.
    func compare(_ actual: DocumentValue, _ expected: DocumentValue) -> Bool {
        switch self {
        case .contains where actual.array != nil:
            // A list contains a value when one of its items is that value.
            return actual.array?.contains { $0.wireText == expected.wireText } ?? false
        case .stringEquals, .equalsIgnoreCase, .startsWith, .endsWith, .contains:
            let left = actual.wireText
            let right = expected.wireText
            switch self {
            case .stringEquals: return left == right
            case .equalsIgnoreCase: return left.lowercased() == right.lowercased()
            case .startsWith: return left.hasPrefix(right)
            case .endsWith: return left.hasSuffix(right)
            default: return left.contains(right)
            }
        case .numericEquals, .numericGreater, .numericLesser, .numericGreaterOrEquals, .numericLesserOrEquals:
            guard let left = Self.number(actual), let right = Self.number(expected) else { return false }
            switch self {
            case .numericEquals: return left == right
            case .numericGreater: return left > right
            case .numericLesser: return left < right
            case .numericGreaterOrEquals: return left >= right
            default: return left <= right
            }
        case .booleanEquals:
            guard let left = Self.boolean(actual), let right = Self.boolean(expected) else { return false }
            return left == right
        }
    }

    private static func number(_ value: DocumentValue) -> Double? {
        if let number = value.number { return number }
        return value.string.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    }

    private static func boolean(_ value: DocumentValue) -> Bool? {
        if let bool = value.bool { return bool }
        switch value.string?.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }
}
