import AWSProtocol
import Foundation
import HikeshiCore
import SSMContactsModel
import Storage

extension ContactsHandler {
    /// The longest window a shift listing may cover.
    static let maxShiftWindow: TimeInterval = 400 * 24 * 3600

    /// Creates a rotation of personal contacts.
    public func createRotation(_ input: SSMContacts.CreateRotationRequest, context: AWSRequestContext) async throws
        -> SSMContacts.CreateRotationResult
    {
        let account = context.accountID
        let now = clock.now()
        let definition = try Self.validatedDefinition(
            members: input.contactIds, start: input.startTime ?? now, timeZoneID: input.timeZoneId, recurrence: input.recurrence)
        let tags = input.tags ?? []
        try Self.checkTagCount(tags.count)
        let arn = Self.arn(context, "rotation/\(input.name)")
        let (result, _) = try await write(context.logger) { tx in
            try await idempotent(
                "CreateRotation", token: input.idempotencyToken, fingerprint: try AWSInputFingerprint.of(input, ignoring: "IdempotencyToken"),
                account: account, now: now, tx: tx
            ) {
                let rotations = tx.rotations
                if try await rotations.rotation(arn: arn, accountID: account) != nil {
                    throw ContactsError.conflict(arn, type: "ROTATION", message: "A rotation named \(input.name) exists already")
                }
                try await Self.insertRotation(arn: arn, name: input.name, definition: definition, now: now, context: context, tx: tx)
                try await tx.tags.set(Self.dictionary(tags), on: arn, accountID: account)
                return arn
            }
        }
        return SSMContacts.CreateRotationResult(rotationArn: result)
    }

    /// Returns a rotation.
    public func getRotation(_ input: SSMContacts.GetRotationRequest, context: AWSRequestContext) async throws -> SSMContacts.GetRotationResult {
        let record = try await rotation(input.rotationId, context: context)
        let definition = record.definition
        return SSMContacts.GetRotationResult(
            rotationArn: record.arn,
            name: record.name,
            contactIds: definition.members,
            startTime: definition.start,
            timeZoneId: definition.timeZoneID,
            recurrence: RotationMapping.settings(definition.recurrence)
        )
    }

