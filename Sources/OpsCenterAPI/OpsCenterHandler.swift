import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import SSMModel
import Storage

/// The OpsCenter operations of the `ssm` API (issue #10): OpsItems, their events and related items, every call scoped
/// to the caller's account and region. Incidents' parent OpsItems are ordinary OpsItems here.
public struct OpsCenterHandler: SSMOpsCenterAPI {
    let store: any OpsCenterStore
    let clock: any HikeshiClock

    /// The largest page of every OpsCenter list (MaxResults is 1–50).
    static let maximumPage = 50
    /// How many OpsItems one DescribeOpsItems call reads at most while filtering; past it the call answers what it
    /// found with a NextToken, so a filter that matches little never makes one call read a whole account.
    static let scanBudget = 5000

    /// Creates the handler.
    public init(store: any OpsCenterStore, clock: any HikeshiClock) {
        self.store = store
        self.clock = clock
    }

    /// Runs `body` in a transaction, logging storage failures on `logger` (the request's).
    func write<T: Sendable>(_ logger: Logger, _ body: @Sendable (any OpsCenterTransaction) async throws -> T) async throws -> T {
        try await store.write(logger: logger, body)
    }

    /// Runs `body` for reading, logging storage failures on `logger` (the request's).
    func read<T: Sendable>(_ logger: Logger, _ body: @Sendable (any OpsCenterTransaction) async throws -> T) async throws -> T {
        try await store.read(logger: logger, body)
    }

    /// The cursor in a `NextToken`, checked by `isCursor`; a token this server did not hand out for the list is
    /// `OpsItemInvalidParameterException` naming NextToken.
    static func cursor(_ token: String?, scope: String, isCursor: (String) -> Bool) throws -> String? {
        let cursor: String?
        do {
            cursor = try PaginationToken.decode(token, scope: scope)
        } catch {
            throw OpsCenterError.invalidParameter(["NextToken"], "The NextToken is not valid")
        }
        if let cursor, !isCursor(cursor) {
            throw OpsCenterError.invalidParameter(["NextToken"], "The NextToken is not valid")
        }
        return cursor
    }

    /// A new OpsItem id: `oi-` and 12 lowercase hex digits.
    static func newID() -> String {
        "oi-" + RandomToken.hex(bytes: 6)
    }

    /// The caller's OpsItem, or `OpsItemNotFoundException` (also for another account's item, or an ARN that is not
    /// this item's).
    static func item(_ id: String, arn: String?, context: AWSRequestContext, tx: any OpsCenterTransaction, forUpdate: Bool = false)
        async throws -> OpsItem
    {
        guard let item = try await tx.opsItems.item(id: id, accountID: context.accountID, region: context.region, forUpdate: forUpdate),
            arn == nil || arn == item.arn
        else {
            throw OpsCenterError.notFound(id)
        }
        return item
    }
}
