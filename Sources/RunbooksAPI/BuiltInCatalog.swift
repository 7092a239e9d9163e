import AWSProtocol
import Foundation
import HikeshiCore

/// The built-in documents, read once through the same content rules as every account's documents. A built-in
/// document whose content broke them would answer `InternalServerError` rather than be skipped; the conformance suite
/// creates a copy of each one as an account's document to prove none does.
enum BuiltInCatalog {
    /// A built-in document, read, or why it could not be.
    enum Entry: Sendable {
        /// Read: its one version.
        case ready(BuiltInDocument, RunbookDocumentVersion)
        /// Refused by the content rules, with the reason.
        case broken(BuiltInDocument, String)
    }

    /// Every built-in document by name.
    static let entries: [String: Entry] = Dictionary(
        uniqueKeysWithValues: BuiltInDocument.all.map { builtIn in
            do {
                let version = try RunbooksHandler.version(
                    1, name: nil, content: builtIn.content, format: .json, kind: builtIn.kind, at: BuiltInDocument.createdAt)
                return (builtIn.name, Entry.ready(builtIn, version))
            } catch {
                return (builtIn.name, Entry.broken(builtIn, String(describing: error)))
            }
        })

    /// The built-in document with this name, as seen from `region`.
    static func document(named name: String, region: String) throws -> LocatedDocument? {
        guard let entry = entries[name] else { return nil }
        switch entry {
        case .ready(let builtIn, _):
            return LocatedDocument(document: document(builtIn, region: region), owner: .builtIn, share: nil)
        case .broken(_, let reason):
            throw AWSError(code: "InternalServerError", message: "The built-in document \(name) is broken: \(reason)", status: 500)
        }
    }

    /// A built-in document's version: there is only version 1.
    static func version(of located: LocatedDocument, number: Int?, versionName: String?) -> RunbookDocumentVersion? {
        guard case .ready(_, let version)? = entries[located.document.name], versionName == nil, number == nil || number == version.version else {
            return nil
        }
        return version
    }

    /// The built-in documents of these kinds whose names start with one prefix of every group, by name.
    static func listings(kinds: Set<DocumentKind>, namePrefixes: [[String]], region: String) -> [RunbookDocumentListing] {
        entries.values.compactMap { entry -> RunbookDocumentListing? in
            guard case .ready(let builtIn, let version) = entry, kinds.contains(builtIn.kind) else { return nil }
            for group in namePrefixes where !group.isEmpty && !group.contains(where: { builtIn.name.hasPrefix($0) }) {
                return nil
            }
            return RunbookDocumentListing(
                document: document(builtIn, region: region), versionName: nil, format: version.format,
                schemaVersion: version.outline.schemaVersion)
        }.sorted { $0.document.name < $1.document.name }
    }

    private static func document(_ builtIn: BuiltInDocument, region: String) -> RunbookDocument {
        RunbookDocument(
            accountID: "", region: region, name: builtIn.name, kind: builtIn.kind, displayName: builtIn.displayName, targetType: nil,
            defaultVersion: 1, latestVersion: 1, createdAt: BuiltInDocument.createdAt)
    }
}
