import AWSProtocol
import Crypto
import Foundation
import HikeshiCore
import Logging
import SSMIncidentsModel
import Storage

// `hikeshi migrate` writes an Incident Manager set-up read from another endpoint into this account, one object per
// write transaction, each with its mapping (source ARN → ARN here, and the fingerprint of the source as written) in
// the same transaction. Mapped, still there and with the same fingerprint: nothing is written. Mapped and still there:
// it is brought up to date. Otherwise it is created.

extension IncidentsHandler {
    /// Makes sure the account's replication set holds these regions (creating it if there is none); mapping kind
    /// `REPLICATION_SET`.
    ///
    /// Regions are only added, never removed: the account may serve regions the source does not. A set that already
    /// held every region is `UNCHANGED` (only its mapping is written).
    public func importReplicationSet(sourceArn: String, regions: [String], fingerprint: String, context: AWSRequestContext) async throws
        -> MigrationItemResult
    {
        guard !regions.isEmpty else {
            throw IncidentsError.invalid("regions", "The replication set \(sourceArn) has no regions to migrate")
        }
        let account = context.accountID
        let principal = context.principalArn
        let now = clock.now()
        let result = try await write(context.logger) { tx -> MigrationItemResult in
            try await Self.lockImport(of: sourceArn, account: account, tx: tx)
            let sets = tx.replicationSets
            let existing = try await sets.set(accountID: account)
            if let mapping = try await tx.migrations.mapping(source: sourceArn, accountID: account), let existing,
                mapping.targetArn == existing.arn, mapping.fingerprint == fingerprint
            {
                return MigrationItemResult(outcome: .unchanged, targetArn: existing.arn)
            }
            let outcome: MigrationOutcome
            let arn: String
            if var set = existing {
                let missing = Set(regions).subtracting(set.regions.keys)
                for region in missing {
                    set.regions[region] = ReplicationRegion(kmsKeyID: nil, status: .active, statusUpdatedAt: now)
                }
                if !missing.isEmpty {
                    set.touch(by: principal, at: now)
                    try await sets.update(set)
                }
                (outcome, arn) = (missing.isEmpty ? .unchanged : .updated, set.arn)
            } else {
                let regionKeys = Dictionary(regions.map { ($0, String?.none) }, uniquingKeysWith: { first, _ in first })
                let set = Self.newReplicationSet(account: account, regions: regionKeys, principal: principal, now: now)
                try await sets.insert(set)
                (outcome, arn) = (.created, set.arn)
            }
            try await Self.recordMapping(sourceArn, .replicationSet, target: arn, fingerprint: fingerprint, account: account, now: now, tx: tx)
            return MigrationItemResult(outcome: outcome, targetArn: arn)
        }
        Self.logImport(result, kind: .replicationSet, source: sourceArn, logger: context.logger)
        return result
    }