    /// Lists rotations by name.
    public func listRotations(_ input: SSMContacts.ListRotationsRequest, context: AWSRequestContext) async throws -> SSMContacts.ListRotationsResult {
        let cursor = try PaginationToken.decode(input.nextToken, scope: "ListRotations")
        let account = context.accountID
        let region = context.region
        let limit = Self.pageSize(input.maxResults)
        let page = try await read(context.logger) { tx in
            try await tx.rotations.list(
                accountID: account, region: region, namePrefix: input.rotationNamePrefix, after: cursor, limit: limit)
        }
        return SSMContacts.ListRotationsResult(
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: "ListRotations") },
            rotations: page.items.map { record in
                let definition = record.definition
                return SSMContacts.Rotation(
                    rotationArn: record.arn,
                    name: record.name,
                    contactIds: definition.members,
                    startTime: definition.start,
                    timeZoneId: definition.timeZoneID,
                    recurrence: RotationMapping.settings(definition.recurrence)
                )
            }
        )
    }

    /// Changes a rotation's members, start, zone or recurrence.
    public func updateRotation(_ input: SSMContacts.UpdateRotationRequest, context: AWSRequestContext) async throws
        -> SSMContacts.UpdateRotationResult
    {
        let account = context.accountID
        let now = clock.now()
        let recurrence = try RotationMapping.recurrence(input.recurrence)
        try await write(context.logger) { tx in
            let rotations = tx.rotations
            guard var record = try await rotations.rotation(arn: input.rotationId, accountID: account) else {
                throw ContactsError.notFound(input.rotationId, type: "ROTATION")
            }
            var definition = record.definition
            if let members = input.contactIds {
                try await Self.requirePersonalContacts(members, field: "ContactIds", account: account, tx: tx)
                definition.members = members
            }
            definition.start = input.startTime ?? definition.start
            definition.timeZoneID = input.timeZoneId ?? definition.timeZoneID
            definition.recurrence = recurrence
            try Self.validate(definition)
            record.definition = definition
            record.updatedAt = now
            try await rotations.update(record)
        }
        return SSMContacts.UpdateRotationResult()
    }

    /// Deletes a rotation; refused while an on-call schedule uses it.
    public func deleteRotation(_ input: SSMContacts.DeleteRotationRequest, context: AWSRequestContext) async throws
        -> SSMContacts.DeleteRotationResult
    {
        let account = context.accountID
        let region = context.region
        try await write(context.logger) { tx in
            let rotations = tx.rotations
            guard let record = try await rotations.rotation(arn: input.rotationId, accountID: account) else {
                throw ContactsError.notFound(input.rotationId, type: "ROTATION")
            }
            let schedules = try await tx.contacts.mentioning(record.arn, accountID: account, region: region)
                .filter { $0.plan.rotationArns.contains(record.arn) }
            if !schedules.isEmpty {
                throw ContactsError.conflict(
                    record.arn,
                    type: "ROTATION",
                    message: "The rotation is used by \(schedules.count) on-call schedule(s)",
                    dependents: schedules.map(\.arn)
                )
            }
            try await rotations.delete(arn: record.arn, accountID: account)
            try await tx.tags.removeAll(from: record.arn, accountID: account)
            try await tx.calendarFeeds.remove(for: record.arn, accountID: account)
        }
        return SSMContacts.DeleteRotationResult()
    }

    /// Puts other people on call for an interval.
    public func createRotationOverride(
        _ input: SSMContacts.CreateRotationOverrideRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.CreateRotationOverrideResult {
        let account = context.accountID
        let now = clock.now()
        try Self.checkOverride(start: input.startTime, end: input.endTime, now: now, field: "EndTime")
        let id = try await write(context.logger) { tx in
            // A repeated call with the same IdempotencyToken (a form sent twice, a retry) returns the first override.
            try await self.idempotent(
                "CreateRotationOverride", token: input.idempotencyToken,
                fingerprint: try AWSInputFingerprint.of(input, ignoring: "IdempotencyToken"), account: account, now: now, tx: tx
            ) {
                guard try await tx.rotations.rotation(arn: input.rotationId, accountID: account) != nil else {
                    throw ContactsError.notFound(input.rotationId, type: "ROTATION")
                }
                return try await Self.insertOverride(
                    start: input.startTime, end: input.endTime, members: input.newContactIds, field: "NewContactIds", createdAt: now,
                    rotationArn: input.rotationId, account: account, tx: tx)
            }.result
        }
        return SSMContacts.CreateRotationOverrideResult(rotationOverrideId: id)
    }

    /// Returns an override.
    public func getRotationOverride(
        _ input: SSMContacts.GetRotationOverrideRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.GetRotationOverrideResult {
        let account = context.accountID
        guard
            let record = try await read(
                context.logger,
                {
                    try await $0.rotations.override(id: input.rotationOverrideId, rotationArn: input.rotationId, accountID: account)
                })
        else {
            throw ContactsError.notFound(input.rotationOverrideId, type: "ROTATION_OVERRIDE")
        }
        return SSMContacts.GetRotationOverrideResult(
            rotationOverrideId: record.id,
            rotationArn: input.rotationId,
            newContactIds: record.members,
            startTime: record.start,
            endTime: record.end,
            createTime: record.createdAt
        )
    }

    /// Lists overrides overlapping a window.
    public func listRotationOverrides(
        _ input: SSMContacts.ListRotationOverridesRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.ListRotationOverridesResult {
        guard input.startTime < input.endTime else {
            throw ContactsError.invalid("EndTime", "EndTime must be after StartTime")
        }
        let scope = "ListRotationOverrides:\(input.rotationId)"
        let offset = Int(try PaginationToken.decode(input.nextToken, scope: scope) ?? "0") ?? 0
        let account = context.accountID
        let limit = Self.pageSize(input.maxResults)
        let records = try await read(context.logger) { tx in
            guard try await tx.rotations.rotation(arn: input.rotationId, accountID: account) != nil else {
                throw ContactsError.notFound(input.rotationId, type: "ROTATION")
            }
            return try await tx.rotations.overrides(
                rotationArn: input.rotationId, accountID: account, from: input.startTime, to: input.endTime)
        }
        let slice = records.dropFirst(offset).prefix(limit)
        return SSMContacts.ListRotationOverridesResult(
            rotationOverrides: slice.map { record in
                SSMContacts.RotationOverride(
                    rotationOverrideId: record.id,
                    newContactIds: record.members,
                    startTime: record.start,
                    endTime: record.end,
                    createTime: record.createdAt
                )
            },
            nextToken: offset + limit < records.count ? PaginationToken.encode(String(offset + limit), scope: scope) : nil
        )
    }

    /// Deletes an override.
    public func deleteRotationOverride(
        _ input: SSMContacts.DeleteRotationOverrideRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.DeleteRotationOverrideResult {
        let account = context.accountID
        try await write(context.logger) { tx in
            let rotations = tx.rotations
            guard try await rotations.override(id: input.rotationOverrideId, rotationArn: input.rotationId, accountID: account) != nil else {
                throw ContactsError.notFound(input.rotationOverrideId, type: "ROTATION_OVERRIDE")
            }
            try await rotations.deleteOverride(id: input.rotationOverrideId, rotationArn: input.rotationId, accountID: account)
        }
        return SSMContacts.DeleteRotationOverrideResult()
    }

    /// Lists a rotation's shifts in a window, overrides applied.
    public func listRotationShifts(
        _ input: SSMContacts.ListRotationShiftsRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.ListRotationShiftsResult {
        let from = input.startTime ?? clock.now()
        try Self.checkWindow(from: from, to: input.endTime)
        let account = context.accountID
        let loaded: [Shift]?
        do {
            loaded = try await read(context.logger) { tx in
                try await tx.rotations.shifts(arn: input.rotationId, accountID: account, from: from, to: input.endTime)?.shifts
            }
        } catch let error as RotationError {
            // The stored rotation no longer works out (a zone the host's tzdata dropped, say): the caller's to fix.
            throw ContactsError.invalid(error.field, error.message)
        }
        guard let shifts = loaded else {
            throw ContactsError.notFound(input.rotationId, type: "ROTATION")
        }
        return try Self.page(shifts, token: input.nextToken, maxResults: input.maxResults, scope: "ListRotationShifts:\(input.rotationId)") {
            page, next in
            SSMContacts.ListRotationShiftsResult(rotationShifts: page, nextToken: next)
        }
    }

    /// The shifts a rotation would have, without creating it; the same engine as created rotations.
    public func listPreviewRotationShifts(
        _ input: SSMContacts.ListPreviewRotationShiftsRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.ListPreviewRotationShiftsResult {
        let now = clock.now()
        let from = input.startTime ?? now
        try Self.checkWindow(from: from, to: input.endTime)
        let definition = try Self.validatedDefinition(
            members: input.members, start: input.rotationStartTime ?? now, timeZoneID: input.timeZoneId, recurrence: input.recurrence)
        let specs = try (input.overrides ?? []).enumerated().map { index, override in
            guard let start = override.startTime, let end = override.endTime, start < end else {
                throw ContactsError.invalid("Overrides[\(index)]", "An override needs StartTime before EndTime")
            }
            return RotationOverrideSpec(
                id: "preview-\(index)", start: start, end: end, members: override.newMembers ?? [], createdAt: now.addingTimeInterval(Double(index)))
        }
        let shifts = try Self.shifts(definition, overrides: specs, from: from, to: input.endTime)
        return try Self.page(shifts, token: input.nextToken, maxResults: input.maxResults, scope: "ListPreviewRotationShifts") { page, next in
            SSMContacts.ListPreviewRotationShiftsResult(rotationShifts: page, nextToken: next)
        }
    }

    /// The caller's rotation.
    func rotation(_ arn: String, context: AWSRequestContext) async throws -> Rotation {
        let account = context.accountID
        guard let record = try await read(context.logger, { try await $0.rotations.rotation(arn: arn, accountID: account) }) else {
            throw ContactsError.notFound(arn, type: "ROTATION")
        }
        return record
    }

    /// A rotation definition from its wire parts, checked by the shift engine.
    static func validatedDefinition(
        members: [String],
        start: Date,
        timeZoneID: String,
        recurrence: SSMContacts.RecurrenceSettings
    ) throws -> RotationDefinition {
        let definition = RotationDefinition(
            members: members, start: start, timeZoneID: timeZoneID, recurrence: try RotationMapping.recurrence(recurrence))
        try validate(definition)
        return definition
    }

    /// Inserts a new rotation of the caller after checking that its members are personal contacts.
    static func insertRotation(
        arn: String,
        name: String,
        definition: RotationDefinition,
        now: Date,
        context: AWSRequestContext,
        tx: any ContactsTransaction
    ) async throws {
        try await requirePersonalContacts(definition.members, field: "ContactIds", account: context.accountID, tx: tx)
        try await tx.rotations.insert(
            Rotation(
                arn: arn,
                accountID: context.accountID,
                region: context.region,
                name: name,
                definition: definition,
                createdAt: now,
                updatedAt: now
            )
        )
    }

    /// Fails unless an override ends after it starts and after `now`; `field` names its end.
    static func checkOverride(start: Date, end: Date, now: Date, field: String) throws {
        guard start < end else {
            throw ContactsError.invalid(field, "The override must end after it starts")
        }
        guard end > now else {
            throw ContactsError.invalid(field, "The override must end in the future")
        }
    }

    /// Inserts an override of a rotation after checking that its members are personal contacts; returns its new id.
    static func insertOverride(
        start: Date,
        end: Date,
        members: [String],
        field: String,
        createdAt: Date,
        rotationArn: String,
        account: String,
        tx: any ContactsTransaction
    ) async throws -> String {
        try await requirePersonalContacts(members, field: field, account: account, tx: tx)
        let id = UUID().uuidString.lowercased()
        try await tx.rotations.insert(
            RotationOverrideSpec(id: id, start: start, end: end, members: members, createdAt: createdAt), rotationArn: rotationArn, accountID: account
        )
        return id
    }

    static func validate(_ definition: RotationDefinition) throws {
        do {
            try ShiftEngine.validate(definition)
        } catch let error as RotationError {
            throw ContactsError.invalid(error.field, error.message)
        }
    }

    static func shifts(_ definition: RotationDefinition, overrides: [RotationOverrideSpec], from: Date, to: Date) throws -> [Shift] {
        do {
            return try ShiftEngine.shifts(of: definition, overrides: overrides, from: from, to: to)
        } catch let error as RotationError {
            throw ContactsError.invalid(error.field, error.message)
        }
    }

    static func checkWindow(from: Date, to: Date) throws {
        guard from < to else {
            throw ContactsError.invalid("EndTime", "EndTime must be after StartTime")
        }
        guard to.timeIntervalSince(from) <= maxShiftWindow else {
            throw ContactsError.invalid("EndTime", "A shift listing covers at most 400 days")
        }
    }

    static func page<Result>(
        _ shifts: [Shift],
        token: String?,
        maxResults: Int?,
        scope: String,
        make: ([SSMContacts.RotationShift], String?) -> Result
    ) throws -> Result {
        let offset = Int(try PaginationToken.decode(token, scope: scope) ?? "0") ?? 0
        let limit = pageSize(maxResults)
        let slice = shifts.dropFirst(offset).prefix(limit).map(RotationMapping.shape)
        let next = offset + limit < shifts.count ? PaginationToken.encode(String(offset + limit), scope: scope) : nil
        return make(Array(slice), next)
    }

    /// Fails unless every ARN is a personal contact of the account.
    static func requirePersonalContacts(_ arns: [String], field: String, account: String, tx: any ContactsTransaction) async throws {
        let contacts = tx.contacts
        for (index, arn) in arns.enumerated() {
            guard let contact = try await contacts.contact(arn: arn, accountID: account) else {
                throw ContactsError.invalid("\(field)[\(index)]", "No contact has that ARN")
            }
            guard contact.type == .personal else {
                throw ContactsError.invalid("\(field)[\(index)]", "Only personal contacts take shifts")
            }
        }
    }
}
