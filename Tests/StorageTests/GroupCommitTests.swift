import Storage
import Testing

@Suite("Group commit")
struct GroupCommitTests {
    @Test("items submitted together share batches, each caller gets its own outcome, in order")
    func batchesAndOutcomes() async throws {
        let commit = GroupCommit<Int, Int>(maxBatch: 8) { batch in batch.map { $0 * 10 } }
        let results = try await withThrowingTaskGroup(of: (Int, Int).self, returning: [Int: Int].self) { group in
            for item in 0..<40 {
                group.addTask { (item, try await commit.submit(item)) }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(results == Dictionary(uniqueKeysWithValues: (0..<40).map { ($0, $0 * 10) }))
        let batches = await commit.batches
        #expect(batches >= 5 && batches < 40, "\(batches) batches for 40 items of at most 8")
    }

    @Test("a write that answers fewer outcomes than items fails its callers instead of leaving them waiting")
    func missingOutcomes() async throws {
        let commit = GroupCommit<Int, Int>(maxBatch: 8) { batch in Array(batch.dropLast()) }
        await #expect(throws: StorageError.self) { try await commit.submit(1) }
        #expect(await commit.waiting == 0)
    }
}
