import Foundation

/// A condition of an `aws:branch` choice: a comparison of a variable with a value, or `And`, `Or`, `Not` of others.
public indirect enum BranchCondition: Sendable, Equatable {
    /// `Variable: "{{ … }}"` compared by an operator with a value.
    case compare(variable: String, BranchOperator, DocumentValue)
    /// All of the conditions.
    case and([BranchCondition])
    /// Any of the conditions.
    case or([BranchCondition])
    /// Not the condition.
    case not(BranchCondition)

    /// Reads a choice's condition (the mapping without `NextStep`); `path` names it in errors.
    static func read(_ fields: [String: DocumentValue], path: String) throws(DocumentContentError) -> BranchCondition {
        if let list = fields["And"] ?? fields["Or"] {
            guard let items = list.array, !items.isEmpty else {
                throw DocumentContentError(.invalidContent, "\(path): And/Or takes a list of conditions")
            }
            var conditions: [BranchCondition] = []
            for (index, item) in items.enumerated() {
                guard let object = item.object else { throw DocumentContentError(.invalidContent, "\(path)[\(index)] must be a mapping") }
                conditions.append(try read(object, path: "\(path)[\(index)]"))
            }
            return fields["And"] != nil ? .and(conditions) : .or(conditions)
        }
        if let inner = fields["Not"] {
            guard let object = inner.object else { throw DocumentContentError(.invalidContent, "\(path).Not must be a mapping") }
            return .not(try read(object, path: "\(path).Not"))
        }
        guard let variable = fields["Variable"]?.string else {
            throw DocumentContentError(.invalidContent, "\(path) needs a Variable (\"{{ … }}\") and an operator, or And, Or or Not")
        }
        let operators = fields.keys.filter { $0 != "Variable" && $0 != "NextStep" }
        guard operators.count == 1, let name = operators.first, let op = BranchOperator(rawValue: name), let value = fields[name] else {
            let known = BranchOperator.allCases.map(\.rawValue).joined(separator: ", ")
            throw DocumentContentError(
                .invalidContent, "\(path) must have exactly one operator, one of \(known); it has \(operators.sorted().joined(separator: ", "))")
        }
        switch op {
        case .numericEquals, .numericGreater, .numericLesser, .numericGreaterOrEquals, .numericLesserOrEquals:
            guard value.number != nil || (value.string.map { Double($0) != nil || $0.contains("{{") } ?? false) else {
                throw DocumentContentError(.invalidContent, "\(path).\(name) compares with a number")
            }
        case .booleanEquals:
            guard value.bool != nil else { throw DocumentContentError(.invalidContent, "\(path).\(name) compares with true or false") }
        case .stringEquals, .equalsIgnoreCase, .startsWith, .endsWith, .contains:
            guard value.string != nil else { throw DocumentContentError(.invalidContent, "\(path).\(name) compares with a string") }
        }
        return .compare(variable: variable, op, value)
    }

    /// Whether the condition holds, with `resolve` giving each variable's value, and the value of a compared value that
    /// holds a `{{ }}` reference (which ``read(_:path:)`` accepts for the numeric operators); a reference with no value
    /// never matches.
    public func holds(_ resolve: (String) -> DocumentValue?) -> Bool {
        switch self {
        case .and(let conditions): return conditions.allSatisfy { $0.holds(resolve) }
        case .or(let conditions): return conditions.contains { $0.holds(resolve) }
        case .not(let condition): return !condition.holds(resolve)
        case .compare(let variable, let op, let expected):
            guard let actual = resolve(variable) else { return false }
            if let text = expected.string, text.contains("{{") {
                guard let value = resolve(text) else { return false }
                return op.compare(actual, value)
            }
            return op.compare(actual, expected)
        }
    }
}

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

/// One choice of an `aws:branch` step.
public struct BranchChoice: Sendable, Equatable {
    /// Where to go when the condition holds.
    public var nextStep: String
    /// The condition.
    public var condition: BranchCondition

    /// Reads a branch step's `Choices` and `Default`.
    public static func read(_ inputs: [String: DocumentValue], step: String) throws(DocumentContentError) -> (
        choices: [BranchChoice], defaultStep: String?
    ) {
        guard let list = inputs["Choices"]?.array, !list.isEmpty else {
            throw DocumentContentError(.invalidContent, "Step \(step): inputs.Choices must be a list of at least one choice")
        }
        var choices: [BranchChoice] = []
        for (index, item) in list.enumerated() {
            let path = "Step \(step): inputs.Choices[\(index)]"
            guard let fields = item.object else { throw DocumentContentError(.invalidContent, "\(path) must be a mapping") }
            guard let next = fields["NextStep"]?.string else { throw DocumentContentError(.invalidContent, "\(path) needs a NextStep") }
            choices.append(BranchChoice(nextStep: next, condition: try BranchCondition.read(fields, path: path)))
        }
        var fallback: String?
        if let value = inputs["Default"] {
            guard let name = value.string else { throw DocumentContentError(.invalidContent, "Step \(step): inputs.Default must be a step name") }
            fallback = name
        }
        return (choices, fallback)
    }
}
