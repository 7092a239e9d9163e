import Foundation

/// A clock that starts at a chosen instant and runs `scale` times faster than real time.
///
/// A testing aid behind `hikeshi serve --time-scale N --clock-start ISO8601`; it moves domain time
/// only, never the SigV4 freshness check.
public struct ScaledClock: HikeshiClock {
    private let origin: Date
    private let realOrigin: Date
    private let scale: Double

    /// Creates a clock reading `start` now and advancing `scale` domain seconds per real second.
    public init(start: Date, scale: Double, realNow: Date = Date()) {
        self.origin = start
        self.realOrigin = realNow
        self.scale = max(scale, 0.000_001)
    }

    /// The scaled current instant.
    public func now() -> Date {
        origin.addingTimeInterval(Date().timeIntervalSince(realOrigin) * scale)
    }

    /// Sleeps the real time that corresponds to the domain interval.
    public func sleep(until deadline: Date) async throws {
        let interval = deadline.timeIntervalSince(now()) / scale
        if interval > 0 {
            try await Task.sleep(for: .seconds(interval))
        }
    }
}
