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
    /// holds a `{{ }}` reference (which ``read(_:path:)`` accepts for the numeric operators). A condition that refers to
    /// something with no value never holds, `Not` around it included.
    public func holds(_ resolve: (String) -> DocumentValue?) -> Bool {
        evaluate(resolve) ?? false
    }

    /// `nil` when a reference has no value.
    private func evaluate(_ resolve: (String) -> DocumentValue?) -> Bool? {
        switch self {
        case .and(let conditions):
            let values = conditions.map { $0.evaluate(resolve) }
            if values.contains(false) { return false }
            return values.contains(nil) ? nil : true
        case .or(let conditions):
            let values = conditions.map { $0.evaluate(resolve) }
            if values.contains(true) { return true }
            return values.contains(nil) ? nil : false
        case .not(let condition):
            return condition.evaluate(resolve).map { !$0 }
        case .compare(let variable, let op, let expected):
            guard let actual = resolve(variable) else { return nil }
            if let text = expected.string, text.contains("{{") {
                guard let value = resolve(text) else { return nil }
                return op.compare(actual, value)
            }
            return op.compare(actual, expected)
        }
    }
}
