import AWSProtocol
import Foundation
import HikeshiCore
import SSMContactsModel
import Storage

extension ContactsHandler {
    /// Creates a personal contact, an escalation plan or an on-call schedule.
    public func createContact(_ input: SSMContacts.CreateContactRequest, context: AWSRequestContext) async throws -> SSMContacts.CreateContactResult {
        let arn = Self.arn(context, "contact/\(input.alias)")
        let now = clock.now()
        let account = context.accountID
        let type = input.type
        let apiPlan = input.plan
        let tags = input.tags ?? []
        try Self.checkTagCount(tags.count)
        let (contactArn, _) = try await write(context.logger) { tx in
            try await idempotent(
                "CreateContact", token: input.idempotencyToken, fingerprint: try AWSInputFingerprint.of(input, ignoring: "IdempotencyToken"),
                account: account, now: now, tx: tx
            ) {
                let contacts = tx.contacts
                if try await contacts.contact(arn: arn, accountID: account) != nil {
                    throw ContactsError.conflict(arn, type: "CONTACT", message: "A contact with alias \(input.alias) exists already")
                }
                let plan = try await PlanRules.validated(apiPlan, for: type, contactArn: arn, tx: tx, context: context)
                try await contacts.insert(
                    Self.contactRecord(
                        arn: arn, alias: input.alias, displayName: input.displayName, type: type, plan: plan, now: now, context: context)
                )
                try await tx.tags.set(Self.dictionary(tags), on: arn, accountID: account)
                return arn
            }
        }
        context.logger.info("contact created", metadata: ["contact.arn": .string(contactArn)])
        return SSMContacts.CreateContactResult(contactArn: contactArn)
    }

    /// Returns a contact with its plan.
    public func getContact(_ input: SSMContacts.GetContactRequest, context: AWSRequestContext) async throws -> SSMContacts.GetContactResult {
        let record = try await contact(input.contactId, context: context)
        return SSMContacts.GetContactResult(
            contactArn: record.arn,
            alias: record.alias,
            displayName: record.displayName,
            type: SSMContacts.ContactType(record.type),
            plan: PlanRules.shape(of: record.plan)
        )
    }

    /// Lists contacts by alias, optionally filtered by alias prefix and type.
    public func listContacts(_ input: SSMContacts.ListContactsRequest, context: AWSRequestContext) async throws -> SSMContacts.ListContactsResult {
        let cursor = try PaginationToken.decode(input.nextToken, scope: "ListContacts")
        let account = context.accountID
        let region = context.region
        let limit = Self.pageSize(input.maxResults)
        let page = try await read(context.logger) { tx in
            try await tx.contacts.list(
                accountID: account,
                region: region,
                aliasPrefix: input.aliasPrefix,
                type: input.type.map(ContactType.init),
                after: cursor,
                limit: limit
            )
        }
        return SSMContacts.ListContactsResult(
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: "ListContacts") },
            contacts: page.items.map { record in
                SSMContacts.Contact(
                    contactArn: record.arn,
                    alias: record.alias,
                    displayName: record.displayName,
                    type: SSMContacts.ContactType(record.type)
                )
            }
        )
    }

    /// Changes a contact's display name or plan.
    public func updateContact(_ input: SSMContacts.UpdateContactRequest, context: AWSRequestContext) async throws -> SSMContacts.UpdateContactResult {
        let account = context.accountID
        let now = clock.now()
        try await write(context.logger) { tx in
            let contacts = tx.contacts
            guard var record = try await contacts.contact(arn: input.contactId, accountID: account) else {
                throw ContactsError.notFound(input.contactId, type: "CONTACT")
            }
            if let displayName = input.displayName {
                record.displayName = displayName
            }
            if let plan = input.plan {
                let type = SSMContacts.ContactType(record.type)
                record.plan = try await PlanRules.validated(plan, for: type, contactArn: record.arn, tx: tx, context: context)
            }
            record.updatedAt = now
            try await contacts.update(record)
        }
        return SSMContacts.UpdateContactResult()
    }

    /// Deletes a contact, its channels, tags, policy and feed; refused while an escalation plan or a rotation uses it.
    public func deleteContact(_ input: SSMContacts.DeleteContactRequest, context: AWSRequestContext) async throws -> SSMContacts.DeleteContactResult {
        let account = context.accountID
        let region = context.region
        try await write(context.logger) { tx in
            let contacts = tx.contacts
            guard let record = try await contacts.contact(arn: input.contactId, accountID: account) else {
                throw ContactsError.notFound(input.contactId, type: "CONTACT")
            }
            let dependents = try await contacts.mentioning(record.arn, accountID: account, region: region)
                .filter { $0.plan.contactArns.contains(record.arn) }
                .map(\.arn)
            if !dependents.isEmpty {
                throw ContactsError.conflict(
                    record.arn,
                    type: "CONTACT",
                    message: "The contact is used by \(dependents.count) escalation plan(s); remove it from them first",
                    dependents: dependents
                )
            }
            let rotations = try await tx.rotations.mentioning(record.arn, accountID: account, region: region)
                .filter { $0.definition.members.contains(record.arn) }
            if !rotations.isEmpty {
                throw ContactsError.conflict(
                    record.arn,
                    type: "CONTACT",
                    message: "The contact takes shifts in \(rotations.count) rotation(s); remove it from them first",
                    dependents: rotations.map(\.arn)
                )
            }
            try await contacts.delete(arn: record.arn, accountID: account)
            try await tx.tags.removeAll(from: record.arn, accountID: account)
            try await tx.policies.delete(of: record.arn, accountID: account)
            try await tx.calendarFeeds.remove(for: record.arn, accountID: account)
        }
        return SSMContacts.DeleteContactResult()
    }

    /// A new contact of the caller, created and last changed at `now`.
    static func contactRecord(
        arn: String,
        alias: String,
        displayName: String?,
        type: SSMContacts.ContactType,
        plan: ContactPlan,
        now: Date,
        context: AWSRequestContext
    ) -> Contact {
        Contact(
            arn: arn,
            accountID: context.accountID,
            region: context.region,
            alias: alias,
            displayName: displayName,
            type: ContactType(type),
            plan: plan,
            createdAt: now,
            updatedAt: now
        )
    }

    /// The caller's contact with this ARN.
    func contact(_ arn: String, context: AWSRequestContext) async throws -> Contact {
        let account = context.accountID
        guard let record = try await read(context.logger, { try await $0.contacts.contact(arn: arn, accountID: account) }) else {
            throw ContactsError.notFound(arn, type: "CONTACT")
        }
        return record
    }
}
