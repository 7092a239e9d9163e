/// What outside work for a step came to.
public enum AutomationLaunchResult: Sendable, Equatable {
    /// It answered: the API response, `{"Payload": …}` of a script, `{"ResponseCode": …, "Response": …}` of a webhook.
    case response(DocumentValue)
    /// A property check did not see a wanted value yet (`aws:waitForAwsResourceProperty` checks again).
    case notYet(String)
    /// It failed, with a message for the step.
    case failure(String)
    /// It ran out of time.
    case timedOut(String)
}
