import Foundation
import HikeshiCore
import HikeshiTestSupport
import Storage
import Testing

@Suite("Rehearsing writes (dry runs)")
struct RehearsalTests {
    static let account = "111111111111"

    static func mapping(_ source: String, _ fingerprint: String = "f1") -> MigrationMapping {
        MigrationMapping(
            accountID: account, sourceArn: source, kind: .contact, targetArn: source + "-here", fingerprint: fingerprint,
            migratedAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    struct Refused: Error {}

    @Test(
        "a rehearsal sees its own writes, a failed unit inside it is undone alone, and nothing is left afterwards",
        arguments: TestEngine.available)
    func rehearsal(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let real = SQLFamilyStore.contacts(database)
            try await real.write(logger: testLogger) { try await $0.migrations.put(Self.mapping("kept")) }
            let seen = try await database.rehearse { rehearsal in
                let store = SQLFamilyStore.contacts(rehearsal)
                try await store.write(logger: testLogger) { try await $0.migrations.put(Self.mapping("a")) }
                await #expect(throws: Refused.self) {
                    try await store.write(logger: testLogger) { tx in
                        try await tx.migrations.put(Self.mapping("b"))
                        try await tx.migrations.put(Self.mapping("kept", "changed"))
                        throw Refused()
                    }
                }
                return try await store.read(logger: testLogger) { try await $0.migrations.list(accountID: Self.account) }
            }
            #expect(seen.map(\.sourceArn) == ["a", "kept"])
            #expect(seen.last?.fingerprint == "f1")
            let after = try await real.read(logger: testLogger) { try await $0.migrations.list(accountID: Self.account) }
            #expect(after == [Self.mapping("kept")])
        }
    }

    @Test("an error that ends a rehearsal leaves as it is, and nothing is kept", arguments: TestEngine.available)
    func failingRehearsal(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            await #expect(throws: Refused.self) {
                try await database.rehearse { rehearsal -> Int in
                    try await SQLFamilyStore.contacts(rehearsal).write(logger: testLogger) { try await $0.migrations.put(Self.mapping("x")) }
                    throw Refused()
                }
            }
            let after = try await SQLFamilyStore.contacts(database).read(logger: testLogger) {
                try await $0.migrations.list(accountID: Self.account)
            }
            #expect(after.isEmpty)
        }
    }
}