    /// Writes a response plan read from the source into the account under the same name, with its tags and resource
    /// policies; mapping kind `RESPONSE_PLAN`.
    ///
    /// Engagements become the contacts, escalation plans and on-call schedules migrated before (one that was not is a
    /// validation error and nothing is written); chat channels and notification targets become this account's Hikeshi
    /// chat channels where there are some (else they are kept, with a warning); runbook roles and documents of the
    /// source account are moved to this one. A plan of that name that was not migrated from this source is left as it
    /// is (`SKIPPED`).
    public func importResponsePlan(_ item: ResponsePlanImport, fingerprint: String, context: AWSRequestContext) async throws
        -> MigrationItemResult
    {
        let account = context.accountID
        let region = context.region
        let sourceArn = item.plan.arn
        let now = clock.now()
        let result = try await write(context.logger) { tx -> MigrationItemResult in
            try await Self.lockImport(of: sourceArn, account: account, tx: tx)
            let mapping = try await tx.migrations.mapping(source: sourceArn, accountID: account)
            var mapped: ResponsePlan?
            if let mapping {
                mapped = try await tx.responsePlans.plan(arn: mapping.targetArn, accountID: account)
            }
            if let mapping, let mapped, mapping.fingerprint == fingerprint,
                try await !Self.chatRefreshDue(Self.chatTopics(mapped.chatChannel, mapped.template.notificationTopics), account, region, tx)
            {
                // Unchanged, but what still needs doing is said again on every run.
                var warnings: [String] = []
                _ = try await Self.chatTargets(
                    Self.chatTopics(mapped.chatChannel, mapped.template.notificationTopics), account: account, region: region,
                    warnings: &warnings, tx: tx)
                return MigrationItemResult(outcome: .unchanged, targetArn: mapped.arn, warnings: warnings)
            }
            if mapped == nil, let existing = try await tx.responsePlans.plan(named: item.plan.name, accountID: account) {
                return MigrationItemResult(
                    outcome: .skipped, targetArn: existing.arn,
                    warnings: [
                        "response plan \(item.plan.name) exists in this account and was not migrated from \(sourceArn): left as it is "
                            + "(delete it and migrate again to bring the source's over)"
                    ])
            }
            var warnings: [String] = []
            let input = try await Self.importedPlanInput(item, account: account, region: region, warnings: &warnings, tx: tx)
            var plan = Self.newPlan(input, account: account, region: region)
            try await Self.checkEngagements(plan.engagements, account: account, field: "engagements", tx: tx)
            let policies = item.policies.map {
                MigrationPolicy.rehomed($0.policyDocument, service: "ssm-incidents", from: Self.account(of: sourceArn), to: account)
            }
            for policy in policies {
                try Self.checkPolicy(policy, field: "policies")
            }
            if let mapped {
                (plan.arn, plan.name, plan.region) = (mapped.arn, mapped.name, mapped.region)
                try await tx.responsePlans.update(plan, at: now)
                try await tx.tags.removeAll(from: plan.arn, accountID: account)
                try await tx.resourcePolicies.deleteAll(resourceArn: plan.arn)
            } else {
                try await tx.responsePlans.insert(plan, at: now)
            }
            try await tx.tags.set(item.tags, on: plan.arn, accountID: account)
            for policy in policies {
                _ = try await Self.addPolicy(policy, resourceArn: plan.arn, account: account, now: now, tx: tx)
            }
            try await Self.recordMapping(sourceArn, .responsePlan, target: plan.arn, fingerprint: fingerprint, account: account, now: now, tx: tx)
            return MigrationItemResult(outcome: mapped == nil ? .created : .updated, targetArn: plan.arn, warnings: warnings)
        }
        Self.logImport(result, kind: .responsePlan, source: sourceArn, logger: context.logger)
        return result
    }

