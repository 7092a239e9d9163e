import App
import ArgumentParser
import Foundation
import Migration

/// `hikeshi migrate`: brings an Incident Manager set-up over — from AWS, another Hikeshi, or an export's JSON files —
/// into an account of this server's database, object by object; safe to run again.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy contacts, rotations, escalation plans, response plans, runbooks and incidents from Incident Manager.",
        discussion: """
            Reads the source's ssm-contacts, ssm-incidents and ssm APIs (read operations only) and writes into this server's \
            database (--data-dir or --database-url; the server may keep running). Running it again updates what changed at \
            the source and duplicates nothing. Channels arrive not activated unless --trust-channels; the report lists them.

            Exit status: 0 everything migrated; 1 the source could not be read or an object failed (the report says which).

            Example: hikeshi migrate --from-endpoint aws --region us-east-1 --profile old-account --dry-run
            """
    )

    @Option(
        name: .customLong("from-endpoint"),
        help: "The source: an endpoint URL serving ssm-contacts, ssm-incidents and ssm (another Hikeshi), or `aws` for AWS's regional endpoints.")
    var fromEndpoint: String?

    @Option(name: .customLong("from-export"), help: "A JSON file or directory of an Incident Manager export (repeatable).")
    var fromExport: [String] = []

    @Option(help: "The region read at the source and written here.")
    var region: String

    @Option(help: "The source's credentials profile (default: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, else AWS_PROFILE or default).")
    var profile: String?

    @Option(name: .customLong("account-id"), help: "The account to write into (default: the administrator's, from <data-dir>/credentials).")
    var accountID: String?

    @Flag(name: .customLong("dry-run"), help: "Print what would be created, changed and skipped; write nothing.")
    var dryRun = false

    @Flag(name: .customLong("trust-channels"), help: "Keep channels activated at the source activated here (no new activation codes).")
    var trustChannels = false

    @Flag(name: .customLong("no-incidents"), help: "Leave incident history out.")
    var noIncidents = false

    @Option(help: "The report's format: table or json.")
    var output: ReportFormat = .table

    @OptionGroup var storage: StorageOptions

    /// How the report is printed.
    enum ReportFormat: String, ExpressibleByArgument {
        case table, json
    }

    func validate() throws {
        if fromEndpoint == nil && fromExport.isEmpty {
            throw ValidationError("name the source: --from-endpoint URL (or `aws`) and/or --from-export PATH")
        }
    }

    func run() async throws {
        let endpoint: URL??
        switch fromEndpoint {
        case nil: endpoint = .none
        case "aws": endpoint = .some(nil)
        case let text?:
            guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw Self.fail("--from-endpoint must be an http or https URL, or `aws`")
            }
            endpoint = .some(url)
        }
        let snapshot: MigrationSnapshot
        do {
            snapshot = try await AdminCommands.readMigrationSource(
                MigrationSource(
                    endpoint: endpoint, exports: fromExport.map { URL(fileURLWithPath: $0) }, region: region, profile: profile,
                    includeIncidents: !noIncidents))
        } catch {
            throw Self.fail(error.description)
        }
        let report = try await AdminCommands.migrate(
            try await storage.configuration(), accountID: accountID, region: region, snapshot: snapshot,
            options: MigrationOptions(dryRun: dryRun, trustChannels: trustChannels))
        print(output == .json ? report.json() : report.table())
        if report.hasFailures {
            throw ExitCode(1)
        }
    }

    /// Prints `message` and ends the command with status 1.
    private static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("hikeshi migrate: \(message)\n".utf8))
        return ExitCode(1)
    }
}
