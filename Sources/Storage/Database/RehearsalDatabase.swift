import Foundation
import SQLKit
import Synchronization

/// A database whose every unit of work runs inside one open transaction that is rolled back at the end: a dry run
/// that goes through the same code, checks and conflicts as the real thing and leaves nothing behind.
///
/// Each `transaction` is a savepoint of the open transaction: released when its body returns, rolled back to when
/// it throws, so one failed unit leaves the others as a real run would. Units run one after another on the
/// transaction's one connection. Made by ``DatabaseClient/rehearse(_:)``.
final class RehearsalDatabase: DatabaseClient {
    let sql: any SQLDatabase
    let engine: DatabaseEngine
    private let savepoints = Mutex(0)

    init(sql: any SQLDatabase, engine: DatabaseEngine) {
        self.sql = sql
        self.engine = engine
    }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await body(sql)
        } catch {
            throw StorageError.translate(error)
        }
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let name = "rehearsal_\(savepoints.withLock { $0 += 1; return $0 })"
        do {
            try await sql.raw("SAVEPOINT \(unsafeRaw: name)").run()
        } catch {
            throw StorageError.translate(error)
        }
        do {
            let result = try await body(sql)
            try await sql.raw("RELEASE SAVEPOINT \(unsafeRaw: name)").run()
            return result
        } catch {
            try? await sql.raw("ROLLBACK TO SAVEPOINT \(unsafeRaw: name)").run()
            try? await sql.raw("RELEASE SAVEPOINT \(unsafeRaw: name)").run()
            throw StorageError.translate(error)
        }
    }

    func shutdown() async {}
}

/// The signal that rolls a rehearsal's transaction back once its body has returned.
private struct RehearsalFinished: Error {}

extension DatabaseClient {
    /// Runs `body` against a rehearsal of this database: everything it writes is visible to its own later reads and
    /// rolled back when it returns, as if it had never run. Concurrent writers wait for the rehearsal (SQLite) or do
    /// not see it (PostgreSQL).
    public func rehearse<T: Sendable>(_ body: @Sendable (any DatabaseClient) async throws -> T) async throws -> T {
        let outcome = Mutex<T?>(nil)
        let engine = self.engine
        do {
            _ = try await transaction { sql -> Int in
                let value = try await body(RehearsalDatabase(sql: sql, engine: engine))
                outcome.withLock { $0 = value }
                throw RehearsalFinished()
            }
        } catch {
            if let value = outcome.withLock({ $0.take() }) {
                return value
            }
            throw error
        }
        throw StorageError(.corrupt, "a rehearsal ended without its result")
    }
}