    /// Writes an incident read from the source into the account as history; mapping kinds `INCIDENT`, `TIMELINE_EVENT`
    /// (`<source incident ARN>#event/<eventId>`) and `RELATED_ITEM` (`<source incident ARN>#item/<relatedItemId>`).
    ///
    /// The record keeps its times, status, impact, texts, dedupe string, source and automation executions; its chat
    /// channel and notification targets are rewritten as a plan's. Every timeline event comes over with its times, type,
    /// data and references (those to related items now name the items here), every related item as given; the source's
    /// parent OpsItem becomes a parent OpsItem here, as a started incident has. Nothing is started: no engagement, runbook,
    /// notification or chat notice, and no timeline event the source does not have.
    ///
    /// An imported `OPEN` incident takes part in deduplication as any open incident does: a later alert with its dedupe
    /// string joins it (as in Incident Manager).
    public func importIncident(_ item: IncidentImport, fingerprint: String, context: AWSRequestContext) async throws -> MigrationItemResult {
        let account = context.accountID
        let region = context.region
        let source = item.record
        let now = clock.now()
        let result = try await write(context.logger) { tx -> MigrationItemResult in
            try await Self.lockImport(of: source.arn, account: account, tx: tx)
            let mapping = try await tx.migrations.mapping(source: source.arn, accountID: account)
            var mapped: Incident?
            if let mapping {
                mapped = try await tx.incidents.record(arn: mapping.targetArn, accountID: account, forUpdate: tx.locksRows)
            }
            if let mapping, let mapped, mapping.fingerprint == fingerprint,
                try await !Self.chatRefreshDue(Self.chatTopics(mapped.chatChannel, mapped.notificationTopics), account, region, tx)
            {
                return MigrationItemResult(outcome: .unchanged, targetArn: mapped.arn)
            }
            var warnings: [String] = []
            let incident = try await Self.importedIncident(item, replacing: mapped, account: account, region: region, warnings: &warnings, tx: tx)
            if let mapped {
                try await tx.incidents.update(incident, at: now)
                if mapped.status != incident.status {
                    try await self.moveImportedParent(of: incident, now: now, tx: tx)
                }
                try await tx.tags.removeAll(from: incident.arn, accountID: account)
            } else {
                try await tx.incidents.insert(incident)
                try await self.recordOpsItem(
                    incident.opsItemID ?? Self.newOpsItemID(), incidentArn: incident.arn, title: incident.title, summary: incident.summary,
                    accountID: account, region: incident.region, now: incident.createdAt, tx: tx)
                if incident.status == .resolved {
                    try await self.moveImportedParent(of: incident, now: now, tx: tx)
                }
            }
            try await tx.tags.set(item.tags, on: incident.arn, accountID: account)
            let itemIDs = try await Self.importRelatedItems(item, into: incident, now: now, tx: tx)
            try await Self.importTimeline(item, into: incident, itemIDs: itemIDs, now: now, tx: tx)
            try await Self.recordMapping(source.arn, .incident, target: incident.arn, fingerprint: fingerprint, account: account, now: now, tx: tx)
            return MigrationItemResult(outcome: mapped == nil ? .created : .updated, targetArn: incident.arn, warnings: warnings)
        }
        Self.logImport(result, kind: .incident, source: source.arn, logger: context.logger)
        return result
    }
}

// MARK: - Response plans

extension IncidentsHandler {
    /// The source plan as a `CreateResponsePlan` input of the account, checked as that operation's input is: engagements,
    /// chat channels, notification targets, runbook roles and documents rewritten.
    static func importedPlanInput(
        _ item: ResponsePlanImport, account: String, region: String, warnings: inout [String], tx: any IncidentsTransaction
    ) async throws -> SSMIncidents.CreateResponsePlanInput {
        let source = item.plan
        let sourceAccount = Self.account(of: source.arn)
        var engagements: [String]?
        if let sourceEngagements = source.engagements {
            var rewritten: [String] = []
            for engagement in sourceEngagements {
                guard let mapping = try await tx.migrations.mapping(source: engagement, accountID: account),
                    [.contact, .escalationPlan, .onCallSchedule].contains(mapping.kind)
                else {
                    throw IncidentsError.invalid(
                        "engagements",
                        "Engagement \(engagement) of response plan \(source.name) has not been migrated into this account: "
                            + "migrate its contact, escalation plan or on-call schedule first"
                    )
                }
                rewritten.append(mapping.targetArn)
            }
            engagements = rewritten
        }
        var chatChannel = source.chatChannel
        if case .chatbotSns(let topics) = chatChannel {
            chatChannel = .chatbotSns(try await chatTargets(topics, account: account, region: region, warnings: &warnings, tx: tx))
        }
        var template = source.incidentTemplate
        if let targets = NotificationTopics.domain(template.notificationTargets) {
            template.notificationTargets = NotificationTopics.wire(
                try await chatTargets(targets, account: account, region: region, warnings: &warnings, tx: tx))
        }
        let actions = source.actions?.map { action -> SSMIncidents.Action in
            switch action {
            case .ssmAutomation(var automation):
                automation.roleArn = rehomed(automation.roleArn, from: sourceAccount, to: account, region: nil)
                if let document = ARN(automation.documentName), document.service == "ssm", document.resourceType == "document" {
                    automation.documentName = rehomed(automation.documentName, from: sourceAccount, to: account, region: region)
                }
                return .ssmAutomation(automation)
            }
        }
        for integration in source.integrations ?? [] {
            switch integration {
            case .pagerDutyConfiguration(let configuration):
                warnings.append(
                    "PagerDuty integration \(configuration.name) of response plan \(source.name) is kept but not used: "
                        + "Hikeshi does not mirror incidents to PagerDuty")
            }
        }
        return try SSMIncidents.CreateResponsePlanInput(
            actions: actions,
            chatChannel: chatChannel,
            displayName: source.displayName,
            engagements: engagements,
            incidentTemplate: template,
            integrations: source.integrations,
            name: source.name,
            tags: item.tags.isEmpty ? nil : item.tags
        ).validated()
    }

