import AWSProtocol
import ContactsAPI
import Foundation
import HikeshiCore
import IncidentsAPI
import Logging
import RunbooksAPI
import SSMContactsModel
import SSMIncidentsModel
import SSMModel

/// Writes a ``MigrationSnapshot`` into one account, object by object, in the order references need: the replication
/// set, the runbooks plans run, people, rotations, on-call schedules, escalation plans, response plans, incidents.
///
/// Each object is written in one transaction by its family's import function, which also records where it came
/// from; an object that fails leaves nothing behind and is reported, and the run goes on (objects that refer to it
/// fail in turn, saying which reference is missing). Migrating again updates what changed at the source and leaves
/// the rest untouched. A dry run is the same run against a rehearsal of the database (``MigrationTarget`` built on
/// one), so it reports exactly what a real run would do.
public struct SetupMigrator: Sendable {
    let target: MigrationTarget
    let accountID: String
    let region: String
    let logger: Logger

    /// A migrator into `accountID`'s resources in `region`.
    public init(target: MigrationTarget, accountID: String, region: String, logger: Logger) {
        self.target = target
        self.accountID = accountID
        self.region = region
        self.logger = logger
    }

    /// Migrates everything in `snapshot`; `options` decide how channels come over and label the report.
    public func run(_ snapshot: MigrationSnapshot, options: MigrationOptions) async -> MigrationReport {
        var report = MigrationReport(accountID: accountID, region: region, dryRun: options.dryRun)
        report.warnings = snapshot.warnings
        if let set = snapshot.replicationSet {
            await step(&report, .replicationSet, source: set.arn, name: set.regions.joined(separator: ","), item: set) { fingerprint, context in
                try await target.incidents.importReplicationSet(sourceArn: set.arn, regions: set.regions, fingerprint: fingerprint, context: context)
            }
        }
        for document in snapshot.documents {
            await step(&report, .document, source: document.sourceArn, name: document.name, item: document) { fingerprint, context in
                var result = try await target.runbooks.importDocument(document, fingerprint: fingerprint, context: context)
                result.warnings += Self.documentWarnings(document)
                return result
            }
        }
        // People first (their plans name only their own channels), then rotations (their people), then on-call
        // schedules (their rotations), then escalation plans (all of these, and each other).
        let people = snapshot.contacts.filter { $0.contact.type == .personal }
        let schedules = snapshot.contacts.filter { $0.contact.type == .oncallSchedule }
        let plans = Self.ordered(snapshot.contacts.filter { $0.contact.type == .escalation })
        for contact in people {
            await importContact(contact, options: options, report: &report)
        }
        for rotation in snapshot.rotations {
            await step(&report, .rotation, source: rotation.rotation.rotationArn, name: rotation.rotation.name, item: rotation) {
                fingerprint, context in
                try await target.contacts.importRotation(rotation, fingerprint: fingerprint, context: context)
            }
        }
        for contact in schedules + plans {
            await importContact(contact, options: options, report: &report)
        }
        let copied = Set(snapshot.documents.map(\.name))
        for original in snapshot.responsePlans {
            let (plan, pinWarnings) = Self.unpinned(original, copied: copied)
            await step(&report, .responsePlan, source: plan.plan.arn, name: plan.plan.name, item: plan) { fingerprint, context in
                var result = try await target.incidents.importResponsePlan(plan, fingerprint: fingerprint, context: context)
                result.warnings += pinWarnings
                result.warnings += await missingDocuments(plan, copied: copied, context: context)
                return result
            }
        }
        for incident in snapshot.incidents {
            await step(&report, .incident, source: incident.record.arn, name: incident.record.title, item: incident) { fingerprint, context in
                try await target.incidents.importIncident(incident, fingerprint: fingerprint, context: context)
            }
        }
        return report
    }

    /// Imports one contact of any type.
    private func importContact(_ contact: ContactImport, options: MigrationOptions, report: inout MigrationReport) async {
        let trust = options.trustChannels
        await step(
            &report, ContactsHandler.migrationKind(contact.contact.type), source: contact.contact.contactArn, name: contact.contact.alias,
            item: contact, salt: trust ? "trust-channels" : ""
        ) { fingerprint, context in
            try await target.contacts.importContact(contact, fingerprint: fingerprint, trustChannels: trust, context: context)
        }
    }

