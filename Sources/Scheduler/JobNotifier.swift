/// Told when jobs were committed, so that they run now rather than at the next poll.
public protocol JobNotifier: Sendable {
    /// Jobs were enqueued and committed.
    func wake()
}

extension SchedulerService: JobNotifier {}
