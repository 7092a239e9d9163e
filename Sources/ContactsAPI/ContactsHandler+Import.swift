import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import SSMContactsModel
import Storage

/// `hikeshi migrate`: writing one contact or rotation of another Incident Manager set-up into the caller's account.
///
/// Each import is one write transaction that writes the object, its children (channels, overrides), its tags and
/// policy, and the mappings from its source ARNs to the ARNs here, or nothing at all. References to other objects
/// (plan targets, rotations, rotation members) are rewritten through the mappings of objects migrated before; a
/// reference to an object that was not migrated fails the import.
extension ContactsHandler {
    /// Where an imported object goes, and whether it must be written.
    enum ImportState: Sendable {
        /// Nothing here yet (or what was migrated before has been deleted): create it at this ARN.
        case create(String)
        /// Migrated before, and the source has changed since: update the object at this ARN.
        case update(String)
        /// Migrated before, and the source is as it was then.
        case unchanged(String)
        /// Something else has this ARN: created here by hand, or migrated from another source resource.
        case occupied(String, migratedFrom: String?)
    }

    /// A source channel whose type and address passed the public API's checks.
    struct CheckedChannel: Sendable {
        let source: SSMContacts.ContactChannel
        let type: ChannelType
        let address: String
    }

    /// Writes one contact of a source set-up (with its channels, tags and policy) into the caller's account.
    ///
    /// The contact keeps its alias. Channels are created without sending an activation code; they are activated
    /// only when `trustChannels` is set and the source channel is activated, and every channel left not activated
    /// is in the result's `channelsToActivate`. `fingerprint` is a digest of `item`: a contact migrated before
    /// with the same fingerprint is left as it is. A reference to a contact or rotation that has not been migrated
    /// is a `ValidationException`, and nothing of the contact is written.
    public func importContact(
        _ item: ContactImport,
        fingerprint: String,
        trustChannels: Bool,
        context: AWSRequestContext
    ) async throws -> MigrationItemResult {
        let source = item.contact
        let now = clock.now()
        let channels = try Self.checkedImport(item)
        let notes =
            source.type == .personal && channels.isEmpty ? ["contact \(source.alias) has no channels: nobody will be paged through it"] : []
        let result = try await write(context.logger) { tx in
            let state = try await Self.importState(
                source: source.contactArn, target: Self.arn(context, "contact/\(source.alias)"), fingerprint: fingerprint, account: context.accountID,
                tx: tx
            ) { arn in
                try await tx.contacts.contact(arn: arn, accountID: context.accountID) != nil
            }
            switch state {
            case .unchanged(let arn):
                let pending = try await Self.pendingChannels(channels.map(\.source), contactArn: arn, account: context.accountID, tx: tx)
                return MigrationItemResult(outcome: .unchanged, targetArn: arn, warnings: notes, channelsToActivate: pending)
            case .occupied(let arn, let migratedFrom):
                let warning = Self.occupiedWarning("a contact with alias \(source.alias)", migratedFrom: migratedFrom)
                return MigrationItemResult(outcome: .skipped, targetArn: arn, warnings: [warning])
            case .create(let arn), .update(let arn):
                let isNew = if case .create = state { true } else { false }
                let pending = try await Self.writeContact(
                    item, channels: channels, arn: arn, isNew: isNew, fingerprint: fingerprint, trustChannels: trustChannels, now: now,
                    context: context, tx: tx)
                return MigrationItemResult(outcome: isNew ? .created : .updated, targetArn: arn, warnings: notes, channelsToActivate: pending)
            }
        }
        context.logger.info(
            "contact migrated",
            metadata: [
                "migration.source_arn": .string(source.contactArn), "contact.arn": .string(result.targetArn),
                "migration.outcome": .string(result.outcome.rawValue),
            ]
        )
        return result
    }

