import Foundation
import HikeshiTestSupport
import SQLKit
import Storage
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test("apply once, in order, and are recorded", arguments: TestEngine.available)
    func applyOnce(engine: TestEngine) async throws {
        try await withTestDatabase(engine, migrate: false) { database, _ in
            let first = try await Migrator().migrate(database, logger: testLogger)
            #expect(first == Schema.migrations.map(\.version))
            let second = try await Migrator().migrate(database, logger: testLogger)
            #expect(second.isEmpty)
            let count = try await database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM hikeshi_migrations").first()?.decode(column: "n", as: Int.self)
            }
            #expect(count == Schema.migrations.count)
        }
    }

    @Test("refuse a database whose history this binary does not know", arguments: TestEngine.available)
    func refuseUnknownHistory(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            try await database.transaction { sql in
                try await sql.raw("INSERT INTO hikeshi_migrations (version, name, applied_at) VALUES (9999, 'future', 0)").run()
            }
            await #expect(throws: StorageError.self) {
                try await Migrator().migrate(database, logger: testLogger)
            }
        }
    }

    @Test("refuse a history whose names differ", arguments: TestEngine.available)
    func refuseRenamedHistory(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            try await database.transaction { sql in
                try await sql.raw("UPDATE hikeshi_migrations SET name = 'renamed' WHERE version = 1").run()
            }
            do {
                try await Migrator().migrate(database, logger: testLogger)
                Issue.record("a renamed migration was accepted")
            } catch let error as StorageError {
                #expect(error.kind == .schemaMismatch)
            }
        }
    }

    @Test("a failed transaction leaves nothing behind", arguments: TestEngine.available)
    func rollback(engine: TestEngine) async throws {
        struct Boom: Error {}
        try await withTestDatabase(engine) { database, _ in
            await #expect(throws: Boom.self) {
                try await database.transaction { sql in
                    try await AccountRepository(sql).insert(AccountRecord(accountID: "123456789012", name: "x", createdAt: Date()))
                    throw Boom()
                }
            }
            let account = try await database.read { try await AccountRepository($0).account("123456789012") }
            #expect(account == nil)
        }
    }
}