    /// `arn` with the source account replaced by the account (and its region by `region`, when given and the ARN has
    /// one); any other ARN, or text that is not one, as it is.
    static func rehomed(_ arn: String, from sourceAccount: String?, to account: String, region: String?) -> String {
        guard let sourceAccount, var parsed = ARN(arn), parsed.account == sourceAccount else { return arn }
        parsed.account = account
        if let region, !parsed.region.isEmpty {
            parsed.region = region
        }
        return parsed.description
    }
}

// MARK: - Chat channels

extension IncidentsHandler {
    /// The account's Hikeshi chat channels for the source's SNS topics (chat channels or notification targets): the
    /// migrated one, the topic itself when it is a channel here, or the channel of the same name in the account and
    /// region. A topic without one is kept (plans and incidents accept any topic; notifications skip those that are no
    /// channel) and named in a warning, when `warnings` is given.
    static func chatTargets(
        _ topics: [String], account: String, region: String, warnings: inout [String], warn: Bool = true, tx: any IncidentsTransaction
    ) async throws -> [String] {
        var targets: [String] = []
        for topic in topics {
            if let channel = try await chatChannel(for: topic, account: account, region: region, tx: tx) {
                targets.append(channel)
                continue
            }
            targets.append(topic)
            if warn {
                warnings.append("chat target \(topic) has no Hikeshi chat channel yet: create one (hikeshi integrations) and migrate again")
            }
        }
        return targets
    }

    /// The chat channel of the account that stands for a source topic, if there is one.
    static func chatChannel(for topic: String, account: String, region: String, tx: any IncidentsTransaction) async throws -> String? {
        if let mapping = try await tx.migrations.mapping(source: topic, accountID: account) {
            return mapping.targetArn
        }
        if try await isChatChannel(topic, account: account, tx: tx) {
            return topic
        }
        guard let arn = ARN(topic), arn.service == "sns" else { return nil }
        let sameName = ARN(partition: arn.partition, service: "sns", region: region, account: account, resource: arn.resource).description
        return try await isChatChannel(sameName, account: account, tx: tx) ? sameName : nil
    }

    /// Whether `arn` is a chat channel of the account.
    static func isChatChannel(_ arn: String, account: String, tx: any IncidentsTransaction) async throws -> Bool {
        try await tx.integrations.record(id: arn, accountID: account)?.kind.isChat ?? false
    }

    /// Whether topics written as they were (no chat channel then) now have one: a second run then rewrites the object
    /// even though the source did not change, so "create one and migrate again" works.
    static func chatRefreshDue(_ topics: [String], _ account: String, _ region: String, _ tx: any IncidentsTransaction) async throws -> Bool {
        for topic in topics where try await !isChatChannel(topic, account: account, tx: tx) {
            if try await chatChannel(for: topic, account: account, region: region, tx: tx) != nil {
                return true
            }
        }
        return false
    }

    /// The topics of a chat channel and notification targets.
    static func chatTopics(_ channel: IncidentChatChannel?, _ notificationTopics: [String]?) -> [String] {
        var topics: [String] = []
        if case .topics(let chat) = channel {
            topics += chat
        }
        return topics + (notificationTopics ?? [])
    }
}

// MARK: - Incidents

