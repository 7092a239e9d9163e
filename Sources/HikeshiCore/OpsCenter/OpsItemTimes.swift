import Foundation

/// The planned and actual start and end of the work an OpsItem tracks; each optional.
public struct OpsItemTimes: Sendable, Equatable, Codable {
    /// When the work is planned to start.
    public var plannedStart: Date?
    /// When the work is planned to end.
    public var plannedEnd: Date?
    /// When the work started.
    public var actualStart: Date?
    /// When the work ended.
    public var actualEnd: Date?

    /// Creates the times.
    public init(plannedStart: Date? = nil, plannedEnd: Date? = nil, actualStart: Date? = nil, actualEnd: Date? = nil) {
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
        self.actualStart = actualStart
        self.actualEnd = actualEnd
    }
}
