import AWSProtocol
import Foundation
import HikeshiCore
import SSMIncidentsModel
import Storage

extension IncidentsHandler {
    /// Creates the account's replication set; its regions are active at once (one store serves them all).
    public func createReplicationSet(_ input: SSMIncidents.CreateReplicationSetInput, context: AWSRequestContext) async throws
        -> SSMIncidents.CreateReplicationSetOutput
    {
        let account = context.accountID
        let now = clock.now()
        let principal = context.principalArn
        let set = Self.newReplicationSet(
            account: account, regions: input.regions.mapValues { $0.sseKmsKeyId }, principal: principal, now: now)
        let arn = set.arn
        let created: String = try await write(context.logger) { tx in
            let sets = tx.replicationSets
            if let existing = try await sets.set(accountID: account) {
                throw IncidentsError.conflict(existing.arn, type: "REPLICATION_SET", "The account has a replication set already")
            }
            try await sets.insert(set)
            try await tx.tags.set(input.tags ?? [:], on: arn, accountID: account)
            return arn
        }
        return SSMIncidents.CreateReplicationSetOutput(arn: created)
    }

    /// Returns the replication set.
    public func getReplicationSet(_ input: SSMIncidents.GetReplicationSetInput, context: AWSRequestContext) async throws
        -> SSMIncidents.GetReplicationSetOutput
    {
        let account = context.accountID
        let record = try await read(context.logger) { tx in try await tx.replicationSets.set(accountID: account) }
        guard let record, record.arn == input.arn else { throw IncidentsError.notFound(input.arn, type: "REPLICATION_SET") }
        return SSMIncidents.GetReplicationSetOutput(replicationSet: record.wire)
    }

    /// Lists the replication set's ARN (an account has at most one).
    public func listReplicationSets(_ input: SSMIncidents.ListReplicationSetsInput, context: AWSRequestContext) async throws
        -> SSMIncidents.ListReplicationSetsOutput
    {
        _ = try PaginationToken.decode(input.nextToken, scope: "ListReplicationSets", field: "nextToken")
        let account = context.accountID
        let record = try await read(context.logger) { tx in try await tx.replicationSets.set(accountID: account) }
        return SSMIncidents.ListReplicationSetsOutput(nextToken: nil, replicationSetArns: record.map { [$0.arn] } ?? [])
    }

    /// Adds or removes regions; the last region cannot be removed.
    public func updateReplicationSet(_ input: SSMIncidents.UpdateReplicationSetInput, context: AWSRequestContext) async throws
        -> SSMIncidents.UpdateReplicationSetOutput
    {
        let now = clock.now()
        let principal = context.principalArn
        try await changeReplicationSet(input.arn, context: context) { set in
            for (index, action) in input.actions.enumerated() {
                switch action {
                case .addRegionAction(let add):
                    guard set.regions[add.regionName] == nil else {
                        throw IncidentsError.invalid(
                            "actions.\(index + 1).member.addRegionAction.regionName", "\(add.regionName) is in the set already")
                    }
                    set.regions[add.regionName] = ReplicationRegion(kmsKeyID: add.sseKmsKeyId, status: .active, statusUpdatedAt: now)
                case .deleteRegionAction(let delete):
                    guard set.regions[delete.regionName] != nil else {
                        throw IncidentsError.invalid(
                            "actions.\(index + 1).member.deleteRegionAction.regionName", "\(delete.regionName) is not in the set")
                    }
                    guard set.regions.count > 1 else {
                        throw IncidentsError.invalid(
                            "actions.\(index + 1).member.deleteRegionAction.regionName",
                            "The last region of a replication set cannot be removed; delete the set instead"
                        )
                    }
                    set.regions[delete.regionName] = nil
                }
            }
            set.touch(by: principal, at: now)
        }
        return SSMIncidents.UpdateReplicationSetOutput()
    }

    /// Turns deletion protection on or off.
    public func updateDeletionProtection(_ input: SSMIncidents.UpdateDeletionProtectionInput, context: AWSRequestContext) async throws
        -> SSMIncidents.UpdateDeletionProtectionOutput
    {
        let now = clock.now()
        let principal = context.principalArn
        try await changeReplicationSet(input.arn, context: context) { set in
            set.deletionProtected = input.deletionProtected
            set.touch(by: principal, at: now)
        }
        return SSMIncidents.UpdateDeletionProtectionOutput()
    }

    /// Deletes the replication set unless deletion protection is on.
    public func deleteReplicationSet(_ input: SSMIncidents.DeleteReplicationSetInput, context: AWSRequestContext) async throws
        -> SSMIncidents.DeleteReplicationSetOutput
    {
        let account = context.accountID
        try await write(context.logger) { tx in
            let sets = tx.replicationSets
            guard let set = try await sets.set(accountID: account), set.arn == input.arn else {
                throw IncidentsError.notFound(input.arn, type: "REPLICATION_SET")
            }
            guard !set.deletionProtected else {
                throw IncidentsError.invalid("arn", "Deletion protection is on; turn it off with UpdateDeletionProtection first")
            }
            try await sets.delete(arn: set.arn, accountID: account)
            try await tx.tags.removeAll(from: set.arn, accountID: account)
        }
        return SSMIncidents.DeleteReplicationSetOutput()
    }

    /// A new replication set of the account whose regions (with their KMS keys) are active at once.
    static func newReplicationSet(account: String, regions: [String: String?], principal: String, now: Date) -> ReplicationSet {
        ReplicationSet(
            arn: arn(account: account, "replication-set/\(UUID().uuidString.lowercased())"),
            accountID: account,
            regions: regions.mapValues { ReplicationRegion(kmsKeyID: $0, status: .active, statusUpdatedAt: now) },
            deletionProtected: false,
            createdBy: principal,
            createdAt: now,
            lastModifiedBy: principal,
            lastModifiedAt: now
        )
    }

    private func changeReplicationSet(
        _ arn: String,
        context: AWSRequestContext,
        _ change: @escaping @Sendable (inout ReplicationSet) throws -> Void
    ) async throws {
        let account = context.accountID
        try await write(context.logger) { tx in
            let sets = tx.replicationSets
            guard var set = try await sets.set(accountID: account), set.arn == arn else {
                throw IncidentsError.notFound(arn, type: "REPLICATION_SET")
            }
            try change(&set)
            try await sets.update(set)
        }
    }
}
