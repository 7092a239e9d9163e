import Foundation
import HikeshiCore
import Synchronization

/// Timeline event ids that sort in the order events were written: the write time in milliseconds,
/// a per-process sequence, then randomness (so several nodes never collide). Events at the same
/// event time list in the order they were recorded.
enum EventID {
    private static let sequence = Atomic<UInt32>(0)

    /// A new id for an event written at `now`, UUID-shaped.
    static func next(at now: Date) -> String {
        let millis = UInt64(max(0, now.timeIntervalSince1970 * 1000)) & 0xFFFF_FFFF_FFFF
        let count = sequence.add(1, ordering: .relaxed).newValue
        let time = String(format: "%012llx", millis)
        let order = String(format: "%08x", count)
        return "\(time.prefix(8))-\(time.suffix(4))-\(order.prefix(4))-\(order.suffix(4))-\(RandomToken.hex(bytes: 6))"
    }
}
