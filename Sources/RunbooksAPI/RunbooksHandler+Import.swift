import AWSProtocol
import Foundation
import HikeshiCore
import SSMModel
import Storage

extension RunbooksHandler {
    /// Writes a migrated Automation document in one transaction with its mapping: created when this account has
    /// none of the name; a new default version when a document migrated before changed at the source; left alone
    /// (`skipped`, with a warning) when a document of that name was made here with other content; adopted when one
    /// made here holds the same content.
    public func importDocument(_ item: DocumentImport, fingerprint: String, context: AWSRequestContext) async throws -> MigrationItemResult {
        let arn = Self.arn(item.name, context: context)
        guard let kind = DocumentKind(item.documentType) else {
            throw RunbooksError.invalidContent(
                "Hikeshi keeps Automation, ProblemAnalysis and ProblemAnalysisTemplate documents, not \(item.documentType.rawValue)")
        }
        if let reserved = Self.reservedPrefixes.first(where: { item.name.lowercased().hasPrefix($0) }) {
            throw AWSValidationError(field: "Name", constraint: "Names starting with \(reserved) are reserved for AWS").awsError
        }
        guard item.tags.count <= Self.tagLimit else {
            throw AWSValidationError(field: "Tags", constraint: "A document holds at most \(Self.tagLimit) tags").awsError
        }
        let format = try Self.format(item.format)
        let now = clock.now()
        let account = context.accountID
        let region = context.region
        let outcome: MigrationOutcome = try await write(context.logger) { tx in
            let previous = try await tx.migrations.mapping(source: item.sourceArn, accountID: account)
            let existing = try await tx.documents.document(named: item.name, accountID: account, region: region, forUpdate: tx.locksRows)
            let outcome: MigrationOutcome
            if var document = existing {
                if previous?.fingerprint == fingerprint {
                    return .unchanged
                }
                guard
                    let latest = try await tx.documents.version(
                        of: item.name, accountID: account, region: region, number: document.latestVersion, versionName: nil)
                else {
                    throw StorageError(.corrupt, "document \(item.name) has no version \(document.latestVersion)")
                }
                let candidate = try Self.version(
                    document.latestVersion, name: nil, content: item.content, format: format, kind: document.kind, at: now)
                if candidate.hash == latest.hash {
                    if document.defaultVersion != latest.version {
                        document.makeDefault(latest.version)
                        try await tx.documents.update(document)
                    }
                    outcome = previous == nil ? .unchanged : .updated
                } else if previous == nil {
                    return .skipped
                } else {
                    guard let number = document.nextVersion() else { throw RunbooksError.versionLimit(RunbookDocument.versionLimit) }
                    let version = try Self.version(number, name: nil, content: item.content, format: format, kind: document.kind, at: now)
                    document.makeDefault(number)
                    try await tx.documents.insert(version, of: item.name, accountID: account, region: region)
                    try await tx.documents.update(document)
                    outcome = .updated
                }
            } else {
                let version = try Self.version(1, name: item.versionName, content: item.content, format: format, kind: kind, at: now)
                let document = RunbookDocument(
                    accountID: account, region: region, name: item.name, kind: kind, displayName: nil, targetType: nil, defaultVersion: 1,
                    latestVersion: 1, createdAt: now)
                try await tx.documents.insert(document, first: version)
                outcome = .created
            }
            try await tx.tags.set(item.tags, on: arn, accountID: account)
            try await tx.migrations.put(
                MigrationMapping(
                    accountID: account, sourceArn: item.sourceArn, kind: .document, targetArn: arn, fingerprint: fingerprint, migratedAt: now))
            return outcome
        }
        context.logger.info(
            "document migrated",
            metadata: [
                "migration.source_arn": .string(item.sourceArn), "document.name": .string(item.name), "migration.outcome": .string(outcome.rawValue),
            ])
        if outcome == .skipped {
            return MigrationItemResult(
                outcome: .skipped, targetArn: arn,
                warnings: [
                    "a document named \(item.name) already exists here with other content and was not migrated; rename or delete it, then migrate again"
                ])
        }
        return MigrationItemResult(outcome: outcome, targetArn: arn)
    }
}