extension IncidentsHandler {
    /// The record of an imported incident: new (a new ARN under its plan's name and a parent OpsItem id), or the one
    /// imported before (`replacing`) with the source's fields.
    static func importedIncident(
        _ item: IncidentImport, replacing mapped: Incident?, account: String, region: String, warnings: inout [String], tx: any IncidentsTransaction
    ) async throws -> Incident {
        let source = item.record
        var arn = mapped?.arn ?? ""
        var planArn = mapped?.responsePlanArn ?? ""
        if mapped == nil {
            let plan = try await importedPlan(ofIncident: source.arn, account: account, tx: tx)
            arn = newIncidentArn(account: account, planName: plan.name)
            planArn = plan.arn
        }
        // Chat matters for an incident that may still change; a resolved one's targets are history.
        let warn = source.status == .open
        var chatChannel = source.chatChannel.map(IncidentChatChannel.init)
        if case .topics(let topics) = chatChannel {
            chatChannel = .topics(try await chatTargets(topics, account: account, region: region, warnings: &warnings, warn: warn, tx: tx))
        }
        var notificationTopics = NotificationTopics.domain(source.notificationTargets)
        if let topics = notificationTopics {
            notificationTopics = try await chatTargets(topics, account: account, region: region, warnings: &warnings, warn: warn, tx: tx)
        }
        return Incident(
            arn: arn,
            accountID: account,
            region: mapped?.region ?? region,
            responsePlanArn: planArn,
            title: source.title,
            summary: source.summary,
            status: IncidentStatus(source.status),
            impact: source.impact,
            dedupeString: source.dedupeString,
            source: IncidentSource(source.incidentRecordSource),
            chatChannel: chatChannel,
            notificationTopics: notificationTopics,
            createdAt: source.creationTime,
            resolvedAt: source.resolvedTime,
            lastModifiedBy: source.lastModifiedBy,
            lastModifiedAt: source.lastModifiedTime,
            opsItemID: mapped?.opsItemID ?? newOpsItemID(),
            pendingRunbooks: [],
            acknowledgedAt: mapped?.acknowledgedAt,
            automationExecutions: (source.automationExecutions ?? []).map { execution in
                switch execution {
                case .ssmExecutionArn(let arn): arn
                }
            }
        )
    }

    /// The plan an imported incident belongs to here: the one its source plan (named in its ARN) was migrated to, else
    /// the account's plan of that name (which need not exist, as for an incident whose plan was deleted).
    static func importedPlan(ofIncident sourceArn: String, account: String, tx: any IncidentsTransaction) async throws
        -> (arn: String, name: String)
    {
        guard var arn = ARN(sourceArn), arn.resourceType == "incident-record", arn.resourcePath.count >= 2, let name = arn.resourcePath.first,
            !name.isEmpty
        else {
            throw IncidentsError.invalid("record.arn", "\(sourceArn) is not an incident record ARN")
        }
        arn.resource = "response-plan/\(name)"
        if let mapping = try await tx.migrations.mapping(source: arn.description, accountID: account),
            let target = ARN(mapping.targetArn), let targetName = target.resourcePath.first, !targetName.isEmpty
        {
            return (mapping.targetArn, targetName)
        }
        return (planArn(account: account, name: name), name)
    }

    /// Moves an imported incident's parent OpsItem to the incident's status, as of when the source changed it; resolving
    /// stops engagements (an imported incident starts none, so there are only those started here since).
    func moveImportedParent(of incident: Incident, now: Date, tx: any IncidentsTransaction) async throws {
        switch incident.status {
        case .resolved:
            try await stopEngagements(of: incident, reason: "Incident resolved", now: now, tx: tx)
            try await moveParentOpsItem(of: incident, to: .resolved, now: incident.resolvedAt ?? incident.lastModifiedAt, tx: tx)
        case .open:
            try await moveParentOpsItem(of: incident, to: .open, now: incident.lastModifiedAt, tx: tx)
        }
    }

