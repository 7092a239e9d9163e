import Logging

/// Group commit: items submitted while a batch is being written wait and are written together in the next batch (one
/// transaction), so a burst costs a few commits instead of one each.
///
/// Nothing is acknowledged before it is written: ``submit(_:)`` returns once the batch holding its item has been
/// written. Under light load a batch is one item and adds no delay. If a batch fails (one bad item, or a deadlock
/// between nodes), its items are written again one by one, so each caller gets its own outcome or error.
public actor GroupCommit<Item: Sendable, Outcome: Sendable> {
    /// Writes a batch in one transaction and returns one outcome per item, in order.
    public typealias Write = @Sendable (_ batch: [Item]) async throws -> [Outcome]

    private let write: Write
    private let maxBatch: Int
    private let logger: Logger?
    private var queue: [(item: Item, continuation: CheckedContinuation<Outcome, any Error>)] = []
    private var draining = false

    /// How many batches have been written or tried (a batch retried item by item counts each retry).
    public private(set) var batches = 0

    /// Items waiting for the next batch.
    public var waiting: Int { queue.count }

    /// Group commit through `write`, with at most `maxBatch` items in a batch; a failed batch is noted on `logger`.
    public init(maxBatch: Int, logger: Logger? = nil, write: @escaping Write) {
        self.write = write
        self.maxBatch = max(1, maxBatch)
        self.logger = logger
    }

    /// Writes `item` with whatever else is waiting; returns its outcome once its batch is written.
    public func submit(_ item: Item) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            queue.append((item, continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(maxBatch))
            queue.removeFirst(batch.count)
            await run(batch)
        }
        draining = false
    }

    private func run(_ batch: [(item: Item, continuation: CheckedContinuation<Outcome, any Error>)]) async {
        batches += 1
        do {
            let outcomes = try await write(batch.map(\.item))
            guard outcomes.count == batch.count else {
                throw StorageError(.unavailable, "a group commit wrote \(batch.count) items and answered \(outcomes.count) outcomes")
            }
            for (pending, outcome) in zip(batch, outcomes) {
                pending.continuation.resume(returning: outcome)
            }
        } catch {
            guard batch.count > 1 else {
                batch.first?.continuation.resume(throwing: error)
                return
            }
            logger?.debug("batch failed; retrying one by one", metadata: ["batch.size": .stringConvertible(batch.count)])
            for pending in batch {
                await run([pending])
            }
        }
    }
}
