/// What a person asked for from chat: a slash command or a button press.
public enum ChatAction: Sendable, Hashable {
    /// Acknowledge the incident (stop paging for it).
    case acknowledge(incident: String)
    /// Add a note to the incident's timeline.
    case note(incident: String, text: String)
    /// Resolve the incident.
    case resolve(incident: String)
    /// Send a signal to a runbook execution that waits (`Resume` a pause, `Approve` or `Reject` an approval).
    case signal(execution: String, RunbookChatSignal, comment: String?)
    /// Show how to use the command.
    case help

    /// The usage text for the slash command, `command` being its name (e.g. `/hikeshi`).
    ///
    /// - Parameter command: The slash command's name.
    /// - Returns: A few lines of usage.
    public static func usage(command: String = "/hikeshi") -> String {
        """
        Usage:
        \(command) ack <incident> — acknowledge an incident
        \(command) note <incident> <text> — add a note to its timeline
        \(command) resolve <incident> — resolve it
        \(command) resume|approve|reject <execution> [comment] — answer a runbook step that waits
        <incident> is the incident record ARN or its id (the last part of the ARN).
        """
    }

    /// The incident the action is about, `nil` for ``help``.
    public var incident: String? {
        switch self {
        case .acknowledge(let incident), .resolve(let incident), .note(let incident, _): incident
        case .help, .signal: nil
        }
    }

    /// Whether text is an automation execution id (a UUID).
    public static func isExecutionID(_ text: String) -> Bool {
        text.count == 36 && text.allSatisfy { $0.isHexDigit || $0 == "-" }
    }

    /// Whether text names an incident: an `ssm-incidents` incident record ARN
    /// (`arn:aws:ssm-incidents::<account>:incident-record/<plan>/<id>`) or an id of letters, digits, `-`, `_` and `.`.
    ///
    /// - Parameter text: The candidate.
    /// - Returns: Whether it is an incident ARN or id.
    public static func isIncidentReference(_ text: String) -> Bool {
        guard !text.isEmpty, text.unicodeScalars.count <= 1000 else { return false }
        if text.hasPrefix("arn:") {
            let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[2] == "ssm-incidents" else { return false }
            let resource = parts[5].split(separator: "/", omittingEmptySubsequences: false)
            return resource.count >= 2 && resource[0] == "incident-record" && resource.allSatisfy { !$0.isEmpty }
                && !text.contains(where: \.isWhitespace)
        }
        guard text.unicodeScalars.count <= 128 else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
        }
    }
}

/// The signals chat may send a waiting runbook step.
public enum RunbookChatSignal: String, Sendable, Hashable, CaseIterable {
    /// Resume an `aws:pause` step.
    case resume = "Resume"
    /// Approve an `aws:approve` step.
    case approve = "Approve"
    /// Reject an `aws:approve` step.
    case reject = "Reject"
}
