import AWSProtocol
import Foundation
import HikeshiCore
import Storage

extension ContactsHandler {
    /// Runs `create` once per client token, inside the caller's transaction.
    ///
    /// A call repeated with the same token and parameters returns the first call's result (and
    /// `created` false); the same token with other parameters is a `ConflictException`.
    func idempotent(
        _ operation: String,
        token: String?,
        fingerprint: @autoclosure () throws -> String,
        account: String,
        now: Date,
        tx: any ContactsTransaction,
        create: () async throws -> String
    ) async throws -> (result: String, created: Bool) {
        try await tx.idempotency.once(
            accountID: account,
            operation: operation,
            token: token,
            requestHash: try fingerprint(),
            at: now,
            mismatch: {
                ContactsError.conflict(token ?? "", type: "IdempotencyToken", message: "The idempotency token was used with other parameters")
            },
            create: create
        )
    }

    /// Loads the caller's channel in a transaction, lets `change` modify it, and saves it.
    func updatingChannel(
        _ arn: String,
        context: AWSRequestContext,
        _ change: @Sendable (inout ContactChannel, any ContactsTransaction, Date) async throws -> Void
    ) async throws {
        let account = context.accountID
        let now = clock.now()
        try await write(context.logger) { tx in
            let channels = tx.channels
            guard var record = try await channels.channel(arn: arn, accountID: account) else {
                throw ContactsError.notFound(arn, type: "CONTACT_CHANNEL")
            }
            try await change(&record, tx, now)
            record.updatedAt = now
            try await channels.update(record)
        }
    }
}
