import Synchronization

/// The jobs this node holds, and for each a way to be told that its lease was lost.
final class RunningJobs: Sendable {
    private struct Entry {
        var lost = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// The ids of the jobs held.
    var ids: Set<String> { entries.withLock { Set($0.keys) } }

    /// How many jobs are held.
    var count: Int { entries.withLock { $0.count } }

    /// Starts holding `id` (again: no change if held).
    func insert(_ id: String) {
        entries.withLock { entries in
            if entries[id] == nil { entries[id] = Entry() }
        }
    }

    /// Stops holding `id`; a waiter still waiting is released.
    func remove(_ id: String) {
        let waiter = entries.withLock { $0.removeValue(forKey: id)?.waiter }
        waiter?.resume()
    }

    /// Marks the lease of `id` lost and releases its waiter; returns false when `id` is not held or already lost.
    func markLost(_ id: String) -> Bool {
        let (changed, waiter) = entries.withLock { entries -> (Bool, CheckedContinuation<Void, Never>?) in
            guard var entry = entries[id], !entry.lost else { return (false, nil) }
            entry.lost = true
            let waiter = entry.waiter
            entry.waiter = nil
            entries[id] = entry
            return (true, waiter)
        }
        waiter?.resume()
        return changed
    }

    /// Returns once the lease of `id` is lost, `id` is no longer held, or the task is cancelled.
    func waitUntilLost(_ id: String) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = entries.withLock { entries -> Bool in
                    guard var entry = entries[id], !entry.lost, !Task.isCancelled else { return true }
                    entry.waiter = continuation
                    entries[id] = entry
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = entries.withLock { entries -> CheckedContinuation<Void, Never>? in
                guard var entry = entries[id] else { return nil }
                let waiter = entry.waiter
                entry.waiter = nil
                entries[id] = entry
                return waiter
            }
            waiter?.resume()
        }
    }
}
