import Foundation

extension PostIncidentAnalysis {
    /// The analysis as a Markdown document, headings and labels in its language: the incident's facts and summary,
    /// the timeline, engagements, runbooks and related items, every section with its questions and answers, and the
    /// action items. Text from the incident is escaped (it is shown, not interpreted); answers and action item
    /// descriptions are Markdown already and are kept as written.
    public func markdown() -> String {
        let text = AnalysisText.of(language)
        var out: [String] = []
        out.append("# \(text.documentTitle): \(Self.inline(incident.title))")
        out.append("")
        out.append("## \(text.incident)")
        out.append("")
        out.append("- **\(text.incidentRecord):** \(Self.code(incident.arn))")
        out.append("- **\(text.impact):** \(incident.impact) (\(text.impactName(incident.impact)))")
        out.append("- **\(text.responsePlan):** \(Self.code(incident.responsePlanArn))")
        out.append("- **\(text.started):** \(AnalysisTime.display(incident.createdAt))")
        if let acknowledged = incident.acknowledgedAt {
            out.append("- **\(text.acknowledged):** \(AnalysisTime.display(acknowledged))")
        }
        out.append("- **\(text.resolved):** \(AnalysisTime.display(incident.resolvedAt))")
        out.append("- **\(text.duration):** \(text.duration(seconds: incident.durationSeconds))")
        out.append("- **\(text.template):** \(Self.code(template.name)) (\(template.owner.wire), \(text.version) \(template.version))")
        out.append("- **\(text.analysis):** \(Self.code(arn))")
        if let summary = incident.summary, !summary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            out += ["", "### \(text.summary)", "", Self.inline(summary)]
        }
        out += ["", "## \(text.timeline)", ""]
        out += list(timeline, text) { event in
            "\(AnalysisTime.display(event.time)): **\(Self.inline(event.type))** \(Self.code(event.data))"
        }
        out += ["", "## \(text.engagements)", ""]
        out += list(engagements, text) { engagement in
            var line = "\(Self.code(engagement.contactArn)): \(text.started) \(AnalysisTime.display(engagement.startedAt))"
            if let stopped = engagement.stoppedAt { line += ", \(text.stopped) \(AnalysisTime.display(stopped))" }
            return line + ", \(text.sender) \(Self.inline(engagement.sender))"
        }
        out += ["", "## \(text.runbooks)", ""]
        out += list(runbooks, text) { runbook in
            var parts: [String] = []
            if let name = runbook.documentName {
                parts.append("\(text.document) \(Self.code(name))" + (runbook.documentVersion.map { " (\(text.version) \(Self.inline($0)))" } ?? ""))
            }
            if let execution = runbook.executionArn { parts.append("\(text.execution) \(Self.code(execution))") }
            parts += Self.run(status: runbook.status, startedAt: runbook.startedAt, endedAt: runbook.endedAt, failure: runbook.failureMessage, text)
            let steps = runbook.steps.map { step in
                "  - \(Self.code(step.name)) (\(Self.code(step.action.rawValue))): "
                    + Self.run(status: step.status, startedAt: step.startedAt, endedAt: step.endedAt, failure: step.failureMessage, text)
                    .joined(separator: ", ")
            }
            return ([parts.joined(separator: ", ")] + steps).joined(separator: "\n")
        }
        out += ["", "## \(text.relatedItems)", ""]
        out += list(relatedItems, text) { item in
            "\(Self.code(item.kind.rawValue)) " + (item.title.map { Self.inline($0) + ": " } ?? "") + Self.code(item.value)
        }
        for section in sections {
            out += ["", "## \(Self.inline(section.title))"]
            for question in section.questions {
                out += ["", "### \(Self.inline(question.text))", ""]
                if let answer = question.answer {
                    out.append(answer.text.trimmingCharacters(in: .whitespacesAndNewlines))
                    out += ["", "_\(Self.inline(text.answered(answer.answeredBy, AnalysisTime.display(answer.answeredAt))))_"]
                } else {
                    out.append("_\(text.notAnswered)_")
                }
            }
        }
        out += ["", "## \(text.actionItems)", ""]
        out += list(actionItems, text) { item in
            var line = "[ ] **\(Self.inline(item.title))** (\(Self.code(item.opsItemID))"
            if let priority = item.priority { line += ", \(text.priority) \(priority)" }
            if let questionID = item.questionID { line += ", \(text.question) \(Self.code(questionID))" }
            line += ")"
            let details = item.description.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false)
            return ([line] + details.map { $0.isEmpty ? "" : "  " + $0 }).joined(separator: "\n")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// What a run of a runbook or a step says: its status, start, end and failure, labelled.
    private static func run(status: AutomationStatus?, startedAt: Date?, endedAt: Date?, failure: String?, _ text: AnalysisText) -> [String] {
        var parts: [String] = []
        if let status { parts.append("\(text.status) \(Self.code(status.rawValue))") }
        if let startedAt { parts.append("\(text.started) \(AnalysisTime.display(startedAt))") }
        if let endedAt { parts.append("\(text.ended) \(AnalysisTime.display(endedAt))") }
        if let failure { parts.append("\(text.failure): \(Self.inline(failure))") }
        return parts
    }

    /// A bulleted list of `items`, or the language's "None." when there are none.
    private func list<Item>(_ items: [Item], _ text: AnalysisText, _ line: (Item) -> String) -> [String] {
        items.isEmpty ? [text.none] : items.map { "- " + line($0) }
    }

    /// Text shown inline: on one line, with the characters Markdown would read as markup escaped.
    static func inline(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case _ where character.isNewline || character == "\t": out.append(" ")
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#":
                out.append("\\")
                out.append(character)
            default: out.append(character)
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// Text as an inline code span, on one line; a span holding backticks is fenced with more of them.
    static func code(_ value: String) -> String {
        let line = value.map { $0.isNewline || $0 == "\t" ? " " : String($0) }.joined()
        guard !line.isEmpty else { return "" }
        var fence = "`"
        while line.contains(fence) { fence += "`" }
        let padding = line.hasPrefix("`") || line.hasSuffix("`") || fence.count > 1 ? " " : ""
        return fence + padding + line + padding + fence
    }
}
