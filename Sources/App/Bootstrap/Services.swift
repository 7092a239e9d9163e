import Foundation
import HikeshiCore
import Identity
import Logging
import Storage

/// The long-lived pieces shared by the server and the admin commands: database, identity, clock.
public struct CoreServices: Sendable {
    /// The database.
    public let database: any DatabaseClient
    /// The PostgreSQL pool to run as a service, when on PostgreSQL.
    public let postgres: PostgresDatabaseClient?
    /// Accounts and keys.
    public let identity: IdentityService
    /// Seals stored secrets under the master key.
    public let secrets: SecretBox
    /// Domain time.
    public let clock: any HikeshiClock

    /// Opens the database named by the configuration (migrations are applied by ``prepare(logger:)``).
    public static func open(_ configuration: HikeshiConfiguration, logger: Logger) async throws -> CoreServices {
        try FileManager.default.createDirectory(at: configuration.dataDirectory, withIntermediateDirectories: true)
        let database: any DatabaseClient
        var postgres: PostgresDatabaseClient?
        if let url = configuration.databaseURL {
            let client = try PostgresDatabaseClient(url: url, logger: logger)
            try await client.probe()
            postgres = client
            database = client
        } else {
            database = try await SQLiteDatabaseClient.open(path: configuration.sqlitePath, logger: logger)
        }
        let masterKey = try MasterKey.load(base64: configuration.masterKey, dataDirectory: configuration.dataDirectory)
        let secrets = try SecretBox(masterKey: masterKey)
        let identity = IdentityService(store: SQLFamilyStore.identity(database), box: secrets, logger: logger)
        let clock: any HikeshiClock
        if configuration.clockStart != nil || configuration.timeScale != 1 {
            clock = ScaledClock(start: configuration.clockStart ?? Date(), scale: configuration.timeScale)
        } else {
            clock = SystemClock()
        }
        return CoreServices(database: database, postgres: postgres, identity: identity, secrets: secrets, clock: clock)
    }

    /// Applies migrations.
    public func prepare(logger: Logger) async throws {
        try await Migrator().migrate(database, logger: logger)
    }

    /// Runs `body` with the PostgreSQL pool running (for commands outside the server); plain call on SQLite.
    public func withRunningDatabase<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        guard let postgres else {
            do {
                let result = try await body()
                await database.shutdown()
                return result
            } catch {
                await database.shutdown()
                throw error
            }
        }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await postgres.run()
                return nil
            }
            defer { group.cancelAll() }
            return try await body()
        }
    }
}
