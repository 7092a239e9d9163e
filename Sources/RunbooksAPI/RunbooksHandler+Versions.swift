import AWSProtocol
import Foundation
import HikeshiCore
import SSMModel
import Storage

extension RunbooksHandler {
    /// Adds a version with new content. Only the latest version may be updated; content identical to it is
    /// `DuplicateDocumentContent`; a version name is used once per document. The default version stays as it is.
    public func updateDocument(_ input: SSM.UpdateDocumentRequest, context: AWSRequestContext) async throws -> SSM.UpdateDocumentResult {
        let now = clock.now()
        let arn = Self.arn(input.name, context: context)
        let requestedFormat = try input.documentFormat.map { try Self.format($0) }
        let (document, version, tags) = try await write(context.logger) { tx in
            // Locked until commit (PostgreSQL), so updates, deletes and default moves of one document take turns.
            var document = try await resolver.owned(input.name, context: context, in: tx, forUpdate: tx.locksRows)
            if let asked = try DocumentResolver.versionNumber(input.documentVersion, of: document), asked != document.latestVersion {
                throw RunbooksError.invalidVersion(
                    "Version provided for document \(input.name) is not latest. Please provide the latest version to update document \(input.name)")
            }
            guard
                let latest = try await tx.documents.version(
                    of: document.name, accountID: context.accountID, region: context.region, number: document.latestVersion, versionName: nil)
            else {
                throw StorageError(.corrupt, "document \(document.name) has no version \(document.latestVersion)")
            }
            let format = requestedFormat ?? latest.format
            if let versionName = input.versionName,
                try await tx.documents.version(
                    of: document.name, accountID: context.accountID, region: context.region, number: nil, versionName: versionName) != nil
            {
                throw RunbooksError.duplicateVersionName(versionName)
            }
            guard let number = document.nextVersion() else { throw RunbooksError.versionLimit(RunbookDocument.versionLimit) }
            let version = try Self.version(number, name: input.versionName, content: input.content, format: format, kind: document.kind, at: now)
            guard version.hash != latest.hash else { throw RunbooksError.duplicateContent(document.name) }
            if let displayName = input.displayName { document.displayName = displayName }
            if let targetType = input.targetType { document.targetType = targetType }
            try await tx.documents.insert(version, of: document.name, accountID: context.accountID, region: context.region)
            try await tx.documents.update(document)
            return (document, version, try await tx.tags.tags(of: arn, accountID: context.accountID))
        }
        context.logger.info("document updated", metadata: ["document.name": .string(input.name), "document.version": "\(version.version)"])
        return SSM.UpdateDocumentResult(documentDescription: document.description(of: version, owner: .account(context.accountID), tags: tags))
    }

    /// Makes an existing version the one used when a caller names none.
    public func updateDocumentDefaultVersion(_ input: SSM.UpdateDocumentDefaultVersionRequest, context: AWSRequestContext) async throws
        -> SSM.UpdateDocumentDefaultVersionResult
    {
        let (document, version) = try await write(context.logger) { tx in
            var document = try await resolver.owned(input.name, context: context, in: tx, forUpdate: tx.locksRows)
            guard
                let number = try DocumentResolver.versionNumber(input.documentVersion, of: document),
                let version = try await tx.documents.version(
                    of: document.name, accountID: context.accountID, region: context.region, number: number, versionName: nil)
            else {
                throw RunbooksError.invalidVersion("The document version is not valid or does not exist.")
            }
            document.makeDefault(version.version)
            try await tx.documents.update(document)
            return (document, version)
        }
        return SSM.UpdateDocumentDefaultVersionResult(
            description: SSM.DocumentDefaultVersionDescription(
                name: document.name, defaultVersion: String(version.version), defaultVersionName: version.versionName))
    }

    /// Lists a document's versions, oldest first, marking the default.
    public func listDocumentVersions(_ input: SSM.ListDocumentVersionsRequest, context: AWSRequestContext) async throws
        -> SSM.ListDocumentVersionsResult
    {
        let scope = "ListDocumentVersions:\(input.name)"
        let cursor = try Self.cursor(input.nextToken, scope: scope).map { text -> Int in
            guard let number = Int(text) else { throw RunbooksError.invalidNextToken }
            return number
        }
        let limit = PaginationToken.pageSize(input.maxResults, default: 50, maximum: 50)
        let (document, page) = try await read(context.logger) { tx in
            let located = try await resolver.locate(input.name, context: context, in: tx)
            let document = located.document
            switch located.owner {
            case .builtIn:
                let versions = [BuiltInCatalog.version(of: located, number: nil, versionName: nil)].compactMap { $0 }
                return (document, ListPage(items: versions.filter { $0.version > cursor ?? 0 }, nextCursor: nil))
            case .account(let owner):
                var page = try await tx.documents.versions(
                    of: document.name, accountID: owner, region: context.region, after: cursor, limit: limit)
                if let share = located.share {
                    // A reader sees only the versions its grant gives.
                    page.items.removeAll {
                        !share.version.allows($0.version, defaultVersion: document.defaultVersion, latestVersion: document.latestVersion)
                    }
                }
                return (document, page)
            }
        }
        return SSM.ListDocumentVersionsResult(
            documentVersions: page.items.map { version in
                SSM.DocumentVersionInfo(
                    name: document.name,
                    displayName: document.displayName,
                    documentVersion: String(version.version),
                    versionName: version.versionName,
                    createdDate: version.createdAt,
                    isDefaultVersion: version.version == document.defaultVersion,
                    documentFormat: version.format.wire,
                    status: .active
                )
            },
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: scope) }
        )
    }
}
