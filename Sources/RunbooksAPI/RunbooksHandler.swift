import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import SSMModel
import Storage

/// The `ssm` operations Hikeshi serves: documents (runbooks, post-incident analyses and their templates), kept per
/// account. Automation executions and OpsItems join as they are built (issue #10).
public struct RunbooksHandler: SSMDocumentsAPI {
    let store: any RunbooksStore
    let clock: any HikeshiClock
    /// The one way documents are found for reading.
    let resolver = DocumentResolver()

    /// The most tags a document holds.
    static let tagLimit = 50

    /// The largest document content, as AWS allows.
    static let maximumContentBytes = 64 * 1024

    /// Creates the handler.
    public init(store: any RunbooksStore, clock: any HikeshiClock) {
        self.store = store
        self.clock = clock
    }

    /// Runs `body` in a transaction, logging storage failures on `logger` (the request's).
    func write<T: Sendable>(_ logger: Logger, _ body: @Sendable (any RunbooksTransaction) async throws -> T) async throws -> T {
        try await store.write(logger: logger, body)
    }

    /// Runs `body` for reading, logging storage failures on `logger` (the request's).
    func read<T: Sendable>(_ logger: Logger, _ body: @Sendable (any RunbooksTransaction) async throws -> T) async throws -> T {
        try await store.read(logger: logger, body)
    }

    /// The cursor a `NextToken` carries; a token not handed out for this list is `InvalidNextToken`.
    static func cursor(_ token: String?, scope: String) throws -> String? {
        do {
            return try PaginationToken.decode(token, scope: scope)
        } catch {
            throw RunbooksError.invalidNextToken
        }
    }

    /// A document's ARN (what tags are kept under).
    static func arn(_ name: String, context: AWSRequestContext) -> String {
        ARN(service: "ssm", region: context.region, account: context.accountID, resource: "document/\(name)").description
    }
}