    /// Writes one rotation of a source set-up (with its future overrides and tags) into the caller's account.
    ///
    /// The rotation keeps its name. Overrides that have ended are left out; overrides migrated before that are no
    /// longer at the source are deleted. `fingerprint` is a digest of `item`: a rotation migrated before with the
    /// same fingerprint is left as it is. A member that has not been migrated is a `ValidationException`, and
    /// nothing of the rotation is written.
    public func importRotation(_ item: RotationImport, fingerprint: String, context: AWSRequestContext) async throws -> MigrationItemResult {
        let source = item.rotation
        let now = clock.now()
        let overrides = item.overrides.filter { $0.endTime > now }
        try Self.checkImport(item, overrides: overrides, now: now)
        let result = try await write(context.logger) { tx in
            let state = try await Self.importState(
                source: source.rotationArn, target: Self.arn(context, "rotation/\(source.name)"), fingerprint: fingerprint,
                account: context.accountID,
                tx: tx
            ) { arn in
                try await tx.rotations.rotation(arn: arn, accountID: context.accountID) != nil
            }
            switch state {
            case .unchanged(let arn):
                return MigrationItemResult(outcome: .unchanged, targetArn: arn)
            case .occupied(let arn, let migratedFrom):
                let warning = Self.occupiedWarning("a rotation named \(source.name)", migratedFrom: migratedFrom)
                return MigrationItemResult(outcome: .skipped, targetArn: arn, warnings: [warning])
            case .create(let arn), .update(let arn):
                let isNew = if case .create = state { true } else { false }
                try await Self.writeRotation(
                    item, overrides: overrides, arn: arn, isNew: isNew, fingerprint: fingerprint, now: now, context: context, tx: tx)
                return MigrationItemResult(outcome: isNew ? .created : .updated, targetArn: arn)
            }
        }
        context.logger.info(
            "rotation migrated",
            metadata: [
                "migration.source_arn": .string(source.rotationArn), "rotation.arn": .string(result.targetArn),
                "migration.outcome": .string(result.outcome.rawValue),
            ]
        )
        return result
    }

    // MARK: - Checks before the transaction

    /// The contact checked as CreateContact, PutContactPolicy and CreateContactChannel check theirs; its channels.
    static func checkedImport(_ item: ContactImport) throws -> [CheckedChannel] {
        let source = item.contact
        _ = try SSMContacts.CreateContactRequest(
            alias: source.alias, displayName: source.displayName, type: source.type, plan: source.plan, tags: item.tags.isEmpty ? nil : item.tags
        ).validated()
        try checkTagCount(item.tags.count)
        if let policy = item.policy {
            try checkPolicy(policy)
        }
        guard source.type == .personal || item.channels.isEmpty else {
            throw ContactsError.invalid("ContactId", "Only personal contacts have channels")
        }
        return try item.channels.enumerated().map { index, channel in
            guard let type = channel.type else {
                throw ContactsError.invalid("Channels[\(index)].Type", "The type of channel \(channel.contactChannelArn) is missing")
            }
            let request = try SSMContacts.CreateContactChannelRequest(
                contactId: source.contactArn, name: channel.name, type: type, deliveryAddress: channel.deliveryAddress, deferActivation: true
            ).validated()
            let address = try checkedAddress(request.deliveryAddress, type: type, field: "Channels[\(index)].DeliveryAddress.SimpleAddress")
            return CheckedChannel(source: channel, type: ChannelType(type), address: address)
        }
    }

    /// The rotation and its (future) overrides checked as CreateRotation and CreateRotationOverride check theirs.
    static func checkImport(_ item: RotationImport, overrides: [SSMContacts.RotationOverride], now: Date) throws {
        let source = item.rotation
        _ = try SSMContacts.CreateRotationRequest(
            name: source.name, contactIds: source.contactIds, startTime: source.startTime, timeZoneId: source.timeZoneId,
            recurrence: source.recurrence, tags: item.tags.isEmpty ? nil : item.tags
        ).validated()
        try checkTagCount(item.tags.count)
        for (index, override) in overrides.enumerated() {
            _ = try SSMContacts.CreateRotationOverrideRequest(
                rotationId: source.rotationArn, newContactIds: override.newContactIds, startTime: override.startTime, endTime: override.endTime
            ).validated()
            try checkOverride(start: override.startTime, end: override.endTime, now: now, field: "Overrides[\(index)].EndTime")
        }
    }

    // MARK: - Writing

