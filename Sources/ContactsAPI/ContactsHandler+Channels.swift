import AWSProtocol
import Foundation
import HikeshiCore
import SSMContactsModel
import Storage

extension ContactsHandler {
    /// How long an activation code stays valid.
    static let activationCodeLifetime: TimeInterval = 24 * 3600

    /// Adds an email, SMS or voice channel to a personal contact; issues an activation code unless deferred.
    public func createContactChannel(
        _ input: SSMContacts.CreateContactChannelRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.CreateContactChannelResult {
        let address = try Self.checkedAddress(input.deliveryAddress, type: input.type, field: "DeliveryAddress.SimpleAddress")
        let account = context.accountID
        let now = clock.now()
        let deferred = input.deferActivation ?? false
        let (arn, _) = try await write(context.logger) { tx in
            try await idempotent(
                "CreateContactChannel", token: input.idempotencyToken, fingerprint: try AWSInputFingerprint.of(input, ignoring: "IdempotencyToken"),
                account: account, now: now, tx: tx
            ) {
                guard let contact = try await tx.contacts.contact(arn: input.contactId, accountID: account) else {
                    throw ContactsError.notFound(input.contactId, type: "CONTACT")
                }
                guard contact.type == .personal else {
                    throw ContactsError.invalid("ContactId", "Only personal contacts have channels")
                }
                let arn = Self.newChannelArn(of: contact, context: context)
                let record = Self.channelRecord(
                    arn: arn, of: contact, name: input.name, type: ChannelType(input.type), address: address, activation: .notActivated,
                    code: deferred ? nil : RandomToken.numericCode(digits: 6), createdAt: now, now: now, context: context
                )
                try await tx.channels.insert(record)
                if let code = record.activationCode {
                    try await enqueue(PagingJob.channelActivation, PagingJob.ChannelActivation(channelArn: arn, code: code), dueAt: now, on: tx)
                }
                return arn
            }
        }
        if !deferred {
            notifier?.wake()
        }
        context.logger.info("contact channel created", metadata: ["channel.arn": .string(arn), "channel.type": .string(input.type.rawValue)])
        return SSMContacts.CreateContactChannelResult(contactChannelArn: arn)
    }

    /// Returns a channel.
    public func getContactChannel(
        _ input: SSMContacts.GetContactChannelRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.GetContactChannelResult {
        let record = try await channel(input.contactChannelId, context: context)
        return SSMContacts.GetContactChannelResult(
            contactArn: record.contactArn,
            contactChannelArn: record.arn,
            name: record.name,
            type: record.type.wire,
            deliveryAddress: SSMContacts.ContactChannelAddress(simpleAddress: record.address),
            activationStatus: record.activation.wire
        )
    }

    /// Lists a contact's channels in creation order.
    public func listContactChannels(
        _ input: SSMContacts.ListContactChannelsRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.ListContactChannelsResult {
        let scope = "ListContactChannels:" + input.contactId
        let cursor = try PaginationToken.decode(input.nextToken, scope: scope)
        let account = context.accountID
        let limit = Self.pageSize(input.maxResults)
        let page = try await read(context.logger) { tx in
            guard try await tx.contacts.contact(arn: input.contactId, accountID: account) != nil else {
                throw ContactsError.notFound(input.contactId, type: "CONTACT")
            }
            return try await tx.channels.list(contactArn: input.contactId, accountID: account, after: cursor, limit: limit)
        }
        return SSMContacts.ListContactChannelsResult(
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: scope) },
            contactChannels: page.items.map { record in
                SSMContacts.ContactChannel(
                    contactChannelArn: record.arn,
                    contactArn: record.contactArn,
                    name: record.name,
                    type: record.type.wire,
                    deliveryAddress: SSMContacts.ContactChannelAddress(simpleAddress: record.address),
                    activationStatus: record.activation.wire
                )
            }
        )
    }

    /// Renames a channel or changes its address; a new address must be activated again.
    public func updateContactChannel(
        _ input: SSMContacts.UpdateContactChannelRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.UpdateContactChannelResult {
        try await updatingChannel(input.contactChannelId, context: context) { record, tx, now in
            if let name = input.name {
                record.name = name
            }
            if let deliveryAddress = input.deliveryAddress {
                let address = try Self.checkedAddress(deliveryAddress, type: record.type.wire, field: "DeliveryAddress.SimpleAddress")
                if address != record.address {
                    let code = RandomToken.numericCode(digits: 6)
                    record.move(to: address, code: code, at: now)
                    try await enqueue(
                        PagingJob.channelActivation, PagingJob.ChannelActivation(channelArn: record.arn, code: code), dueAt: now, on: tx)
                }
            }
        }
        notifier?.wake()
        return SSMContacts.UpdateContactChannelResult()
    }

    /// Deletes a channel and removes it from its contact's plan.
    public func deleteContactChannel(
        _ input: SSMContacts.DeleteContactChannelRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.DeleteContactChannelResult {
        let account = context.accountID
        let now = clock.now()
        try await write(context.logger) { tx in
            let channels = tx.channels
            guard let record = try await channels.channel(arn: input.contactChannelId, accountID: account) else {
                throw ContactsError.notFound(input.contactChannelId, type: "CONTACT_CHANNEL")
            }
            let contacts = tx.contacts
            if var contact = try await contacts.contact(arn: record.contactArn, accountID: account) {
                let plan = contact.plan
                if plan.channelArns.contains(record.arn) {
                    contact.plan = plan.removingChannel(record.arn)
                    contact.updatedAt = now
                    try await contacts.update(contact)
                }
            }
            try await channels.delete(arn: record.arn, accountID: account)
        }
        return SSMContacts.DeleteContactChannelResult()
    }

    /// Activates a channel with the code that was sent to it.
    public func activateContactChannel(
        _ input: SSMContacts.ActivateContactChannelRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.ActivateContactChannelResult {
        let lifetime = Self.activationCodeLifetime
        try await updatingChannel(input.contactChannelId, context: context) { record, _, now in
            guard let code = record.activationCode, let sentAt = record.activationSentAt else {
                throw ContactsError.invalid("ActivationCode", "No activation code was sent to this channel; call SendActivationCode")
            }
            guard now.timeIntervalSince(sentAt) <= lifetime else {
                throw ContactsError.invalid("ActivationCode", "The activation code has expired; call SendActivationCode for a new one")
            }
            guard ConstantTime.equal(code, input.activationCode) else {
                throw ContactsError.invalid("ActivationCode", "The activation code is not correct")
            }
            record.activate(at: now)
        }
        return SSMContacts.ActivateContactChannelResult()
    }

    /// Deactivates a channel: it is no longer engaged.
    public func deactivateContactChannel(
        _ input: SSMContacts.DeactivateContactChannelRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.DeactivateContactChannelResult {
        try await updatingChannel(input.contactChannelId, context: context) { record, _, now in
            record.deactivate(at: now)
        }
        return SSMContacts.DeactivateContactChannelResult()
    }

    /// Issues a new activation code for a channel and queues its delivery.
    public func sendActivationCode(
        _ input: SSMContacts.SendActivationCodeRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.SendActivationCodeResult {
        try await updatingChannel(input.contactChannelId, context: context) { record, tx, now in
            if let sentAt = record.activationSentAt, now.timeIntervalSince(sentAt) < 5 {
                throw ContactsError.quotaExceeded("ActivationCodeRate", "An activation code was sent moments ago; wait before asking again")
            }
            let code = RandomToken.numericCode(digits: 6)
            record.issueActivationCode(code, at: now)
            try await enqueue(PagingJob.channelActivation, PagingJob.ChannelActivation(channelArn: record.arn, code: code), dueAt: now, on: tx)
        }
        notifier?.wake()
        return SSMContacts.SendActivationCodeResult()
    }

    /// The caller's channel with this ARN.
    func channel(_ arn: String, context: AWSRequestContext) async throws -> ContactChannel {
        let account = context.accountID
        guard let record = try await read(context.logger, { try await $0.channels.channel(arn: arn, accountID: account) }) else {
            throw ContactsError.notFound(arn, type: "CONTACT_CHANNEL")
        }
        return record
    }

    /// A fresh ARN for a new channel of `contact`.
    static func newChannelArn(of contact: Contact, context: AWSRequestContext) -> String {
        arn(context, "contact-channel/\(contact.alias)/\(UUID().uuidString.lowercased())")
    }

    /// A channel of `contact` in the caller's account and region: `code`, if any, is the activation code sent at `now`.
    static func channelRecord(
        arn: String,
        of contact: Contact,
        name: String,
        type: ChannelType,
        address: String,
        activation: ChannelActivation,
        code: String?,
        createdAt: Date,
        now: Date,
        context: AWSRequestContext
    ) -> ContactChannel {
        ContactChannel(
            arn: arn,
            accountID: context.accountID,
            region: context.region,
            contactArn: contact.arn,
            name: name,
            type: type,
            address: address,
            activation: activation,
            activationCode: code,
            activationSentAt: code == nil ? nil : now,
            createdAt: createdAt,
            updatedAt: now
        )
    }

    /// The address, checked for the channel type.
    static func checkedAddress(_ address: SSMContacts.ContactChannelAddress, type: SSMContacts.ChannelType, field: String) throws -> String {
        guard let text = address.simpleAddress?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            throw ContactsError.invalid(field, "The delivery address is missing")
        }
        switch type {
        case .email:
            guard DeliveryAddress.isEmailAddress(text) else {
                throw ContactsError.invalid(field, "An EMAIL channel needs an email address")
            }
        case .sms, .voice:
            guard DeliveryAddress.isPhoneNumber(text) else {
                throw ContactsError.invalid(field, "An \(type.rawValue) channel needs a phone number in E.164 form, like +81312345678")
            }
        }
        return text
    }
}
