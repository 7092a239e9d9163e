import Synchronization

/// Token buckets by key (an access key, an integration): a key may spend ``Limit/burst`` requests at once and
/// regains ``Limit/rate`` per second, so one runaway client is refused instead of slowing the server for everyone.
///
/// Time comes from `now` (monotonic seconds), injected so tests need no sleeping. The table holds at most
/// `maximumKeys` buckets: beyond that, buckets that have refilled (idle keys) are forgotten, so memory stays flat
/// whatever keys arrive.
public final class TokenBuckets: Sendable {
    /// How fast a key may go.
    public struct Limit: Sendable, Equatable {
        /// Requests regained per second.
        public var rate: Double
        /// Requests a key may make at once after being idle.
        public var burst: Double

        /// A limit of `rate` per second with bursts of `burst`; a rate of 0 or less means no limit.
        public init(rate: Double, burst: Double) {
            self.rate = rate
            self.burst = max(burst, 1)
        }

        /// Whether the limit limits anything.
        public var isEnabled: Bool { rate > 0 && rate.isFinite }
    }

    /// What a request may do.
    public enum Decision: Sendable, Equatable {
        /// Go ahead (one token spent).
        case allowed
        /// Refused: a token is back in this many seconds.
        case throttled(retryAfter: Double)
    }

    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    private let limit: Limit
    private let maximumKeys: Int
    private let now: @Sendable () -> Double
    private let buckets = Mutex<[String: Bucket]>([:])

    /// Buckets of `limit`, at most `maximumKeys` remembered, timed by `now` (monotonic seconds).
    public init(limit: Limit, maximumKeys: Int = 10_000, now: @escaping @Sendable () -> Double = TokenBuckets.monotonicSeconds) {
        self.limit = limit
        self.maximumKeys = max(maximumKeys, 1)
        self.now = now
    }

    /// The limit the buckets apply.
    public var configuredLimit: Limit { limit }

    /// Spends one token of `key`'s bucket if it has one.
    public func take(_ key: String) -> Decision {
        guard limit.isEnabled else { return .allowed }
        let now = self.now()
        return buckets.withLock { buckets in
            var bucket = buckets[key].map { refilled($0, at: now) } ?? Bucket(tokens: limit.burst, updated: now)
            let decision: Decision
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                decision = .allowed
            } else {
                decision = .throttled(retryAfter: (1 - bucket.tokens) / limit.rate)
            }
            if buckets[key] == nil && buckets.count >= maximumKeys {
                buckets = buckets.filter { refilled($0.value, at: now).tokens < limit.burst }
            }
            if buckets[key] != nil || buckets.count < maximumKeys {
                buckets[key] = bucket
            }
            return decision
        }
    }

    /// How many keys are remembered (for tests and metrics).
    public var keyCount: Int { buckets.withLock { $0.count } }

    private func refilled(_ bucket: Bucket, at now: Double) -> Bucket {
        let elapsed = max(0, now - bucket.updated)
        return Bucket(tokens: min(limit.burst, bucket.tokens + elapsed * limit.rate), updated: max(now, bucket.updated))
    }

    /// Seconds on the machine's monotonic clock.
    public static let monotonicSeconds: @Sendable () -> Double = {
        let elapsed = ContinuousClock.now - ContinuousClock.Instant.origin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

extension ContinuousClock.Instant {
    /// A fixed instant the monotonic clock measures from.
    fileprivate static let origin = ContinuousClock.now
}