    /// Brings the incident's related items in line with the source's: adds those not yet migrated, replaces changed
    /// ones (keeping their ids), removes migrated ones the source no longer has. The source's parent OpsItem is the
    /// incident's own parent here. Returns the source's related item ids with the ids here, for event references.
    static func importRelatedItems(_ item: IncidentImport, into incident: Incident, now: Date, tx: any IncidentsTransaction) async throws
        -> [String: String]
    {
        let (account, arn) = (incident.accountID, incident.arn)
        let (prefix, targetPrefix) = (item.record.arn + "#item/", arn + "#item/")
        let items = tx.relatedItems
        var previous = Dictionary(
            try await tx.migrations.list(accountID: account, sourcePrefix: prefix).map { ($0.sourceArn, $0) }, uniquingKeysWith: { first, _ in first }
        )
        var current = Dictionary(try await allRelatedItems(of: arn, tx: tx).map { ($0.generatedID, $0) }, uniquingKeysWith: { first, _ in first })
        var ids: [String: String] = [:]
        for (index, sourceItem) in item.relatedItems.enumerated() {
            let kind = RelatedItemKind(sourceItem.identifier.type)
            let value = RelatedItemValue(sourceItem.identifier.value)
            let key = prefix + (sourceItem.generatedId ?? "\(kind.rawValue)/\(value.key)")
            let digest = try Self.digest(ItemDigest(kind: kind, value: value, title: sourceItem.title))
            let mapping = previous.removeValue(forKey: key)
            let mappedItem = mapping.flatMap {
                $0.targetArn.hasPrefix(targetPrefix) ? current[String($0.targetArn.dropFirst(targetPrefix.count))] : nil
            }
            var target: RelatedItem
            if kind == .parent {
                // The parent OpsItem is the incident's own: the source's stands for it.
                guard let parent = current.values.first(where: { $0.kind == .parent }) else { continue }
                target = parent
            } else if let mappedItem, mapping?.fingerprint == digest {
                target = mappedItem
            } else {
                // Listed in the source's order, after the parent (which is dated at the incident's creation).
                let at = incident.createdAt.addingTimeInterval(Double(index + 1) / 1000)
                if let mappedItem {
                    try await items.remove(incidentArn: arn, kind: mappedItem.kind, key: mappedItem.key)
                    current[mappedItem.generatedID] = nil
                }
                target = RelatedItem(id: mappedItem?.id ?? UUID().uuidString.lowercased(), kind: kind, value: value, title: sourceItem.title)
                if try await !items.add(target, incidentArn: arn, accountID: account, at: at),
                    let there = try await items.item(incidentArn: arn, kind: kind, key: value.key)
                {
                    // The incident has this item already (added here): the source's is that one.
                    target = there
                }
                current[target.generatedID] = target
            }
            if let generatedID = sourceItem.generatedId {
                ids[generatedID] = target.generatedID
            }
            if mapping?.targetArn != targetPrefix + target.generatedID || mapping?.fingerprint != digest {
                try await recordMapping(
                    key, .relatedItem, target: targetPrefix + target.generatedID, fingerprint: digest, account: account, now: now, tx: tx)
            }
        }
        for (key, mapping) in previous {
            if mapping.targetArn.hasPrefix(targetPrefix), let gone = current[String(mapping.targetArn.dropFirst(targetPrefix.count))],
                gone.kind != .parent
            {
                try await items.remove(incidentArn: arn, kind: gone.kind, key: gone.key)
            }
            try await tx.migrations.remove(source: key, accountID: account)
        }
        return ids
    }

    /// Every related item of an incident.
    static func allRelatedItems(of incidentArn: String, tx: any IncidentsTransaction) async throws -> [RelatedItem] {
        var all: [RelatedItem] = []
        var cursor: String?
        repeat {
            let page = try await tx.relatedItems.list(incidentArn: incidentArn, after: cursor, limit: relatedItemLimit)
            all += page.items
            cursor = page.nextCursor
        } while cursor != nil
        return all
    }

