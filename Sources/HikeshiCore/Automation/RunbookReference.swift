import Foundation

/// A `{{ }}` reference in a runbook: what a step input (or a branch variable) refers to.
public enum RunbookReference: Sendable, Equatable, Hashable {
    /// `{{ Name }}`: a parameter.
    case parameter(String)
    /// `{{ step.Output }}`: an output of a step that ran before.
    case stepOutput(step: String, output: String)
    /// `{{ automation:EXECUTION_ID }}`.
    case executionID
    /// `{{ global:NAME }}`: `ACCOUNT_ID`, `REGION`, `AWS_PARTITION`, `DATE` or `DATE_TIME`.
    case global(RunbookGlobal)

    /// Reads the text between the braces (spaces around it allowed); `nil` for what a runbook cannot refer to.
    public init?(text raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        if text.hasPrefix("global:") {
            guard let global = RunbookGlobal(rawValue: String(text.dropFirst(7))) else { return nil }
            self = .global(global)
        } else if text.hasPrefix("automation:") {
            guard text == "automation:EXECUTION_ID" else { return nil }
            self = .executionID
        } else if text.contains(":") {
            return nil
        } else if let dot = text.firstIndex(of: ".") {
            let step = String(text[..<dot])
            let output = String(text[text.index(after: dot)...])
            guard !step.isEmpty, !output.isEmpty else { return nil }
            self = .stepOutput(step: step, output: output)
        } else {
            self = .parameter(text)
        }
    }

    /// Every `{{ … }}` in `text`, as the raw text between the braces with its position.
    public static func scan(_ text: String) -> [(range: Range<String.Index>, inner: String)] {
        var found: [(Range<String.Index>, String)] = []
        var index = text.startIndex
        while let open = text[index...].range(of: "{{") {
            guard let close = text[open.upperBound...].range(of: "}}") else { break }
            found.append((open.lowerBound..<close.upperBound, String(text[open.upperBound..<close.lowerBound])))
            index = close.upperBound
        }
        return found
    }

    /// Every reference in a value (strings inside lists and mappings included), with the ones that cannot be read.
    public static func all(in value: DocumentValue) -> (references: [RunbookReference], unreadable: [String]) {
        var references: [RunbookReference] = []
        var unreadable: [String] = []
        func visit(_ value: DocumentValue) {
            switch value {
            case .string(let text):
                for (_, inner) in scan(text) {
                    if let reference = RunbookReference(text: inner) {
                        references.append(reference)
                    } else {
                        unreadable.append(inner.trimmingCharacters(in: .whitespaces))
                    }
                }
            case .array(let values): values.forEach(visit)
            case .object(let fields): fields.keys.sorted().forEach { fields[$0].map(visit) }
            case .number, .bool, .null: break
            }
        }
        visit(value)
        return (references, unreadable)
    }
}
