/// A signal or stop an execution cannot take.
public enum AutomationSignalError: Error, Sendable, Equatable {
    /// The payload names a step the execution does not have (`AutomationStepNotFoundException`).
    case stepNotFound(String)
    /// The signal does not fit what the execution is doing (`InvalidAutomationSignalException`).
    case invalidSignal(String)
    /// A stop of an execution that has ended (`InvalidAutomationStatusUpdateException`).
    case invalidStatusUpdate(String)
}
