/// The actions the automation engine runs. The raw values are the document's spelling.
public enum RunbookStepAction: String, Sendable, Equatable, Codable, CaseIterable {
    /// Waits for a `Resume` signal.
    case pause = "aws:pause"
    /// Waits for a duration or until a time.
    case sleep = "aws:sleep"
    /// Waits for approvers' `Approve` or `Reject` signals.
    case approve = "aws:approve"
    /// Chooses the next step.
    case branch = "aws:branch"
    /// Runs a Python handler in a separate process.
    case executeScript = "aws:executeScript"
    /// Calls an operation of one of this server's services.
    case executeAwsApi = "aws:executeAwsApi"
    /// Starts another runbook as a child execution and waits for it.
    case executeAutomation = "aws:executeAutomation"
    /// Calls an operation until a selected property has a wanted value.
    case waitForAwsResourceProperty = "aws:waitForAwsResourceProperty"
    /// Calls an operation once and fails unless a selected property has a wanted value.
    case assertAwsResourceProperty = "aws:assertAwsResourceProperty"
    /// Posts to a URL.
    case invokeWebhook = "aws:invokeWebhook"

    /// Whether the step does its work outside the engine (a process, a call, a request), so it runs outside the
    /// transaction that launches it.
    public var runsOutside: Bool {
        switch self {
        case .executeScript, .executeAwsApi, .waitForAwsResourceProperty, .assertAwsResourceProperty, .invokeWebhook: true
        case .pause, .sleep, .approve, .branch, .executeAutomation: false
        }
    }

    /// Whether running the step twice could do something twice (so a step interrupted by a process death is not run
    /// again on its own: it fails, and its `maxAttempts` decide).
    public var hasEffects: Bool {
        switch self {
        case .executeScript, .executeAwsApi, .invokeWebhook: true
        case .pause, .sleep, .approve, .branch, .executeAutomation, .waitForAwsResourceProperty, .assertAwsResourceProperty: false
        }
    }

    /// The longest a step of this action may take when it says nothing (`timeoutSeconds`), and the most it may ask for.
    public var timeoutLimits: (default: Int?, maximum: Int?) {
        switch self {
        case .approve: (7 * 86_400, 30 * 86_400)
        case .waitForAwsResourceProperty: (3_600, nil)
        case .executeScript: (600, 600)
        case .invokeWebhook: (30, 300)
        case .executeAwsApi, .assertAwsResourceProperty: (60, 600)
        case .pause, .sleep, .branch, .executeAutomation: (nil, nil)
        }
    }
}
