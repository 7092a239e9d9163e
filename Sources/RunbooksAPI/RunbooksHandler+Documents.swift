import AWSProtocol
import Crypto
import Foundation
import HikeshiCore
import SSMModel
import Storage

extension RunbooksHandler {
    /// Name prefixes AWS keeps for its own documents.
    static let reservedPrefixes = ["aws", "amazon", "amzn"]

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
        return SSM.CreateDocumentResult(documentDescription: document.description(of: version, tags: tags))
    }

    /// Returns a version's content, converted to the format asked for.
    public func getDocument(_ input: SSM.GetDocumentRequest, context: AWSRequestContext) async throws -> SSM.GetDocumentResult {
        let (document, version, _) = try await load(input.name, version: input.documentVersion, versionName: input.versionName, context: context)
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

    /// Describes a version: parameters and description read from its content.
    public func describeDocument(_ input: SSM.DescribeDocumentRequest, context: AWSRequestContext) async throws -> SSM.DescribeDocumentResult {
        let (document, version, tags) = try await load(input.name, version: input.documentVersion, versionName: input.versionName, context: context)
        return SSM.DescribeDocumentResult(document: document.description(of: version, tags: tags))
    }

    /// Deletes a whole document, or one version of it (neither its default nor its latest version).
    public func deleteDocument(_ input: SSM.DeleteDocumentRequest, context: AWSRequestContext) async throws -> SSM.DeleteDocumentResult {
        let arn = Self.arn(input.name, context: context)
        try await write(context.logger) { tx in
            guard
                let document = try await tx.documents.document(
                    named: input.name, accountID: context.accountID, region: context.region, forUpdate: tx.locksRows)
            else {
                throw RunbooksError.invalidDocument(input.name)
            }
            guard input.documentVersion != nil || input.versionName != nil else {
                try await tx.documents.delete(name: document.name, accountID: context.accountID, region: context.region, version: nil)
                try await tx.tags.removeAll(from: arn, accountID: context.accountID)
                return
            }
            let number = try Self.versionNumber(input.documentVersion, of: document)
            guard
                let version = try await tx.documents.version(
                    of: document.name, accountID: context.accountID, region: context.region, number: number, versionName: input.versionName)
            else {
                throw RunbooksError.invalidVersion("The document version is not valid or does not exist.")
            }
            guard version.version != document.defaultVersion else {
                throw RunbooksError.invalidOperation(
                    "Version \(version.version) is the default version of \(document.name); delete the document instead")
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

    /// Lists the caller's documents by name. Filters: `Owner` (`Self` and `Private` are the caller's own; Hikeshi
    /// keeps no public or Amazon documents yet), `Name` (a prefix), `DocumentType`; keys AND, values OR.
    public func listDocuments(_ input: SSM.ListDocumentsRequest, context: AWSRequestContext) async throws -> SSM.ListDocumentsResult {
        var kinds = Set(DocumentKind.allCases)
        var prefixes: [String]?
        var ownerMatches = true
        for filter in input.filters ?? [] {
            let values = filter.values ?? []
            switch filter.key {
            case "Owner":
                ownerMatches = ownerMatches && values.contains { $0 == "Self" || $0 == "Private" }
            case "Name":
                prefixes = values
            case "DocumentType":
                kinds.formIntersection(values.compactMap { SSM.DocumentType(rawValue: $0).flatMap(DocumentKind.init) })
            case let key?:
                throw RunbooksError.invalidFilterKey(key)
            case nil:
                throw RunbooksError.invalidFilterKey("")
            }
        }
        for filter in input.documentFilterList ?? [] {
            switch filter.key {
            case .owner: ownerMatches = ownerMatches && (filter.value == "Self" || filter.value == "Private")
            case .name: prefixes = [filter.value]
            case .documentType: kinds.formIntersection([SSM.DocumentType(rawValue: filter.value).flatMap(DocumentKind.init)].compactMap { $0 })
            case .platformTypes: throw RunbooksError.invalidFilterKey(filter.key.rawValue)
            }
        }
        let cursor = try Self.cursor(input.nextToken, scope: "ListDocuments")
        let limit = PaginationToken.pageSize(input.maxResults, default: 50, maximum: 50)
        guard ownerMatches, !kinds.isEmpty else { return SSM.ListDocumentsResult(documentIdentifiers: [], nextToken: nil) }
        let ordered = DocumentKind.allCases.filter(kinds.contains)
        let namePrefixes = prefixes ?? []
        let page = try await read(context.logger) { tx in
            try await tx.documents.list(
                accountID: context.accountID, region: context.region, kinds: ordered, namePrefixes: namePrefixes, after: cursor, limit: limit)
        }
        return SSM.ListDocumentsResult(
            documentIdentifiers: page.items.map { document in
                SSM.DocumentIdentifier(
                    name: document.name,
                    createdDate: document.createdAt,
                    displayName: document.displayName,
                    owner: document.accountID,
                    documentVersion: String(document.defaultVersion),
                    documentType: document.kind.wire,
                    targetType: document.targetType
                )
            },
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: "ListDocuments") }
        )
    }

    /// A document of the caller's, with the version asked for (the default when none is named) and its tags.
    func load(_ name: String, version: String?, versionName: String?, context: AWSRequestContext) async throws
        -> (RunbookDocument, RunbookDocumentVersion, [String: String])
    {
        let arn = Self.arn(name, context: context)
        return try await read(context.logger) { tx in
            guard let document = try await tx.documents.document(named: name, accountID: context.accountID, region: context.region) else {
                throw RunbooksError.invalidDocument(name)
            }
            var number = try Self.versionNumber(version, of: document)
            if number == nil, versionName == nil { number = document.defaultVersion }
            guard
                let found = try await tx.documents.version(
                    of: name, accountID: context.accountID, region: context.region, number: number, versionName: versionName)
            else {
                throw RunbooksError.invalidVersion("The document version is not valid or does not exist.")
            }
            return (document, found, try await tx.tags.tags(of: arn, accountID: context.accountID))
        }
    }

    /// The version number a `DocumentVersion` names: a number, `$LATEST` or `$DEFAULT`; nil when none is given.
    static func versionNumber(_ version: String?, of document: RunbookDocument) throws -> Int? {
        switch version {
        case nil: return nil
        case "$LATEST": return document.latestVersion
        case "$DEFAULT": return document.defaultVersion
        case let text?:
            guard let number = Int(text), number > 0 else { throw RunbooksError.invalidVersion("The document version \(text) is not valid.") }
            return number
        }
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