    /// Creates or updates the contact at `arn` from `item`; returns its channels left to activate.
    static func writeContact(
        _ item: ContactImport,
        channels: [CheckedChannel],
        arn: String,
        isNew: Bool,
        fingerprint: String,
        trustChannels: Bool,
        now: Date,
        context: AWSRequestContext,
        tx: any ContactsTransaction
    ) async throws -> [MigrationChannel] {
        let source = item.contact
        let account = context.accountID
        let contacts = tx.contacts
        var record: Contact
        if isNew {
            // Without a plan first: a person's plan engages channels that are created next.
            record = contactRecord(
                arn: arn, alias: source.alias, displayName: source.displayName, type: source.type, plan: ContactPlan(), now: now, context: context)
            try await contacts.insert(record)
        } else {
            guard let existing = try await contacts.contact(arn: arn, accountID: account) else {
                throw ContactsError.notFound(arn, type: "CONTACT")
            }
            guard existing.type == ContactType(source.type) else {
                throw ContactsError.conflict(
                    arn, type: "CONTACT",
                    message:
                        "\(arn) is of type \(existing.type.rawValue) here but \(source.type.rawValue) at the source; delete it here, then migrate again"
                )
            }
            record = existing
        }
        let imported = try await importChannels(
            channels, of: record, fingerprint: fingerprint, trust: trustChannels, now: now, context: context, tx: tx)
        let plan = try await targetPlan(source.plan, channels: imported.targets, account: account, tx: tx)
        record.displayName = source.displayName
        record.plan = try await PlanRules.validated(plan, for: source.type, contactArn: arn, tx: tx, context: context)
        record.updatedAt = now
        try await contacts.update(record)
        try await replaceTags(item.tags, on: arn, account: account, tx: tx)
        if let policy = item.policy {
            // The contact's own ARNs (its Resource) move to this account; the principals it shares with stay.
            let sourceAccount = ARN(source.contactArn)?.account
            try await tx.policies.put(
                MigrationPolicy.rehomed(policy, service: "ssm-contacts", from: sourceAccount, to: account), on: arn, accountID: account, at: now)
        } else {
            try await tx.policies.delete(of: arn, accountID: account)
        }
        try await tx.migrations.put(
            MigrationMapping(
                accountID: account, sourceArn: source.contactArn, kind: migrationKind(source.type), targetArn: arn, fingerprint: fingerprint,
                migratedAt: now))
        return imported.pending
    }

    /// Makes the contact's migrated channels match the source's: updates those migrated before, creates the others
    /// (not sending codes), deletes those migrated from source channels that are gone; channels made here by hand stay.
    ///
    /// Returns each source channel's ARN here, and the channels left to activate.
    static func importChannels(
        _ channels: [CheckedChannel],
        of contact: Contact,
        fingerprint: String,
        trust: Bool,
        now: Date,
        context: AWSRequestContext,
        tx: any ContactsTransaction
    ) async throws -> (targets: [String: String], pending: [MigrationChannel]) {
        let account = context.accountID
        let repository = tx.channels
        let migrations = tx.migrations
        var targets: [String: String] = [:]
        var pending: [MigrationChannel] = []
        for channel in channels {
            let source = channel.source
            let activation: ChannelActivation = trust && source.activationStatus == .activated ? .activated : .notActivated
            let existing = try await migratedChannel(source.contactChannelArn, of: contact.arn, account: account, tx: tx)
            let record: ContactChannel
            if let existing, existing.type == channel.type {
                record = updatedChannel(existing, to: channel, of: contact, activation: activation, now: now, context: context)
                if record != existing {
                    try await repository.update(record)
                }
            } else {
                if let existing {
                    try await repository.delete(arn: existing.arn, accountID: account)
                }
                record = channelRecord(
                    arn: newChannelArn(of: contact, context: context), of: contact, name: source.name, type: channel.type, address: channel.address,
                    activation: activation, code: nil, createdAt: now, now: now, context: context)
                try await repository.insert(record)
            }
            try await migrations.put(
                MigrationMapping(
                    accountID: account, sourceArn: source.contactChannelArn, kind: .contactChannel, targetArn: record.arn, fingerprint: fingerprint,
                    migratedAt: now))
            targets[source.contactChannelArn] = record.arn
            if !record.isActivated {
                pending.append(migrationChannel(record))
            }
        }
        let kept = Set(targets.values)
        let others = Set(try await allChannels(of: contact.arn, account: account, tx: tx).map(\.arn)).subtracting(kept)
        if !others.isEmpty {
            for arn in others.sorted() {
                guard let mapping = try await migrations.mapping(target: arn, accountID: account), mapping.kind == .contactChannel else { continue }
                try await repository.delete(arn: mapping.targetArn, accountID: account)
                try await migrations.remove(source: mapping.sourceArn, accountID: account)
            }
        }
        return (targets, pending)
    }

