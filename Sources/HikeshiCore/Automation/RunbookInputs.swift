import Foundation

/// The inputs each action takes, checked when a runbook is created (values holding `{{ }}` are checked again when the
/// step runs, once they are known).
public enum RunbookInputs {
    /// The Python runtimes `aws:executeScript` accepts: 3.11 and later, run by the host's `python3`.
    public static let supportedRuntimes: Set<String> = ["python3.11", "python3.12", "python3.13", "python3.14"]
    /// The runtimes AWS retired (on 2025-09-10), refused with AWS's reason.
    public static let retiredRuntimes: Set<String> = ["python3.6", "python3.7", "python3.8", "python3.9"]
    /// The longest `aws:sleep`, in seconds (just under 7 days, as AWS allows).
    public static let maximumSleep = 604_799

    /// Checks one step's inputs for its action.
    static func check(_ action: RunbookStepAction, inputs: [String: DocumentValue], step: String) throws(DocumentContentError) {
        func fail(_ text: String) -> DocumentContentError { DocumentContentError(.invalidContent, "Step \(step): \(text)") }
        func string(_ key: String, required: Bool = true) throws(DocumentContentError) -> String? {
            guard let value = inputs[key] else {
                if required { throw fail("inputs.\(key) is required for \(action.rawValue)") }
                return nil
            }
            guard let text = value.string, !text.isEmpty else { throw fail("inputs.\(key) must be a non-empty string") }
            return text
        }
        func known(_ keys: Set<String>) throws(DocumentContentError) {
            if let extra = inputs.keys.sorted().first(where: { !keys.contains($0) }) {
                throw fail("inputs.\(extra) is not an input of \(action.rawValue); it takes \(keys.sorted().joined(separator: ", "))")
            }
        }
        switch action {
        case .pause:
            try known(["Message"])
        case .sleep:
            try known(["Duration", "Timestamp"])
            guard (inputs["Duration"] == nil) != (inputs["Timestamp"] == nil) else {
                throw fail("aws:sleep takes either inputs.Duration or inputs.Timestamp")
            }
            if let duration = try string("Duration", required: false), !duration.contains("{{") {
                guard let seconds = ISODuration.seconds(duration) else {
                    throw fail("inputs.Duration \(duration) is not an ISO 8601 duration such as PT10M")
                }
                guard seconds <= Double(maximumSleep) else { throw fail("inputs.Duration is at most \(maximumSleep) seconds") }
            }
            if let stamp = try string("Timestamp", required: false), !stamp.contains("{{"), ISODuration.timestamp(stamp) == nil {
                throw fail("inputs.Timestamp \(stamp) is not an ISO 8601 time such as 2026-12-31T23:59:00Z")
            }
        case .approve:
            try known(["Approvers", "MinRequiredApprovals", "Message", "NotificationArn"])
            guard let approvers = inputs["Approvers"] else { throw fail("inputs.Approvers is required for aws:approve") }
            if let list = approvers.array {
                guard (1...10).contains(list.count), list.allSatisfy({ $0.string != nil }) else {
                    throw fail("inputs.Approvers is a list of 1 to 10 names or ARNs")
                }
                if let minimum = inputs["MinRequiredApprovals"] {
                    guard let number = minimum.integer, number >= 1, number <= list.count else {
                        throw fail("inputs.MinRequiredApprovals must be a whole number from 1 to the number of approvers (\(list.count))")
                    }
                }
            } else if !(approvers.string?.contains("{{") ?? false) {
                throw fail("inputs.Approvers is a list of 1 to 10 names or ARNs")
            }
            if let message = try string("Message", required: false), message.count > 4096 { throw fail("inputs.Message is at most 4096 characters") }
        case .branch:
            try known(["Choices", "Default"])
            _ = try BranchChoice.read(inputs, step: step)
        case .executeScript:
            try known(["Runtime", "Handler", "Script", "InputPayload", "Attachment"])
            guard let runtime = try string("Runtime") else { return }
            if retiredRuntimes.contains(runtime) {
                throw fail("Runtime \(runtime) is no longer supported: AWS retired Python 3.6 to 3.9 for aws:executeScript; use python3.11 or later")
            }
            guard supportedRuntimes.contains(runtime) else {
                throw fail("Runtime \(runtime) is not one Hikeshi runs; use one of \(supportedRuntimes.sorted().joined(separator: ", "))")
            }
            _ = try string("Handler")
            if inputs["Attachment"] != nil { throw fail("inputs.Attachment is not supported by Hikeshi; put the code in inputs.Script") }
            _ = try string("Script")
            if let payload = inputs["InputPayload"], payload.object == nil, !(payload.string?.contains("{{") ?? false) {
                throw fail("inputs.InputPayload must be a mapping")
            }
        case .executeAwsApi:
            _ = try string("Service")
            _ = try string("Api")
        case .waitForAwsResourceProperty, .assertAwsResourceProperty:
            _ = try string("Service")
            _ = try string("Api")
            _ = try string("PropertySelector")
            guard let desired = inputs["DesiredValues"], desired.array?.isEmpty == false || desired.string?.contains("{{") == true else {
                throw fail("inputs.DesiredValues is a list of at least one value")
            }
        case .executeAutomation:
            try known(["DocumentName", "DocumentVersion", "RuntimeParameters", "Tags"])
            _ = try string("DocumentName")
            if let parameters = inputs["RuntimeParameters"], parameters.object == nil, !(parameters.string?.contains("{{") ?? false) {
                throw fail("inputs.RuntimeParameters must be a mapping")
            }
        case .invokeWebhook:
            try known(["Url", "Body", "Headers", "Method"])
            if let url = try string("Url"), !url.contains("{{") {
                guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
                    throw fail("inputs.Url \(url) must be an http or https URL")
                }
            }
            if let method = try string("Method", required: false), !["POST", "PUT"].contains(method) {
                throw fail("inputs.Method is POST or PUT")
            }
            if let headers = inputs["Headers"], headers.object == nil { throw fail("inputs.Headers must be a mapping of strings") }
        }
    }
}