    /// One object: its fingerprint, its import, and its line in the report (a failure is the line's error).
    private func step(
        _ report: inout MigrationReport, _ kind: MigrationKind, source: String, name: String, item: some Encodable & Sendable, salt: String = "",
        _ body: @Sendable (_ fingerprint: String, _ context: AWSRequestContext) async throws -> MigrationItemResult
    ) async {
        var entry = MigrationReport.Entry(kind: kind, source: source, name: name, target: "", outcome: .failed)
        do {
            let fingerprint = try AWSInputFingerprint.digest(item, salt: salt)
            let result = try await body(fingerprint, makeContext())
            entry.outcome = result.outcome
            entry.target = result.targetArn
            entry.warnings = result.warnings
            report.channelsToActivate += result.channelsToActivate
        } catch {
            entry.error = Self.describe(error)
            logger.warning(
                "object not migrated",
                metadata: ["migration.kind": "\(kind.rawValue)", "migration.source_arn": "\(source)", "error": "\(entry.error ?? "")"])
        }
        report.entries.append(entry)
    }

    /// A request context in the target account, for calling the handlers in-process.
    private func makeContext() -> AWSRequestContext {
        var logger = self.logger
        logger[metadataKey: "migration.account"] = "\(accountID)"
        return AWSRequestContext(
            accountID: accountID, region: region, accessKeyID: "hikeshi-migrate", requestID: UUID().uuidString.lowercased(), logger: logger,
            principalName: "hikeshi-migrate")
    }

    /// An import failure in the operator's words: the API error's code and message when it has one.
    static func describe(_ error: any Error) -> String {
        if let error = error as? any AWSErrorConvertible {
            let converted = error.awsError
            return "\(converted.code): \(converted.message)"
        }
        return String(describing: error)
    }
}

extension SetupMigrator {
    /// Escalation plans, each after the plans it names (a cycle keeps the source's order for what remains).
    static func ordered(_ plans: [ContactImport]) -> [ContactImport] {
        let arns = Set(plans.map(\.contact.contactArn))
        var done: Set<String> = []
        var result: [ContactImport] = []
        var remaining = plans
        while !remaining.isEmpty {
            let ready = remaining.filter { plan in
                referencedContacts(plan).allSatisfy { !arns.contains($0) || done.contains($0) || $0 == plan.contact.contactArn }
            }
            let next = ready.isEmpty ? remaining : ready
            result += next
            done.formUnion(next.map(\.contact.contactArn))
            let taken = Set(next.map(\.contact.contactArn))
            remaining.removeAll { taken.contains($0.contact.contactArn) }
        }
        return result
    }

    /// The contacts a contact's plan engages.
    static func referencedContacts(_ contact: ContactImport) -> [String] {
        (contact.contact.plan.stages ?? []).flatMap { $0.targets.compactMap { $0.contactTargetInfo?.contactId } }
    }

    /// A plan whose runbook pins a version of a document copied here runs the copy's default version instead: the
    /// copy holds the pinned version's content, under its own numbering.
    static func unpinned(_ plan: ResponsePlanImport, copied: Set<String>) -> (ResponsePlanImport, [String]) {
        var plan = plan
        var warnings: [String] = []
        plan.plan.actions = plan.plan.actions?.map { action in
            guard case .ssmAutomation(var automation) = action, copied.contains(automation.documentName),
                let version = automation.documentVersion, !version.hasPrefix("$")
            else { return action }
            automation.documentVersion = "$DEFAULT"
            warnings.append(
                "the runbook \(automation.documentName) was pinned to version \(version) at the source; here it runs the copy's default "
                    + "version, which holds that version's content")
            return .ssmAutomation(automation)
        }
        return (plan, warnings)
    }

    /// Runbooks a plan starts that this server does not have (AWS's own documents are not copied).
    func missingDocuments(_ plan: ResponsePlanImport, copied: Set<String>, context: AWSRequestContext) async -> [String] {
        var warnings: [String] = []
        for case .ssmAutomation(let automation) in plan.plan.actions ?? [] where !copied.contains(automation.documentName) {
            do {
                _ = try await target.runbooks.describeDocument(SSM.DescribeDocumentRequest(name: automation.documentName), context: context)
            } catch {
                warnings.append(
                    "response plan \(plan.plan.name) runs the document \(automation.documentName), which this server does not have "
                        + "(it is not the source account's own, so it was not copied); the runbook will not start until it exists here")
            }
        }
        return warnings
    }
}
