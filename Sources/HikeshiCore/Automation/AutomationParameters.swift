import Foundation

/// How the strings `StartAutomationExecution` gives (every parameter is a list of strings on the wire) become typed
/// values: `String` takes one string (or none, the empty string); `StringList` the list; `Integer` one whole number;
/// `Boolean` one `true` or `false` (any case); `StringMap` one JSON object; `MapList` JSON objects, one per item, or one
/// JSON list of objects. A parameter not given takes its default; one with no default is required.
public enum AutomationParameters {
    /// The typed parameters for `given`, checked against the runbook's rules.
    public static func resolve(_ declared: [String: RunbookParameter], given: [String: [String]]) throws(AutomationParameterError)
        -> [String: DocumentValue]
    {
        let unknown = given.keys.filter { declared[$0] == nil }.sorted()
        guard unknown.isEmpty else { throw AutomationParameterError(message: "Undefined execution inputs: [\(unknown.joined(separator: ", "))].") }
        var resolved: [String: DocumentValue] = [:]
        for name in declared.keys.sorted() {
            guard let parameter = declared[name] else { continue }
            let value: DocumentValue
            if let strings = given[name] {
                value = try typed(strings, parameter.type, name: name)
            } else if let fallback = parameter.defaultValue {
                guard let converted = convert(fallback, to: parameter.type) else {
                    throw AutomationParameterError(message: "Parameter \"\(name)\": its default is not a \(parameter.type.rawValue).")
                }
                value = converted
            } else {
                throw AutomationParameterError(message: "Parameter \"\(name)\" is required: it has no default, so the start must give it.")
            }
            try check(value, against: parameter, name: name)
            resolved[name] = value
        }
        return resolved
    }

    private static func typed(_ strings: [String], _ type: DocumentParameterKind, name: String) throws(AutomationParameterError) -> DocumentValue {
        func one() throws(AutomationParameterError) -> String {
            guard strings.count <= 1 else {
                throw AutomationParameterError(message: "Parameter \"\(name)\" is a \(type.rawValue) and takes one value, not \(strings.count).")
            }
            return strings.first ?? ""
        }
        func bad(_ text: String) -> AutomationParameterError {
            AutomationParameterError(message: "Parameter \"\(name)\" is a \(type.rawValue); \"\(text)\" is not one.")
        }
        switch type {
        case .string:
            return .string(try one())
        case .stringList:
            return .array(strings.map { .string($0) })
        case .integer:
            let text = try one()
            guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else { throw bad(text) }
            return .number(Double(number))
        case .boolean:
            let text = try one()
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw bad(text)
            }
        case .stringMap:
            let text = try one()
            guard let value = json(text), value.object != nil else { throw bad(text) }
            return value
        case .mapList:
            if strings.count == 1, let only = strings.first, let list = json(only), let items = list.array, items.allSatisfy({ $0.object != nil }) {
                return list
            }
            var items: [DocumentValue] = []
            for text in strings {
                guard let value = json(text), value.object != nil else { throw bad(text) }
                items.append(value)
            }
            return .array(items)
        }
    }

    private static func check(_ value: DocumentValue, against parameter: RunbookParameter, name: String) throws(AutomationParameterError) {
        let texts: [String]
        switch parameter.type {
        case .string, .integer, .boolean: texts = [value.wireText]
        case .stringList: texts = value.array?.map(\.wireText) ?? []
        case .stringMap, .mapList: return
        }
        for text in texts {
            if let allowed = parameter.allowedValues, !allowed.contains(text) {
                throw AutomationParameterError(
                    message: "Parameter \"\(name)\" has value \"\(text)\" not found in [\(allowed.joined(separator: ", "))].")
            }
            if let pattern = parameter.allowedPattern, try !fullMatch(text, pattern, name: name) {
                throw AutomationParameterError(message: "Parameter \"\(name)\" has value \"\(text)\" not matching pattern \(pattern).")
            }
        }
    }

    /// Whether `pattern` matches all of `text` (as Java's `matches`, which AWS's check uses).
    static func fullMatch(_ text: String, _ pattern: String) -> Bool {
        (try? fullMatch(text, pattern, name: "")) ?? false
    }

    /// How long one `allowedPattern` check may take: a pattern that backtracks without end would hold a thread of the
    /// server's small pool (and, at start, the database's writer).
    static let patternBudget: Duration = .milliseconds(100)

    /// Whether `pattern` matches all of `text`, giving up (an error naming the parameter) after ``patternBudget``.
    static func fullMatch(_ text: String, _ pattern: String, name: String) throws(AutomationParameterError) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: "^(?:" + pattern + ")$") else { return false }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: patternBudget)
        var matched = false
        var gaveUp = false
        // `reportProgress` calls back while the engine works, so a runaway match can be stopped.
        expression.enumerateMatches(in: text, options: [.reportProgress], range: range) { result, _, stop in
            if result != nil {
                matched = true
                stop.pointee = true
            } else if clock.now > deadline {
                gaveUp = true
                stop.pointee = true
            }
        }
        if gaveUp, !matched {
            throw AutomationParameterError(
                message: "Parameter \"\(name)\": its allowedPattern takes too long to check a value; simplify the pattern.")
        }
        return matched
    }

    /// `value` as a value of `type`, or `nil` when it cannot be one (step outputs and defaults go through this).
    public static func convert(_ value: DocumentValue, to type: DocumentParameterKind) -> DocumentValue? {
        switch type {
        case .string:
            switch value {
            case .string, .null: return .string(value.string ?? "")
            case .number, .bool: return .string(value.plainText)
            case .array, .object: return .string(value.jsonText)
            }
        case .stringList:
            if let items = value.array { return .array(items.map { .string($0.wireText) }) }
            return nil
        case .integer:
            if let number = value.integer { return .number(Double(number)) }
            if let text = value.string, let number = Int(text) { return .number(Double(number)) }
            return nil
        case .boolean:
            if let bool = value.bool { return .bool(bool) }
            switch value.string?.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return nil
            }
        case .stringMap:
            return value.object != nil ? value : nil
        case .mapList:
            guard let items = value.array, items.allSatisfy({ $0.object != nil }) else { return nil }
            return value
        }
    }

    /// The parameters as the wire shows them: lists of strings.
    public static func wire(_ values: [String: DocumentValue]) -> [String: [String]] {
        values.mapValues(\.wireList)
    }

    private static func json(_ text: String) -> DocumentValue? {
        try? JSONDecoder().decode(DocumentValue.self, from: Data(text.utf8))
    }
}
