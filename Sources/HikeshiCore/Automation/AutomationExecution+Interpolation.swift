import Foundation

extension AutomationExecution {
    /// The step's inputs with every `{{ }}` reference replaced by its value now.
    func resolveInputs(of step: RunbookStep, now: Date) throws(RunbookResolutionError) -> [String: DocumentValue] {
        var resolved: [String: DocumentValue] = [:]
        for (key, value) in step.inputs {
            // A branch's conditions are resolved when they are compared.
            resolved[key] = step.action == .branch ? value : try resolve(value, now: now)
        }
        return resolved
    }

    /// `value` with its references replaced: a string that is exactly one reference becomes the referred value with its
    /// type (a list stays a list); references inside longer text become their text.
    public func resolve(_ value: DocumentValue, now: Date) throws(RunbookResolutionError) -> DocumentValue {
        switch value {
        case .string(let text):
            let found = RunbookReference.scan(text)
            guard !found.isEmpty else { return value }
            if found.count == 1, let only = found.first, only.range == text.startIndex..<text.endIndex {
                return try lookUp(only.inner, now: now)
            }
            var result = ""
            var index = text.startIndex
            for (range, inner) in found {
                result += text[index..<range.lowerBound]
                result += try lookUp(inner, now: now).wireText
                index = range.upperBound
            }
            result += text[index...]
            return .string(result)
        case .array(let items):
            var out: [DocumentValue] = []
            for item in items { out.append(try resolve(item, now: now)) }
            return .array(out)
        case .object(let fields):
            var out: [String: DocumentValue] = [:]
            for (key, item) in fields { out[key] = try resolve(item, now: now) }
            return .object(out)
        case .number, .bool, .null:
            return value
        }
    }

    private func lookUp(_ inner: String, now: Date) throws(RunbookResolutionError) -> DocumentValue {
        let shown = inner.trimmingCharacters(in: .whitespaces)
        guard let reference = RunbookReference(text: inner) else {
            throw RunbookResolutionError(message: "{{ \(shown) }} is not a variable a runbook can use")
        }
        switch reference {
        case .parameter(let name):
            guard let value = parameters[name] else { throw RunbookResolutionError(message: "{{ \(shown) }}: the runbook has no parameter \(name)") }
            return value
        case .stepOutput(let step, let output):
            guard let value = latestOutput(step: step, output: output) else {
                throw RunbookResolutionError(message: "{{ \(shown) }} has no value: step \(step) has not produced output \(output)")
            }
            return value
        case .executionID:
            return .string(id)
        case .global(let global):
            switch global {
            case .accountID: return .string(accountID)
            case .region: return .string(region)
            case .partition: return .string("aws")
            case .date: return .string(Self.format(now, "yyyy-MM-dd"))
            case .dateTime: return .string(Self.format(now, "yyyy-MM-dd_HH.mm.ss"))
            }
        }
    }

    private static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
