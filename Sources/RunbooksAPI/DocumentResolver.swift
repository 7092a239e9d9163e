import AWSProtocol
import Foundation
import HikeshiCore
import Storage

/// Finds the document a reader means — by name or by ARN — among its own documents, the documents other accounts
/// share with it and the built-in documents, and the version it asks for. Every read of a document goes through
/// ``resolve(_:version:versionName:context:in:)``, and so will the automation engine when it starts a runbook.
public struct DocumentResolver: Sendable {
    /// Creates a resolver.
    public init() {}

    /// The document `reference` names for the caller — a name (its own document, else a built-in one) or an ARN
    /// `arn:aws:ssm:REGION:OWNER:document/NAME` (its own, one shared with it, or a built-in one with an empty owner) —
    /// at a version: `$LATEST`, `$DEFAULT`, a number, or a version name; the default version when neither is given
    /// (for a shared document, the one its grant gives). A document the caller may not read is `InvalidDocument`; a
    /// version it does not have, or that the grant withholds, is `InvalidDocumentVersion`.
    public func resolve(
        _ reference: String, version: String?, versionName: String?, context: AWSRequestContext, in transaction: any RunbooksTransaction
    ) async throws -> ResolvedDocument {
        let located = try await locate(reference, context: context, in: transaction)
        let document = located.document
        var number = try Self.versionNumber(version, of: document)
        if number == nil, versionName == nil {
            number =
                located.share?.version.unnamed(defaultVersion: document.defaultVersion, latestVersion: document.latestVersion)
                ?? document.defaultVersion
        }
        let found: RunbookDocumentVersion?
        switch located.owner {
        case .builtIn:
            found = BuiltInCatalog.version(of: located, number: number, versionName: versionName)
        case .account(let owner):
            found = try await transaction.documents.version(
                of: document.name, accountID: owner, region: document.region, number: number, versionName: versionName)
        }
        guard let found else { throw RunbooksError.invalidVersion("The document version is not valid or does not exist.") }
        if let share = located.share,
            !share.version.allows(found.version, defaultVersion: document.defaultVersion, latestVersion: document.latestVersion)
        {
            throw RunbooksError.invalidVersion("Version \(found.version) of \(document.name) is not shared with this account.")
        }
        return ResolvedDocument(document: document, version: found, owner: located.owner, share: located.share)
    }

    /// The document `reference` names for the caller, without reading a version (see ``resolve(_:version:versionName:context:in:)``).
    func locate(_ reference: String, context: AWSRequestContext, in transaction: any RunbooksTransaction) async throws -> LocatedDocument {
        guard reference.hasPrefix("arn:") else {
            if let own = try await transaction.documents.document(named: reference, accountID: context.accountID, region: context.region) {
                return LocatedDocument(document: own, owner: .account(context.accountID), share: nil)
            }
            if let builtIn = try BuiltInCatalog.document(named: reference, region: context.region) {
                return builtIn
            }
            throw RunbooksError.invalidDocument(reference)
        }
        guard let arn = ARN(reference), arn.service == "ssm", arn.region == context.region, arn.resource.hasPrefix("document/") else {
            throw RunbooksError.invalidDocument(reference)
        }
        let name = String(arn.resource.dropFirst("document/".count))
        if arn.account.isEmpty || arn.account == DocumentOwner.builtInName {
            guard let builtIn = try BuiltInCatalog.document(named: name, region: context.region) else {
                throw RunbooksError.invalidDocument(reference)
            }
            return builtIn
        }
        guard let document = try await transaction.documents.document(named: name, accountID: arn.account, region: context.region) else {
            throw RunbooksError.invalidDocument(reference)
        }
        if arn.account == context.accountID {
            return LocatedDocument(document: document, owner: .account(context.accountID), share: nil)
        }
        guard
            let share = try await transaction.documentPermissions.share(
                of: name, accountID: arn.account, region: context.region, readableBy: context.accountID)
        else {
            throw RunbooksError.invalidDocument(reference)
        }
        return LocatedDocument(document: document, owner: .account(arn.account), share: share)
    }

    /// The caller's own document with this name, for a change; a built-in name is `InvalidDocumentOperation` (built-in
    /// documents are never changed), any other unknown name `InvalidDocument`. `forUpdate` locks its row (PostgreSQL).
    func owned(_ name: String, context: AWSRequestContext, in transaction: any RunbooksTransaction, forUpdate: Bool = false) async throws
        -> RunbookDocument
    {
        if let document = try await transaction.documents.document(
            named: name, accountID: context.accountID, region: context.region, forUpdate: forUpdate)
        {
            return document
        }
        if BuiltInDocument.named(name) != nil {
            throw RunbooksError.invalidOperation("\(name) is a built-in document: it can be read and copied, not changed")
        }
        throw RunbooksError.invalidDocument(name)
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
}

/// A document a reader may read, at one version, with its owner.
public struct ResolvedDocument: Sendable {
    /// The document.
    public var document: RunbookDocument
    /// The version asked for.
    public var version: RunbookDocumentVersion
    /// Its owner: the reader, another account that shares it, or Hikeshi (a built-in document).
    public var owner: DocumentOwner
    /// The grant the reader reads it under, when another account shares it.
    public var share: DocumentShare?
}

/// A document a reader may read, before a version is chosen.
struct LocatedDocument: Sendable {
    /// The document.
    var document: RunbookDocument
    /// Its owner.
    var owner: DocumentOwner
    /// The grant, when another account shares it.
    var share: DocumentShare?
}
