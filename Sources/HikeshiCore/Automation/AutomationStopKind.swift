/// How `StopAutomationExecution` stops. The raw values are the wire spelling.
public enum AutomationStopKind: String, Sendable, Equatable, CaseIterable {
    /// Cancel: the running step's `onCancel` steps run, then the execution is Cancelled.
    case cancel = "Cancel"
    /// Complete: the execution ends Success now, running no more steps (AWS does not document it; Hikeshi's reading).
    case complete = "Complete"
}
