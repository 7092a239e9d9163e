import AWSClient
import AsyncHTTPClient
import ContactsAPI
import Foundation
import HikeshiCore
import IncidentsAPI
import Migration
import RunbooksAPI
import Storage

/// Where `hikeshi migrate` reads: an endpoint (`nil` URL: AWS's regional endpoints) and export files.
public struct MigrationSource: Sendable {
    /// The endpoint: `nil` for none, `.some(nil)` for AWS's regional endpoints, or a server's URL.
    public var endpoint: URL??
    /// Export files or directories.
    public var exports: [URL]
    /// The region read.
    public var region: String
    /// The credentials profile (else the environment's, as the AWS CLI finds them).
    public var profile: String?
    /// Whether incident history is read.
    public var includeIncidents: Bool

    /// A source.
    public init(endpoint: URL??, exports: [URL], region: String, profile: String?, includeIncidents: Bool) {
        self.endpoint = endpoint
        self.exports = exports
        self.region = region
        self.profile = profile
        self.includeIncidents = includeIncidents
    }
}

extension AdminCommands {
    /// Reads a source's set-up (the endpoint's, then the export files' incidents) before anything is written.
    public static func readMigrationSource(_ source: MigrationSource) async throws(MigrationError) -> MigrationSnapshot {
        var snapshot = MigrationSnapshot()
        if case .some(let endpoint) = source.endpoint {
            let credentials: AWSCredentials
            do {
                credentials = try AWSCredentials.resolve(
                    profile: source.profile, environment: ProcessInfo.processInfo.environment, homeDirectory: NSHomeDirectory())
            } catch {
                throw MigrationError(.credentials, "no credentials for the source: \(error)")
            }
            // One connection attempt per call (a refused connection is reported at once and retried with back-off).
            var settings = HTTPClient.Configuration(timeout: .init(connect: .seconds(10)))
            settings.connectionPool.retryConnectionEstablishment = false
            let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: settings)
            let result: Result<MigrationSnapshot, MigrationError>
            do {
                let reader = try EndpointSource(endpoint: endpoint, region: source.region, credentials: credentials, httpClient: http, logger: logger)
                result = .success(try await reader.read(incidents: source.includeIncidents))
            } catch {
                result = .failure(error)
            }
            try? await http.shutdown()
            snapshot = try result.get()
        }
        if !source.exports.isEmpty && source.includeIncidents {
            snapshot.merge(try ExportSource(paths: source.exports).read())
        }
        return snapshot
    }

    /// Writes what `snapshot` holds into `accountID`'s resources in `region` (the account in the data directory's
    /// `credentials` file when `nil`), straight into the database, and reports what was done. A dry run makes the
    /// same calls against a rehearsal of the database, rolled back at the end.
    public static func migrate(
        _ configuration: HikeshiConfiguration, accountID: String?, region: String, snapshot: MigrationSnapshot, options: MigrationOptions
    ) async throws -> MigrationReport {
        try await withCore(configuration) { core in
            let account = try accountID ?? defaultAccount(configuration)
            guard try await core.identity.accountExists(account) else {
                throw AdminError("account \(account) does not exist here; create it with `hikeshi admin create-account` or pass --account-id")
            }
            let clock = core.clock
            let run: @Sendable (any DatabaseClient) async throws -> MigrationReport = { database in
                let target = MigrationTarget(
                    contacts: ContactsHandler(store: SQLFamilyStore.contacts(database), clock: clock, logger: logger),
                    incidents: IncidentsHandler(store: SQLFamilyStore.incidents(database), clock: clock, logger: logger),
                    runbooks: RunbooksHandler(store: SQLFamilyStore.runbooks(database), clock: clock))
                return await SetupMigrator(target: target, accountID: account, region: region, logger: logger).run(snapshot, options: options)
            }
            return options.dryRun ? try await core.database.rehearse(run) : try await run(core.database)
        }
    }

    /// The account the data directory's `credentials` file names (the administrator's, made at first start).
    static func defaultAccount(_ configuration: HikeshiConfiguration) throws -> String {
        let file = configuration.dataDirectory.appendingPathComponent("credentials")
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "hikeshi_account_id", !parts[1].isEmpty {
                return parts[1]
            }
        }
        throw AdminError("no account to migrate into: pass --account-id (no hikeshi_account_id in \(file.path))")
    }
}
