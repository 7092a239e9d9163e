import AWSClient

/// How a source call that may succeed later (throttled, a 5xx, a dropped connection, a timeout, an answer cut short
/// or otherwise unreadable — a partial page) is tried again:
/// exponential back-off from ``firstDelay``, doubled up to ``longestDelay``, at most ``attempts`` tries in all.
public struct SourceRetry: Sendable {
    /// Tries in all, the first included.
    public var attempts: Int
    /// The wait after the first failure.
    public var firstDelay: Duration
    /// The longest wait between tries.
    public var longestDelay: Duration
    /// Waits (injected, so tests do not sleep).
    public var wait: @Sendable (Duration) async throws -> Void

    /// A policy; by default 8 tries, 0.5 s doubling to 16 s.
    public init(
        attempts: Int = 8, firstDelay: Duration = .milliseconds(500), longestDelay: Duration = .seconds(16),
        wait: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.attempts = max(1, attempts)
        self.firstDelay = firstDelay
        self.longestDelay = longestDelay
        self.wait = wait
    }

    /// Runs `call`, trying again while its error is retryable and tries remain.
    public func run<T: Sendable>(_ operation: String, _ call: () async throws(AWSClientError) -> T) async throws(MigrationError) -> T {
        var delay = firstDelay
        var attempt = 1
        while true {
            do {
                return try await call()
            } catch {
                // An unreadable answer (a page cut short) is read again twice; one that stays unreadable will not change.
                let tries = error.kind == .invalidResponse ? min(attempts, 3) : attempts
                guard error.isRetryable || error.kind == .invalidResponse, attempt < tries else {
                    throw MigrationError.source(operation, error, attempts: attempt)
                }
                do {
                    try await wait(delay)
                } catch {
                    throw MigrationError(.unavailable, "\(operation) was cancelled")
                }
                delay = min(delay * 2, longestDelay)
                attempt += 1
            }
        }
    }
}
