import Synchronization

/// A one-slot signal: `signal` wakes the current waiter, or the next one if none is waiting.
///
/// Made before the scheduler and handed both to the scheduler (which waits on it) and to everything that
/// enqueues jobs (as their ``JobNotifier``), so no notifier needs filling in after construction. It has one
/// waiter, the scheduler's loop: a second concurrent `wait` would replace the first.
public final class WakeSignal: JobNotifier {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    /// A signal nobody has raised yet.
    public init() {}

    /// Jobs were committed: wakes the scheduler's loop.
    public func wake() {
        signal()
    }

    func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.pending = true
            return nil
        }
        waiter?.resume()
    }

    /// Returns when signalled or when the task is cancelled.
    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.pending || Task.isCancelled {
                        state.pending = false
                        return true
                    }
                    state.waiter = continuation
                    return false
                }
                if resumeNow {
                    continuation.resume()
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }
}