    /// Brings the incident's timeline in line with the source's: adds events not yet migrated, rewrites changed ones,
    /// deletes migrated ones the source no longer has; events written here since are left alone.
    static func importTimeline(
        _ item: IncidentImport, into incident: Incident, itemIDs: [String: String], now: Date, tx: any IncidentsTransaction
    ) async throws {
        let (account, arn) = (incident.accountID, incident.arn)
        let (prefix, targetPrefix) = (item.record.arn + "#event/", arn + "#event/")
        let timeline = tx.timeline
        var previous = Dictionary(
            try await tx.migrations.list(accountID: account, sourcePrefix: prefix).map { ($0.sourceArn, $0) }, uniquingKeysWith: { first, _ in first }
        )
        for event in item.timeline {
            let key = prefix + event.eventId
            var references: [TimelineReference] = []
            for reference in event.eventReferences ?? [] {
                switch reference {
                case .resource(let resource):
                    // A migrated resource (a plan, a contact…) is referred to by its ARN here.
                    references.append(.resource(try await tx.migrations.mapping(source: resource, accountID: account)?.targetArn ?? resource))
                case .relatedItemId(let id):
                    references.append(.relatedItem(itemIDs[id] ?? id))
                }
            }
            let digest = try Self.digest(
                EventDigest(
                    time: event.eventTime, updated: event.eventUpdatedTime, type: event.eventType, data: event.eventData, references: references))
            var written = TimelineEvent(
                eventID: EventID.next(at: now), incidentArn: arn, accountID: account, eventTime: event.eventTime, eventType: event.eventType,
                eventData: event.eventData, eventReferences: references, updatedAt: event.eventUpdatedTime)
            if let mapping = previous.removeValue(forKey: key), mapping.targetArn.hasPrefix(targetPrefix),
                let existing = try await timeline.event(id: String(mapping.targetArn.dropFirst(targetPrefix.count)), incidentArn: arn)
            {
                guard mapping.fingerprint != digest else { continue }
                written.eventID = existing.eventID
                try await timeline.update(written)
            } else {
                try await timeline.insert(written)
            }
            try await recordMapping(
                key, .timelineEvent, target: targetPrefix + written.eventID, fingerprint: digest, account: account, now: now, tx: tx)
        }
        for (key, mapping) in previous {
            if mapping.targetArn.hasPrefix(targetPrefix) {
                try await timeline.delete(id: String(mapping.targetArn.dropFirst(targetPrefix.count)), incidentArn: arn)
            }
            try await tx.migrations.remove(source: key, accountID: account)
        }
    }

    /// What a related item's fingerprint covers.
    private struct ItemDigest: Encodable {
        var kind: RelatedItemKind
        var value: RelatedItemValue
        var title: String?
    }

    /// What a timeline event's fingerprint covers (its references as written here).
    private struct EventDigest: Encodable {
        var time: Date
        var updated: Date
        var type: String
        var data: String
        var references: [TimelineReference]
    }
}

// MARK: - Mappings

extension IncidentsHandler {
    /// Serialises imports of one source resource into the account until the transaction ends, so two runs at once
    /// never both find it unmapped and create it twice.
    static func lockImport(of sourceArn: String, account: String, tx: any IncidentsTransaction) async throws {
        try await tx.lock(key: "migrate|\(account)|\(sourceArn)")
    }

    /// Records the mapping of a source resource in the caller's transaction (the one that wrote the resource).
    static func recordMapping(
        _ sourceArn: String, _ kind: MigrationKind, target: String, fingerprint: String, account: String, now: Date, tx: any IncidentsTransaction
    ) async throws {
        try await tx.migrations.put(
            MigrationMapping(accountID: account, sourceArn: sourceArn, kind: kind, targetArn: target, fingerprint: fingerprint, migratedAt: now))
    }

    /// The SHA-256 (hex) of a value's JSON with sorted keys: the fingerprint of a part of a source resource.
    static func digest(_ value: some Encodable) throws -> String {
        try AWSInputFingerprint.digest(value)
    }

    /// Logs what importing one resource did.
    static func logImport(_ result: MigrationItemResult, kind: MigrationKind, source: String, logger: Logger) {
        logger.info(
            "migration item imported",
            metadata: [
                "migration.kind": .string(kind.rawValue), "migration.source_arn": .string(source), "migration.target_arn": .string(result.targetArn),
                "migration.outcome": .string(result.outcome.rawValue), "migration.warnings": .stringConvertible(result.warnings.count),
            ])
    }
}
