import Foundation
import HikeshiCore
import RunbooksAPI

extension SetupMigrator {
    /// The services a runbook's `aws:executeAwsApi` and property steps can call here: this server's own.
    static let servedServices: Set<String> = ["ssm", "ssm-contacts", "ssm-incidents", "support", "hikeshi"]

    /// What of a document cannot run here: steps whose action the engine does not know, and API steps that call a
    /// service this server does not serve (the step fails when the runbook reaches it).
    public static func documentWarnings(_ document: DocumentImport) -> [String] {
        let text = document.content
        let actions = Set(Self.captures(#"["']?action["']?\s*:\s*["']?(aws:[A-Za-z]+)"#, in: text))
        let services = Set(Self.captures(#"["']?Service["']?\s*:\s*["']?([A-Za-z0-9-]+)"#, in: text).map { $0.lowercased() })
        var warnings: [String] = []
        let unknown = actions.filter { RunbookStepAction(rawValue: $0) == nil }.sorted()
        if !unknown.isEmpty {
            warnings.append(
                "runbook \(document.name) uses \(unknown.joined(separator: ", ")), which this server cannot run: those steps fail")
        }
        let foreign = services.subtracting(servedServices).sorted()
        if !foreign.isEmpty {
            warnings.append(
                "runbook \(document.name) calls \(foreign.joined(separator: ", ")), which this server does not serve: those steps fail")
        }
        return warnings
    }

    /// The first capture group of every match of `pattern` in `text`.
    private static func captures(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
