import Foundation
import Synchronization

/// Timeline event ids that sort in the order events were written: the write time in milliseconds,
/// a per-process sequence, then randomness (so several nodes never collide). Events at the same
/// event time list in the order they were recorded.
enum EventID {
    private static let sequence = Atomic<UInt32>(0)

    /// A new id for an event written at `now`, UUID-shaped.
    static func next(at now: Date) -> String {
        let millis = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        let count = sequence.add(1, ordering: .relaxed).newValue
        let random = UInt64.random(in: 0...UInt64(UInt32.max))
        let time = String(millis, radix: 16).leftPadded(12)
        let sequenceText = String(count, radix: 16).leftPadded(8)
        let randomText = String(random, radix: 16).leftPadded(8)
        let head = String(time.prefix(8))
        let mid = String(time.suffix(4))
        return "\(head)-\(mid)-\(sequenceText.prefix(4))-\(sequenceText.suffix(4))-\(randomText)0000"
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? String(suffix(width)) : String(repeating: "0", count: width - count) + self
    }
}