    /// A channel migrated before, changed to match its source: a new address is not activated (and no code is sent)
    /// unless `activation` says so; at the same address, trusting the source may activate it but never deactivates it.
    static func updatedChannel(
        _ existing: ContactChannel,
        to channel: CheckedChannel,
        of contact: Contact,
        activation: ChannelActivation,
        now: Date,
        context: AWSRequestContext
    ) -> ContactChannel {
        if channel.address != existing.address {
            return channelRecord(
                arn: existing.arn, of: contact, name: channel.source.name, type: existing.type, address: channel.address, activation: activation,
                code: nil, createdAt: existing.createdAt, now: now, context: context)
        }
        var record = existing
        if record.name != channel.source.name {
            record.name = channel.source.name
            record.updatedAt = now
        }
        if activation == .activated && !record.isActivated {
            record.activate(at: now)
        }
        return record
    }

    /// Creates or updates the rotation at `arn` from `item`, with its overrides and tags.
    static func writeRotation(
        _ item: RotationImport,
        overrides: [SSMContacts.RotationOverride],
        arn: String,
        isNew: Bool,
        fingerprint: String,
        now: Date,
        context: AWSRequestContext,
        tx: any ContactsTransaction
    ) async throws {
        let source = item.rotation
        let account = context.accountID
        let members = try await migratedArns(source.contactIds, kinds: [.contact], field: "ContactIds", account: account, tx: tx)
        let definition = try validatedDefinition(
            members: members, start: source.startTime, timeZoneID: source.timeZoneId, recurrence: source.recurrence)
        if isNew {
            try await insertRotation(arn: arn, name: source.name, definition: definition, now: now, context: context, tx: tx)
        } else {
            guard var record = try await tx.rotations.rotation(arn: arn, accountID: account) else {
                throw ContactsError.notFound(arn, type: "ROTATION")
            }
            try await requirePersonalContacts(members, field: "ContactIds", account: account, tx: tx)
            record.definition = definition
            record.updatedAt = now
            try await tx.rotations.update(record)
        }
        try await replaceTags(item.tags, on: arn, account: account, tx: tx)
        try await importOverrides(
            overrides, of: source.rotationArn, into: arn, fingerprint: fingerprint, now: now, account: account, tx: tx)
        try await tx.migrations.put(
            MigrationMapping(
                accountID: account, sourceArn: source.rotationArn, kind: .rotation, targetArn: arn, fingerprint: fingerprint, migratedAt: now)
        )
    }

