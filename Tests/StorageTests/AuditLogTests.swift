import Foundation
import HikeshiCore
import HikeshiTestSupport
import Storage
import Testing

@Suite("Audit log")
struct AuditLogTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func entry(_ account: String, _ operation: String, at offset: TimeInterval) -> AuditEntry {
        AuditEntry(
            at: start.addingTimeInterval(offset), accountID: account, principal: "AKIA\(account)", source: .api, service: "ssm-contacts",
            operation: operation, resources: ["arn:aws:ssm-contacts:us-east-1:\(account):contact/a"], requestID: UUID().uuidString)
    }

    @Test("entries read back in time order, filtered by account and period, bounded; old ones are pruned", arguments: TestEngine.available)
    func recordReadPrune(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let log = SQLAuditLog(database: database)
            let entries = [
                Self.entry("111111111111", "CreateContact", at: 0), Self.entry("222222222222", "CreateContact", at: 10),
                Self.entry("111111111111", "UpdateContact", at: 20), Self.entry("111111111111", "DeleteContact", at: 30),
            ]
            for entry in entries.reversed() {
                try await log.record(entry, logger: testLogger)
            }
            #expect(try await log.entries(accountID: nil, since: nil, until: nil, limit: 10, logger: testLogger) == entries)
            let mine = try await log.entries(
                accountID: "111111111111", since: Self.start.addingTimeInterval(20), until: nil, limit: 10, logger: testLogger)
            #expect(mine.map(\.operation) == ["UpdateContact", "DeleteContact"])
            let window = try await log.entries(
                accountID: nil, since: Self.start, until: Self.start.addingTimeInterval(20), limit: 1, logger: testLogger)
            #expect(window == [entries[0]])
            #expect(try await log.prune(before: Self.start.addingTimeInterval(20), logger: testLogger) == 2)
            #expect(try await log.entries(accountID: nil, since: nil, until: nil, limit: 10, logger: testLogger) == Array(entries[2...]))
        }
    }

    @Test("entries recorded together share transactions, and each is stored when its caller returns", arguments: TestEngine.available)
    func groupCommit(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let log = SQLAuditLog(database: database)
            let entries = (0..<40).map { Self.entry("111111111111", "UpdateContact", at: TimeInterval($0)) }
            try await withThrowingDiscardingTaskGroup { group in
                for entry in entries {
                    group.addTask {
                        try await log.record(entry, logger: testLogger)
                        // Acknowledged means committed: a read on another connection sees it.
                        let stored = try await log.entries(
                            accountID: nil, since: entry.at, until: entry.at.addingTimeInterval(1), limit: 1, logger: testLogger)
                        #expect(stored == [entry])
                    }
                }
            }
            #expect(try await log.entries(accountID: nil, since: nil, until: nil, limit: 100, logger: testLogger) == entries)
            let transactions = await log.transactions
            #expect(transactions < entries.count, "\(transactions) transactions for \(entries.count) entries")
            #expect(await log.waiting == 0)
        }
    }

    @Test("an entry its transaction refuses fails alone: the others of its batch are retried and stored", arguments: TestEngine.available)
    func batchFailureIsolated(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let log = SQLAuditLog(database: database)
            let first = Self.entry("111111111111", "CreateContact", at: 0)
            try await log.record(first, logger: testLogger)
            let others = (1...10).map { Self.entry("111111111111", "UpdateContact", at: TimeInterval($0)) }
            let outcomes = await withTaskGroup(of: (String, Bool).self, returning: [String: Bool].self) { group in
                for entry in others + [first] {  // `first` again: the same id, refused by the primary key
                    group.addTask { (entry.operation, (try? await log.record(entry, logger: testLogger)) != nil) }
                }
                return await group.reduce(into: [:]) { $0[$1.0, default: true] = $0[$1.0, default: true] && $1.1 }
            }
            #expect(outcomes == ["UpdateContact": true, "CreateContact": false])
            #expect(try await log.entries(accountID: nil, since: nil, until: nil, limit: 100, logger: testLogger) == [first] + others)
        }
    }

    @Test("an unreadable source is an error, not a silent default", arguments: TestEngine.available)
    func corruptSource(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            try await SQLAuditLog(database: database).record(Self.entry("111111111111", "CreateContact", at: 0), logger: testLogger)
            try await database.transaction { sql in try await sql.raw("UPDATE audit_log SET source = 'telepathy'").run() }
            await #expect(throws: StorageError.self) {
                try await SQLAuditLog(database: database).entries(accountID: nil, since: nil, until: nil, limit: 10, logger: testLogger)
            }
        }
    }
}
