import AWSProtocol
import Crypto
import Foundation
import HikeshiCore
import HikeshiModel
import Logging
import Storage

/// The post-incident analysis operations of the `hikeshi` API (issue #10): an analysis of a resolved incident, made
/// from a `ProblemAnalysisTemplate` and kept as a `ProblemAnalysis` SSM document of the caller's account (so `ssm
/// get-document` and `list-documents` see it); its questions answered, its action items created as OpsItems, and
/// its Markdown export. Every call is scoped to the caller's account and region.
public struct AnalysisHandler: HikeshiAnalysisAPI {
    let store: any AnalysisStore
    let clock: any HikeshiClock

    /// The template used when CreateAnalysis names none.
    static let defaultTemplate = BuiltInDocument.postIncidentAnalysisTemplateName
    /// The `Source` of action items' OpsItems.
    static let actionItemSource = "PostIncidentAnalysis"
    /// The operational-data key that holds an action item's analysis ARN (searchable).
    static let analysisDataKey = "PostIncidentAnalysis"
    /// Name prefixes kept for AWS's and Hikeshi's own documents (lowercase; matched without regard to case).
    static let reservedPrefixes = ["aws", "amazon", "amzn", "hikeshi-"]
    /// The most related items an incident holds (as ssm-incidents allows).
    static let relatedItemLimit = 1000
    /// The largest page of ListAnalyses.
    static let maximumPage = 100

    /// Creates the handler.
    public init(store: any AnalysisStore, clock: any HikeshiClock) {
        self.store = store
        self.clock = clock
    }

    /// Runs `body` in a transaction, logging storage failures on `logger` (the request's).
    func write<T: Sendable>(_ logger: Logger, _ body: @Sendable (any AnalysisTransaction) async throws -> T) async throws -> T {
        try await store.write(logger: logger, body)
    }

    /// Runs `body` for reading, logging storage failures on `logger` (the request's).
    func read<T: Sendable>(_ logger: Logger, _ body: @Sendable (any AnalysisTransaction) async throws -> T) async throws -> T {
        try await store.read(logger: logger, body)
    }

    /// The ARN of the caller's document `name`.
    static func documentArn(_ name: String, context: AWSRequestContext) -> String {
        ARN(service: "ssm", region: context.region, account: context.accountID, resource: "document/\(name)").description
    }

    /// The SHA-256 of document content, hex (as CreateDocument records it).
    static func hash(_ content: String) -> String {
        SHA256.hash(data: Data(content.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The name an analysis reference (a name, or the ARN of one of the caller's documents in this region) gives;
    /// anything else is no analysis of the caller's.
    static func analysisName(_ reference: String, context: AWSRequestContext) throws -> String {
        guard reference.hasPrefix("arn:") else { return reference }
        guard let arn = ARN(reference), arn.service == "ssm", arn.region == context.region, arn.account == context.accountID,
            arn.resource.hasPrefix("document/")
        else {
            throw AnalysisError.notFound("Analysis \(reference) not found")
        }
        return String(arn.resource.dropFirst("document/".count))
    }

    /// The caller's analysis with this name or ARN: its document (`forUpdate` locks the row on PostgreSQL), the default
    /// version and what it holds. A document that is not a `ProblemAnalysis` is not found; one whose content Hikeshi
    /// cannot read as an analysis (changed through `ssm update-document`, or written by hand) is a
    /// `ValidationException` on `Name` saying why.
    static func load(_ reference: String, context: AWSRequestContext, tx: any AnalysisTransaction, forUpdate: Bool = false) async throws
        -> LoadedAnalysis
    {
        let name = try analysisName(reference, context: context)
        guard
            let document = try await tx.documents.document(
                named: name, accountID: context.accountID, region: context.region, forUpdate: forUpdate && tx.locksRows),
            document.kind == .problemAnalysis,
            let version = try await tx.documents.version(
                of: name, accountID: context.accountID, region: context.region, number: document.defaultVersion, versionName: nil)
        else {
            throw AnalysisError.notFound("Analysis \(reference) not found")
        }
        return LoadedAnalysis(document: document, version: version, analysis: try analysis(in: version, name: name, context: context))
    }

    /// What a version of an analysis document holds.
    static func analysis(in version: RunbookDocumentVersion, name: String, context: AWSRequestContext) throws -> PostIncidentAnalysis {
        guard version.format == .json else {
            throw AnalysisError.invalid(
                "Name", "Version \(version.version) of \(name) is written in \(version.format.rawValue); analyses Hikeshi reads are JSON")
        }
        do throws(AnalysisRuleError) {
            return try PostIncidentAnalysis.read(content: version.content, name: name, accountID: context.accountID, region: context.region)
        } catch {
            throw AnalysisError.invalid("Name", "Version \(version.version) of \(name) is not an analysis Hikeshi can read: \(error.message)")
        }
    }

    /// Saves a changed analysis as a new version of its document, made the default (so `ssm get-document` shows it);
    /// returns the version's number.
    static func save(_ analysis: PostIncidentAnalysis, document: RunbookDocument, at now: Date, field: String, tx: any AnalysisTransaction)
        async throws -> Int
    {
        var document = document
        guard let number = document.nextVersion() else {
            throw AnalysisError.conflict("\(document.name) has \(RunbookDocument.versionLimit) versions, the most a document keeps")
        }
        document.makeDefault(number)
        let content: String
        do throws(AnalysisRuleError) {
            content = try analysis.content()
        } catch {
            throw AnalysisError(error, field: field)
        }
        let version = RunbookDocumentVersion(
            version: number, versionName: nil, format: .json, content: content, hash: hash(content), outline: analysis.outline, createdAt: now)
        try await tx.documents.insert(version, of: document.name, accountID: document.accountID, region: document.region)
        try await tx.documents.update(document)
        return number
    }
}

/// An analysis read for a call: its document, the version read and what it holds.
struct LoadedAnalysis: Sendable {
    /// The document.
    var document: RunbookDocument
    /// The version read (the default).
    var version: RunbookDocumentVersion
    /// What it holds.
    var analysis: PostIncidentAnalysis
}
