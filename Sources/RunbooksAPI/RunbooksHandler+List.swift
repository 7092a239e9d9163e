import AWSProtocol
import Foundation
import HikeshiCore
import SSMModel
import Storage

extension RunbooksHandler {
    /// Lists the documents the caller may read: its own, those shared with it and the built-in ones (owner `Amazon`),
    /// built-in ones first, then the others by name and owner. Filters (`Filters`, and the older `DocumentFilterList`):
    /// `Owner` (one of `Self`, `Amazon`, `Private` — its own and those shared with it by id —, `Public` — shared with
    /// every account —, `ThirdParty`, `All`), `Name` (prefixes), `DocumentType`, `TargetType`, `PlatformTypes` and
    /// `tag:KEY` (one tag key; its own documents). Keys AND together, values OR; an unknown key is `InvalidFilterKey`.
    public func listDocuments(_ input: SSM.ListDocumentsRequest, context: AWSRequestContext) async throws -> SSM.ListDocumentsResult {
        var filter = DocumentListFilter()
        for each in input.filters ?? [] {
            try filter.add(key: each.key ?? "", values: each.values ?? [])
        }
        for each in input.documentFilterList ?? [] {
            try filter.add(key: each.key.rawValue, values: [each.value])
        }
        let position = try ListPosition(Self.cursor(input.nextToken, scope: "ListDocuments"))
        let limit = PaginationToken.pageSize(input.maxResults, default: 50, maximum: 50)
        let sources = filter.owner
        let query = DocumentListQuery(
            reader: context.accountID, region: context.region, sources: sources.stored,
            kinds: DocumentKind.allCases.filter(filter.kinds.contains), namePrefixes: filter.namePrefixes, targetTypes: filter.targetTypes,
            tag: filter.tag, ownArnPrefix: Self.arn("", context: context))

        var listed: [(RunbookDocumentListing, DocumentOwner)] = []
        var next: ListPosition?
        if sources.builtIn, filter.targetTypes.isEmpty, filter.tag == nil, !position.pastBuiltIns {
            let builtIns = BuiltInCatalog.listings(kinds: filter.kinds, namePrefixes: filter.namePrefixes, region: context.region)
                .filter { listing in position.builtInAfter.map { listing.document.name > $0 } ?? true }
            listed = builtIns.prefix(limit).map { ($0, DocumentOwner.builtIn) }
            if builtIns.count > limit, let last = listed.last {
                next = .builtIn(after: last.0.document.name)
            }
        }
        let room = limit - listed.count
        let builtInsContinue = next != nil
        let (page, tags) = try await read(context.logger) { tx in
            guard !builtInsContinue, !query.sources.isEmpty else { return ([RunbookDocumentListing](), [[String: String]]()) }
            let rows = try await tx.documents.list(query, after: position.storedAfter, limit: room + 1)
            var tags: [[String: String]] = []
            for row in rows.prefix(room) {
                tags.append(try await Self.tags(of: row.document, owner: .account(row.document.accountID), in: tx))
            }
            return (rows, tags)
        }
        if page.count > room {
            let last = room > 0 ? page[room - 1].document : nil
            next = .stored(after: last.map { ($0.name, $0.accountID) })
        }
        let identifiers =
            listed.map { Self.identifier($0.0, owner: $0.1, tags: [:]) }
            + zip(page.prefix(room), tags).map { Self.identifier($0.0, owner: .account($0.0.document.accountID), tags: $0.1) }
        return SSM.ListDocumentsResult(
            documentIdentifiers: identifiers, nextToken: next.map { PaginationToken.encode($0.token, scope: "ListDocuments") })
    }

    private static func identifier(_ listing: RunbookDocumentListing, owner: DocumentOwner, tags: [String: String]) -> SSM.DocumentIdentifier {
        let document = listing.document
        return SSM.DocumentIdentifier(
            name: document.name,
            createdDate: document.createdAt,
            displayName: document.displayName,
            owner: owner.wire,
            versionName: listing.versionName,
            platformTypes: document.kind.platformTypes,
            documentVersion: String(document.defaultVersion),
            documentType: document.kind.wire,
            schemaVersion: listing.schemaVersion,
            documentFormat: listing.format.wire,
            targetType: document.targetType,
            tags: tags.keys.sorted().map { SSM.Tag(key: $0, value: tags[$0] ?? "") }
        )
    }
}

/// Where a `ListDocuments` page starts: the built-in documents come first, then the stored ones.
enum ListPosition {
    /// At the start.
    case start
    /// Among the built-in documents, after this name.
    case builtIn(after: String)
    /// Among the stored documents, after this name and owner (at their start when nil).
    case stored(after: (name: String, accountID: String)?)

    /// The position a token's payload names; anything else is `InvalidNextToken`.
    init(_ payload: String?) throws {
        guard let payload else {
            self = .start
            return
        }
        let parts = payload.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch parts.first {
        case "b" where parts.count == 2: self = .builtIn(after: parts[1])
        case "d" where parts.count == 1: self = .stored(after: nil)
        case "d" where parts.count == 3: self = .stored(after: (parts[1], parts[2]))
        default: throw RunbooksError.invalidNextToken
        }
    }

    /// The payload of the token for this position.
    var token: String {
        switch self {
        case .start: "d"
        case .builtIn(let name): "b\n\(name)"
        case .stored(let after?): "d\n\(after.name)\n\(after.accountID)"
        case .stored(nil): "d"
        }
    }

    /// Whether the built-in documents are behind.
    var pastBuiltIns: Bool {
        if case .stored = self { return true }
        return false
    }

    /// The built-in name to continue after.
    var builtInAfter: String? {
        if case .builtIn(let name) = self { return name }
        return nil
    }

    /// The stored document to continue after.
    var storedAfter: (name: String, accountID: String)? {
        if case .stored(let after) = self { return after }
        return nil
    }
}
