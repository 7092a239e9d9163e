import HikeshiCore
import Synchronization
import Testing

@Suite("Token buckets")
struct TokenBucketsTests {
    /// A clock the test moves.
    final class Seconds: Sendable {
        private let value = Mutex(1000.0)
        var now: Double { value.withLock { $0 } }
        func advance(_ seconds: Double) { value.withLock { $0 += seconds } }
    }

    @Test("a key spends its burst, is refused with the wait until its next token, and refills at the rate")
    func burstThenRate() {
        let clock = Seconds()
        let buckets = TokenBuckets(limit: .init(rate: 2, burst: 3), now: { clock.now })
        #expect((0..<3).map { _ in buckets.take("AKIA1") } == Array(repeating: .allowed, count: 3))
        #expect(buckets.take("AKIA1") == .throttled(retryAfter: 0.5))
        clock.advance(0.25)
        #expect(buckets.take("AKIA1") == .throttled(retryAfter: 0.25))
        clock.advance(0.25)
        #expect(buckets.take("AKIA1") == .allowed)
        #expect(buckets.take("AKIA1") == .throttled(retryAfter: 0.5))
        // A long pause refills to the burst, not beyond.
        clock.advance(3600)
        #expect((0..<4).map { _ in buckets.take("AKIA1") } == [.allowed, .allowed, .allowed, .throttled(retryAfter: 0.5)])
    }

    @Test("keys do not share a bucket: a runaway key leaves the others alone")
    func keysAreIndependent() {
        let clock = Seconds()
        let buckets = TokenBuckets(limit: .init(rate: 1, burst: 1), now: { clock.now })
        #expect(buckets.take("runaway") == .allowed)
        #expect(buckets.take("runaway") != .allowed)
        #expect(buckets.take("calm") == .allowed)
    }

    @Test("a rate of zero limits nothing")
    func disabled() {
        let buckets = TokenBuckets(limit: .init(rate: 0, burst: 1), now: { 0 })
        #expect((0..<1000).allSatisfy { _ in buckets.take("k") == .allowed })
        #expect(buckets.keyCount == 0)
    }

    @Test("the table stays bounded: idle keys are forgotten when it is full, busy ones kept")
    func bounded() {
        let clock = Seconds()
        let buckets = TokenBuckets(limit: .init(rate: 1, burst: 2), maximumKeys: 3, now: { clock.now })
        _ = buckets.take("busy")
        _ = buckets.take("busy")
        _ = buckets.take("a")
        _ = buckets.take("b")
        #expect(buckets.keyCount == 3)
        clock.advance(1.5)  // a and b are full again; busy has 1.5 of 2
        _ = buckets.take("c")
        #expect(buckets.keyCount == 2)  // busy and c
        #expect(buckets.take("busy") == .allowed)
        #expect(buckets.take("busy") == .throttled(retryAfter: 0.5))
        for index in 0..<10_000 {
            _ = buckets.take("key-\(index)")
        }
        #expect(buckets.keyCount <= 3)
    }
}
