/// Where a job is in its life. A finished job is deleted, so it has no status.
public enum JobStatus: String, Sendable, CaseIterable, Codable {
    /// Waiting for its due time (or for a retry).
    case pending
    /// Claimed by a node, whose lease says until when.
    case running
    /// Given up: its attempts ran out or its failure was permanent.
    case failed

    /// The status after a run that failed: back to pending for a retry, or failed for good when there is none.
    public static func afterFailure(retrying: Bool) -> JobStatus {
        retrying ? .pending : .failed
    }
}
