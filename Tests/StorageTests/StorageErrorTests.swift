import HikeshiTestSupport
import SQLKit
import Storage
import Testing

@Suite("Storage errors")
struct StorageErrorTests {
    @Test("both engines say which table a duplicate key hit", arguments: TestEngine.available)
    func enginesNameTheTable(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let insert = { @Sendable (sql: any SQLDatabase) async throws in
                try await sql.raw(
                    """
                    INSERT INTO response_plans (arn, account_id, region, name, document, created_at, updated_at)
                    VALUES ('arn:plan', '111111111111', 'us-east-1', 'p', '{}', 1, 1)
                    """
                ).run()
            }
            try await database.transaction(insert)
            do {
                try await database.transaction(insert)
                Issue.record("a duplicate key was accepted")
            } catch let error as StorageError {
                #expect(error.kind == .conflict && error.table == "response_plans" && error.resourceType == "RESPONSE_PLAN")
            }
        }
    }
}
