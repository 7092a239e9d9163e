import AWSProtocol
import Crypto
import Foundation
import HikeshiCore
import SSMModel
import Storage

extension RunbooksHandler {
    /// Name prefixes kept for AWS's documents and Hikeshi's built-in ones (lowercase; matched without regard to case).
    static let reservedPrefixes = ["aws", "amazon", "amzn", "hikeshi-"]

    /// Creates a document (version 1) after reading and checking its content.
    public func createDocument(_ input: SSM.CreateDocumentRequest, context: AWSRequestContext) async throws -> SSM.CreateDocumentResult {
        if let reserved = Self.reservedPrefixes.first(where: { input.name.lowercased().hasPrefix($0) }) {
            throw AWSValidationError(field: "Name", constraint: "Names starting with \(reserved) are reserved for AWS").awsError
        }
        let requestedType = input.documentType ?? .command
        guard let kind = DocumentKind(requestedType) else {
            throw RunbooksError.invalidContent(
                "Hikeshi keeps Automation, ProblemAnalysis and ProblemAnalysisTemplate documents, not \(requestedType.rawValue)")
        }
        let format = try Self.format(input.documentFormat)
        let now = clock.now()
        let version = try Self.version(1, name: input.versionName, content: input.content, format: format, kind: kind, at: now)
        let document = RunbookDocument(
            accountID: context.accountID, region: context.region, name: input.name, kind: kind, displayName: input.displayName,
            targetType: input.targetType, defaultVersion: 1, latestVersion: 1, createdAt: now)
        let tags = Dictionary((input.tags ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        guard tags.count <= Self.tagLimit else {
            throw AWSValidationError(field: "Tags", constraint: "A document holds at most \(Self.tagLimit) tags").awsError
        }
        let arn = Self.arn(input.name, context: context)
        do {
            try await write(context.logger) { tx in
                guard try await tx.documents.document(named: input.name, accountID: context.accountID, region: context.region) == nil else {
                    throw RunbooksError.alreadyExists(input.name)
                }
                try await tx.documents.insert(document, first: version)
                try await tx.tags.set(tags, on: arn, accountID: context.accountID)
            }
        } catch let error as StorageError where error.kind == .conflict {
            // A concurrent create of the same name committed first.
            throw RunbooksError.alreadyExists(input.name)
        }
        context.logger.info("document created", metadata: ["document.name": .string(input.name), "document.kind": .string(kind.rawValue)])
        return SSM.CreateDocumentResult(documentDescription: document.description(of: version, owner: .account(context.accountID), tags: tags))
    }

    /// Returns a version's content, converted to the format asked for: of the caller's document, one shared with it
    /// (by ARN) or a built-in one.
    public func getDocument(_ input: SSM.GetDocumentRequest, context: AWSRequestContext) async throws -> SSM.GetDocumentResult {
        let resolved = try await read(context.logger) { tx in
            try await resolver.resolve(input.name, version: input.documentVersion, versionName: input.versionName, context: context, in: tx)
        }
        let (document, version) = (resolved.document, resolved.version)
        let format = try input.documentFormat.map { try Self.format($0) } ?? version.format
        return SSM.GetDocumentResult(
            name: document.name,
            createdDate: version.createdAt,
            displayName: document.displayName,
            versionName: version.versionName,
            documentVersion: String(version.version),
            status: .active,
            content: try DocumentText.render(version.content, from: version.format, as: format),
            documentType: document.kind.wire,
            documentFormat: format.wire
        )
    }

    /// Describes a version: parameters and description read from its content, and the owner's tags.
    public func describeDocument(_ input: SSM.DescribeDocumentRequest, context: AWSRequestContext) async throws -> SSM.DescribeDocumentResult {
        let (resolved, tags) = try await read(context.logger) { tx in
            let resolved = try await resolver.resolve(
                input.name, version: input.documentVersion, versionName: input.versionName, context: context, in: tx)
            return (resolved, try await Self.tags(of: resolved.document, owner: resolved.owner, in: tx))
        }
        return SSM.DescribeDocumentResult(document: resolved.document.description(of: resolved.version, owner: resolved.owner, tags: tags))
    }

    /// The tags of a document, which its owner keeps (built-in documents have none).
    static func tags(of document: RunbookDocument, owner: DocumentOwner, in tx: any RunbooksTransaction) async throws -> [String: String] {
        switch owner {
        case .builtIn:
            return [:]
        case .account(let account):
            let arn = ARN(service: "ssm", region: document.region, account: account, resource: "document/\(document.name)").description
            return try await tx.tags.tags(of: arn, accountID: account)
        }
    }

    /// Deletes a whole document, or one version of it (neither its default nor its latest version).
    public func deleteDocument(_ input: SSM.DeleteDocumentRequest, context: AWSRequestContext) async throws -> SSM.DeleteDocumentResult {
        let arn = Self.arn(input.name, context: context)
        try await write(context.logger) { tx in
            let document = try await resolver.owned(input.name, context: context, in: tx, forUpdate: tx.locksRows)
            guard input.documentVersion != nil || input.versionName != nil else {
                guard try await tx.documentPermissions.shares(of: document.name, accountID: context.accountID, region: context.region).isEmpty else {
                    throw RunbooksError.invalidOperation(
                        "\(document.name) is shared with other accounts; stop sharing it (ModifyDocumentPermission) before deleting it")
                }
                try await tx.documents.delete(name: document.name, accountID: context.accountID, region: context.region, version: nil)
                try await tx.tags.removeAll(from: arn, accountID: context.accountID)
                return
            }
            let number = try DocumentResolver.versionNumber(input.documentVersion, of: document)
            guard
                let version = try await tx.documents.version(
                    of: document.name, accountID: context.accountID, region: context.region, number: number, versionName: input.versionName)
            else {
                throw RunbooksError.invalidVersion("The document version is not valid or does not exist.")
            }
            guard version.version != document.defaultVersion else {
                throw RunbooksError.invalidOperation("Default version of the document can't be deleted.")
            }
            // Version numbers are never reused, so the latest stays until a newer one exists.
            guard version.version != document.latestVersion else {
                throw RunbooksError.invalidOperation(
                    "Version \(version.version) is the latest version of \(document.name); delete the document instead")
            }
            try await tx.documents.delete(name: document.name, accountID: context.accountID, region: context.region, version: version.version)
        }
        return SSM.DeleteDocumentResult()
    }

    /// A wire format as the domain's; TEXT is not a format these kinds can be written in.
    static func format(_ format: SSM.DocumentFormat?) throws -> DocumentContentFormat {
        guard let format else { return .json }
        guard let known = DocumentContentFormat(format) else {
            throw RunbooksError.invalidContent("Automation and analysis documents are written in JSON or YAML, not TEXT")
        }
        return known
    }

    /// A new version from content: size-checked, parsed, and read by the content rules.
    static func version(_ number: Int, name: String?, content: String, format: DocumentContentFormat, kind: DocumentKind, at now: Date) throws
        -> RunbookDocumentVersion
    {
        guard content.utf8.count <= maximumContentBytes else { throw RunbooksError.tooLarge(maximumContentBytes) }
        let value = try DocumentText.parse(content, format: format)
        let outline: DocumentOutline
        do {
            outline = try DocumentOutline.read(value, kind: kind)
        } catch {
            throw RunbooksError(error)
        }
        let hash = SHA256.hash(data: Data(content.utf8)).map { String(format: "%02x", $0) }.joined()
        return RunbookDocumentVersion(
            version: number, versionName: name, format: format, content: content, hash: hash, outline: outline, createdAt: now)
    }
}