    /// Creates the source's overrides not migrated yet (keeping their creation time, which decides between overlapping
    /// ones) and deletes future overrides migrated from source overrides that are gone; overrides made here stay.
    ///
    /// An override's mapping is keyed `<source rotation ARN>#override/<source id>` and points at
    /// `<rotation ARN>#override/<id>`.
    static func importOverrides(
        _ overrides: [SSMContacts.RotationOverride],
        of sourceRotationArn: String,
        into rotationArn: String,
        fingerprint: String,
        now: Date,
        account: String,
        tx: any ContactsTransaction
    ) async throws {
        let rotations = tx.rotations
        let migrations = tx.migrations
        let prefix = rotationArn + "#override/"
        var kept: Set<String> = []
        for (index, override) in overrides.enumerated() {
            let key = "\(sourceRotationArn)#override/\(override.rotationOverrideId)"
            let target: String
            if let migrated = try await migratedOverride(key, prefix: prefix, rotationArn: rotationArn, account: account, tx: tx) {
                target = migrated
            } else {
                let field = "Overrides[\(index)].NewContactIds"
                let members = try await migratedArns(override.newContactIds, kinds: [.contact], field: field, account: account, tx: tx)
                let id = try await insertOverride(
                    start: override.startTime, end: override.endTime, members: members, field: field, createdAt: override.createTime,
                    rotationArn: rotationArn, account: account, tx: tx)
                target = prefix + id
            }
            kept.insert(target)
            try await migrations.put(
                MigrationMapping(
                    accountID: account, sourceArn: key, kind: .rotationOverride, targetArn: target, fingerprint: fingerprint, migratedAt: now))
        }
        let future = try await rotations.overrides(rotationArn: rotationArn, accountID: account, from: now, to: .distantFuture)
        let others = Set(future.map { prefix + $0.id }).subtracting(kept)
        guard !others.isEmpty else { return }
        for arn in others.sorted() {
            guard let mapping = try await migrations.mapping(target: arn, accountID: account), mapping.kind == .rotationOverride else { continue }
            try await rotations.deleteOverride(id: String(mapping.targetArn.dropFirst(prefix.count)), rotationArn: rotationArn, accountID: account)
            try await migrations.remove(source: mapping.sourceArn, accountID: account)
        }
    }

    /// The ARN here (`prefix` and an id) of the override of `rotationArn` migrated from `source`, if it is still there.
    static func migratedOverride(
        _ source: String,
        prefix: String,
        rotationArn: String,
        account: String,
        tx: any ContactsTransaction
    ) async throws -> String? {
        guard let mapping = try await tx.migrations.mapping(source: source, accountID: account), mapping.kind == .rotationOverride,
            mapping.targetArn.hasPrefix(prefix),
            try await tx.rotations.override(id: String(mapping.targetArn.dropFirst(prefix.count)), rotationArn: rotationArn, accountID: account)
                != nil
        else { return nil }
        return mapping.targetArn
    }

    // MARK: - Mappings

    /// Where the object migrated from `source` goes here, and whether it must be written.
    static func importState(
        source: String,
        target: String,
        fingerprint: String,
        account: String,
        tx: any ContactsTransaction,
        exists: (String) async throws -> Bool
    ) async throws -> ImportState {
        let migrations = tx.migrations
        if let mapping = try await migrations.mapping(source: source, accountID: account), try await exists(mapping.targetArn) {
            return mapping.fingerprint == fingerprint ? .unchanged(mapping.targetArn) : .update(mapping.targetArn)
        }
        guard try await exists(target) else { return .create(target) }
        let owner = try await migrations.mapping(target: target, accountID: account)
        return .occupied(target, migratedFrom: owner?.sourceArn)
    }

    /// The warning for an object that is not migrated because `what` already exists here.
    static func occupiedWarning(_ what: String, migratedFrom: String?) -> String {
        if let migratedFrom {
            return "\(what) already exists here, migrated from \(migratedFrom); rename or delete it, then migrate again"
        }
        return "\(what) already exists here and was not migrated; rename or delete it, then migrate again"
    }

    /// The ARN here of the object migrated from `source`, which must be one of `kinds`; `field` names the reference.
    static func migratedArn(
        _ source: String,
        kinds: Set<MigrationKind>,
        field: String,
        account: String,
        tx: any ContactsTransaction
    ) async throws -> String {
        guard let mapping = try await tx.migrations.mapping(source: source, accountID: account), kinds.contains(mapping.kind) else {
            throw ContactsError.invalid(field, "\(source) has not been migrated here (it failed or was left out); migrate it first")
        }
        return mapping.targetArn
    }

    /// ``migratedArn(_:kinds:field:account:tx:)`` for each of a list; `field` names the list.
    static func migratedArns(
        _ sources: [String],
        kinds: Set<MigrationKind>,
        field: String,
        account: String,
        tx: any ContactsTransaction
    ) async throws -> [String] {
        var result: [String] = []
        for (index, source) in sources.enumerated() {
            result.append(try await migratedArn(source, kinds: kinds, field: "\(field)[\(index)]", account: account, tx: tx))
        }
        return result
    }

