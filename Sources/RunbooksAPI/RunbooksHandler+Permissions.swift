import AWSProtocol
import Foundation
import HikeshiCore
import SSMModel
import Storage

extension RunbooksHandler {
    /// Who the caller's document is shared with, by account id (`all` after the ids), with the versions each may read.
    public func describeDocumentPermission(_ input: SSM.DescribeDocumentPermissionRequest, context: AWSRequestContext) async throws
        -> SSM.DescribeDocumentPermissionResponse
    {
        let scope = "DescribeDocumentPermission:\(input.name)"
        let after = try Self.cursor(input.nextToken, scope: scope)
        let limit = PaginationToken.pageSize(input.maxResults, default: 200, maximum: 200)
        let shares = try await read(context.logger) { tx in
            let document = try await resolver.owned(input.name, context: context, in: tx)
            return try await tx.documentPermissions.shares(of: document.name, accountID: context.accountID, region: context.region)
        }
        let remaining = shares.filter { share in after.map { share.reader.text > $0 } ?? true }
        let page = Array(remaining.prefix(limit))
        return SSM.DescribeDocumentPermissionResponse(
            accountIds: page.map(\.reader.text),
            accountSharingInfoList: page.map { SSM.AccountSharingInfo(accountId: $0.reader.text, sharedDocumentVersion: $0.version.rawValue) },
            nextToken: remaining.count > limit ? page.last.map { PaginationToken.encode($0.reader.text, scope: scope) } : nil
        )
    }

    /// Shares the caller's document with accounts (or `all`), or stops sharing it. `all` and account ids cannot be
    /// mixed in one list (`DocumentPermissionLimit`); `SharedDocumentVersion` (`$DEFAULT` unless given) applies to
    /// the accounts added.
    public func modifyDocumentPermission(_ input: SSM.ModifyDocumentPermissionRequest, context: AWSRequestContext) async throws
        -> SSM.ModifyDocumentPermissionResponse
    {
        let adding = try Self.readers(input.accountIdsToAdd, field: "AccountIdsToAdd")
        let removing = try Self.readers(input.accountIdsToRemove, field: "AccountIdsToRemove")
        let version = try input.sharedDocumentVersion.map { text in
            guard let version = SharedDocumentVersion(rawValue: text) else {
                throw AWSValidationError(field: "SharedDocumentVersion", value: text, constraint: "Member must be $DEFAULT, $LATEST or $ALL").awsError
            }
            return version
        }
        try await write(context.logger) { tx in
            let document = try await resolver.owned(input.name, context: context, in: tx, forUpdate: tx.locksRows)
            try await tx.documentPermissions.revoke(removing, name: document.name, accountID: context.accountID, region: context.region)
            try await tx.documentPermissions.grant(
                adding, version: version ?? .default, name: document.name, accountID: context.accountID, region: context.region)
        }
        context.logger.info(
            "document sharing changed",
            metadata: [
                "document.name": .string(input.name), "document.shared.added": .string(adding.map(\.text).joined(separator: ",")),
                "document.shared.removed": .string(removing.map(\.text).joined(separator: ",")),
            ])
        return SSM.ModifyDocumentPermissionResponse()
    }

    /// The readers an account id list names: 12-digit ids, or `all` alone.
    private static func readers(_ ids: [String]?, field: String) throws -> [DocumentReader] {
        var readers: [DocumentReader] = []
        for id in ids ?? [] {
            guard let reader = DocumentReader(id) else {
                throw AWSValidationError(field: field, value: id, constraint: "Member must satisfy regular expression pattern: (?i)all|[0-9]{12}")
                    .awsError
            }
            if !readers.contains(reader) { readers.append(reader) }
        }
        if readers.contains(.everyone), readers.count > 1 { throw RunbooksError.permissionLimit }
        return readers
    }
}
