import Foundation
import Logging
import PostgresNIO
import Storage
import Synchronization

/// The engines the storage suite runs on: SQLite always, PostgreSQL when `HIKESHI_TEST_POSTGRES_URL` is set.
public enum TestEngine: String, CaseIterable, CustomStringConvertible, Sendable {
    /// Embedded SQLite in a temporary file.
    case sqlite
    /// A fresh database on the server named by `HIKESHI_TEST_POSTGRES_URL`.
    case postgres

    /// The engines to run on here.
    public static var available: [TestEngine] {
        ProcessInfo.processInfo.environment["HIKESHI_TEST_POSTGRES_URL"].map { $0.isEmpty ? [.sqlite] : [.sqlite, .postgres] } ?? [.sqlite]
    }

    /// The engine's name.
    public var description: String { rawValue }
}

/// A quiet logger for tests.
public let testLogger: Logger = {
    var logger = Logger(label: "hikeshi.tests")
    logger.logLevel = .warning
    return logger
}()

/// A fresh, migrated database for one test, removed afterwards.
///
/// SQLite: a new file in a temporary directory. PostgreSQL: a new database on the test server.
/// `reopen` gives a second, independent client on the same database (another "process").
public func withTestDatabase<T: Sendable>(
    _ engine: TestEngine,
    migrate: Bool = true,
    _ body: @Sendable (_ database: any DatabaseClient, _ reopen: @Sendable () async throws -> any DatabaseClient) async throws -> T
) async throws -> T {
    switch engine {
    case .sqlite:
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hikeshi-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("test.sqlite").path
        let database = try await SQLiteDatabaseClient.open(path: path, logger: testLogger)
        if migrate {
            try await Migrator().migrate(database, logger: testLogger)
        }
        let opened = OpenedClients()
        do {
            let result = try await body(database) {
                let client = try await SQLiteDatabaseClient.open(path: path, logger: testLogger)
                opened.add(client)
                return client
            }
            await opened.shutdownAll()
            await database.shutdown()
            return result
        } catch {
            await opened.shutdownAll()
            await database.shutdown()
            throw error
        }
    case .postgres:
        guard let base = ProcessInfo.processInfo.environment["HIKESHI_TEST_POSTGRES_URL"],
            var components = URLComponents(string: base)
        else {
            throw StorageError.configuration("HIKESHI_TEST_POSTGRES_URL is not set")
        }
        let name = "hikeshi_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let admin = try PostgresDatabaseClient(url: base, logger: testLogger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await admin.client.run()
                return nil
            }
            defer { group.cancelAll() }
            try await admin.read { try await $0.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            components.path = "/" + name
            let url = components.string ?? base
            let database = try PostgresDatabaseClient(url: url, logger: testLogger)
            let result = try await withThrowingTaskGroup(of: T?.self) { inner in
                inner.addTask {
                    await database.client.run()
                    return nil
                }
                let extra = OpenedPostgres()
                defer {
                    extra.cancelAll()
                    inner.cancelAll()
                }
                if migrate {
                    try await Migrator().migrate(database, logger: testLogger)
                }
                return try await body(database) {
                    let client = try PostgresDatabaseClient(url: url, logger: testLogger)
                    extra.run(client)
                    return client
                }
            }
            try? await admin.read { try await $0.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run() }
            return result
        }
    }
}

/// SQLite clients opened during a test, closed at its end.
final class OpenedClients: Sendable {
    private let clients = Mutex<[SQLiteDatabaseClient]>([])

    func add(_ client: SQLiteDatabaseClient) {
        clients.withLock { $0.append(client) }
    }

    func shutdownAll() async {
        for client in clients.withLock({ $0 }) {
            await client.shutdown()
        }
    }
}

/// PostgreSQL pools opened during a test, each run in its own task until the test ends.
final class OpenedPostgres: Sendable {
    private let tasks = Mutex<[Task<Void, Never>]>([])

    func run(_ client: PostgresDatabaseClient) {
        let task = Task { await client.client.run() }
        tasks.withLock { $0.append(task) }
    }

    func cancelAll() {
        for task in tasks.withLock({ $0 }) {
            task.cancel()
        }
    }
}
