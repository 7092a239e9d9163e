import Foundation

/// When the scheduler must next look at the jobs table.
public struct JobHorizon: Sendable, Equatable {
    /// The earliest due time of a pending job, in domain time; nil when none waits.
    public var nextDue: Date?
    /// The earliest end of a running job's lease, on the lease clock; nil when nothing runs.
    public var nextLeaseEnd: Date?

    /// A horizon of the given times.
    public init(nextDue: Date?, nextLeaseEnd: Date?) {
        self.nextDue = nextDue
        self.nextLeaseEnd = nextLeaseEnd
    }
}
