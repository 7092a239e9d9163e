import Foundation
import HikeshiCore
import Logging

/// Whose executions may run `aws:executeScript` steps: the operator's choice (`--allow-scripts`).
public enum ScriptPolicy: String, Sendable, Equatable, CaseIterable {
    /// Only the administrator account's executions (the default).
    case admin
    /// Every account's.
    case all
    /// Nobody's.
    case none
}
