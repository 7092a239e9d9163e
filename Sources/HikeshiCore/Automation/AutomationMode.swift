/// How an execution moves between steps. The raw values are the wire spelling.
public enum AutomationMode: String, Sendable, Equatable, Codable, CaseIterable {
    /// Step after step on its own.
    case auto = "Auto"
    /// Waits before each step for a `StartStep` signal.
    case interactive = "Interactive"
}