    /// A source plan with its references rewritten: contacts and rotations through the mappings, the contact's own
    /// channels through `channels` (source ARN to ARN here).
    static func targetPlan(
        _ plan: SSMContacts.Plan,
        channels: [String: String],
        account: String,
        tx: any ContactsTransaction
    ) async throws -> SSMContacts.Plan {
        var result = plan
        let contactKinds: Set<MigrationKind> = [.contact, .escalationPlan, .onCallSchedule]
        for (stageIndex, stage) in (plan.stages ?? []).enumerated() {
            for (targetIndex, target) in stage.targets.enumerated() {
                let field = "Plan.Stages[\(stageIndex)].Targets[\(targetIndex)]"
                if var info = target.channelTargetInfo {
                    guard let arn = channels[info.contactChannelId] else {
                        throw ContactsError.invalid(
                            field + ".ChannelTargetInfo.ContactChannelId", "\(info.contactChannelId) is not one of the contact's channels")
                    }
                    info.contactChannelId = arn
                    result.stages?[stageIndex].targets[targetIndex].channelTargetInfo = info
                }
                if var info = target.contactTargetInfo, let contactID = info.contactId {
                    info.contactId = try await migratedArn(
                        contactID, kinds: contactKinds, field: field + ".ContactTargetInfo.ContactId", account: account, tx: tx)
                    result.stages?[stageIndex].targets[targetIndex].contactTargetInfo = info
                }
            }
        }
        if let rotations = plan.rotationIds {
            result.rotationIds = try await migratedArns(rotations, kinds: [.rotation], field: "Plan.RotationIds", account: account, tx: tx)
        }
        return result
    }

    /// The mapping kind of a contact type.
    public static func migrationKind(_ type: SSMContacts.ContactType) -> MigrationKind {
        switch type {
        case .personal: .contact
        case .escalation: .escalationPlan
        case .oncallSchedule: .onCallSchedule
        }
    }

    // MARK: - Channels and tags

    /// The channel of `contactArn` migrated from `source`, if it is still there.
    static func migratedChannel(_ source: String, of contactArn: String, account: String, tx: any ContactsTransaction) async throws -> ContactChannel?
    {
        guard let mapping = try await tx.migrations.mapping(source: source, accountID: account), mapping.kind == .contactChannel,
            let channel = try await tx.channels.channel(arn: mapping.targetArn, accountID: account), channel.contactArn == contactArn
        else { return nil }
        return channel
    }

    /// The channels migrated from `sources` that are still not activated here.
    static func pendingChannels(
        _ sources: [SSMContacts.ContactChannel],
        contactArn: String,
        account: String,
        tx: any ContactsTransaction
    ) async throws -> [MigrationChannel] {
        var pending: [MigrationChannel] = []
        for source in sources {
            if let channel = try await migratedChannel(source.contactChannelArn, of: contactArn, account: account, tx: tx), !channel.isActivated {
                pending.append(migrationChannel(channel))
            }
        }
        return pending
    }

    /// What the operator is told of a channel that must be activated.
    static func migrationChannel(_ channel: ContactChannel) -> MigrationChannel {
        MigrationChannel(
            contactArn: channel.contactArn, channelArn: channel.arn, name: channel.name, type: channel.type, address: channel.address)
    }

    /// Every channel of a contact.
    static func allChannels(of contactArn: String, account: String, tx: any ContactsTransaction) async throws -> [ContactChannel] {
        var channels: [ContactChannel] = []
        var cursor: String?
        repeat {
            let page = try await tx.channels.list(contactArn: contactArn, accountID: account, after: cursor, limit: 100)
            channels += page.items
            cursor = page.nextCursor
        } while cursor != nil
        return channels
    }

    /// Replaces every tag of a resource.
    static func replaceTags(_ tags: [SSMContacts.Tag], on arn: String, account: String, tx: any ContactsTransaction) async throws {
        let repository = tx.tags
        try await repository.removeAll(from: arn, accountID: account)
        try await repository.set(dictionary(tags), on: arn, accountID: account)
    }
}
