import Foundation
import Synchronization

/// A clock that moves only when told to; for tests.
///
/// Sleepers wake when ``advance(by:)`` or ``set(_:)`` moves time past their deadline.
public final class ManualClock: HikeshiClock {
    private struct State {
        var now: Date
        var sleepers: [(id: Int, deadline: Date, continuation: CheckedContinuation<Void, Never>)] = []
        var nextID = 0
    }

    private let state: Mutex<State>

    /// Creates a clock reading `start`.
    public init(start: Date) {
        state = Mutex(State(now: start))
    }

    /// The clock's current instant.
    public func now() -> Date {
        state.withLock { $0.now }
    }

    /// Moves the clock forward.
    public func advance(by interval: TimeInterval) {
        set(now().addingTimeInterval(interval))
    }

    /// Sets the clock to an instant and wakes every sleeper whose deadline has passed.
    public func set(_ instant: Date) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.now = instant
            let due = state.sleepers.filter { $0.deadline <= instant }
            state.sleepers.removeAll { $0.deadline <= instant }
            return due.map(\.continuation)
        }
        for continuation in woken {
            continuation.resume()
        }
    }

    /// Suspends until the clock is moved past `deadline`, or the task is cancelled.
    public func sleep(until deadline: Date) async throws {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if deadline <= state.now || Task.isCancelled {
                        return true
                    }
                    state.sleepers.append((id, deadline, continuation))
                    return false
                }
                if resumeNow {
                    continuation.resume()
                }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> CheckedContinuation<Void, Never>? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index).continuation
            }
            sleeper?.resume()
        }
        try Task.checkCancellation()
    }

    /// How many tasks are sleeping on this clock.
    public var sleeperCount: Int {
        state.withLock { $0.sleepers.count }
    }
}
