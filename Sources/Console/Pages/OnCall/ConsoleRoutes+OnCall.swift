import AWSProtocol
import Foundation
import HikeshiCore
import Hummingbird
import SSMContactsModel

extension ConsoleRoutes {
    /// Who reads the on-call pages (managers and admins also change things).
    static let oncallRoles: Set<ConsoleRole> = [.responder, .oncallManager]

    /// The on-call pages: now, rotations with overrides, contacts, escalation plans, and mine.
    func registerOnCall<Context: RequestContext>(on router: Router<Context>) {
        let roles = Self.oncallRoles
        router.get("/console/oncall") { request, context in
            await self.page(request, context, roles: roles) { call in
                .page(template: "oncall-now", title: call.strings.oncall.whoIsOnCall, model: try await self.onCallNow(call))
            }
        }
        router.get("/console/oncall/fragment") { request, context in
            await self.page(request, context, roles: roles) { call in .fragment(template: "oncall-now-rows", model: try await self.onCallNow(call)) }
        }
        router.get("/console/oncall/me") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.onCallMe(call, errors: []) }
        }
        router.post("/console/oncall/me/feeds") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.onCallMe(call, errors: [], showFeeds: true) }
        }
        router.post("/console/oncall/me/acknowledge") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.acknowledge(call) }
        }
        router.get("/console/oncall/rotations/:rotation") { request, context in
            await self.page(request, context, roles: roles) { call in
                try await self.rotationPage(call, arn: self.rotationArn(context, call), errors: [])
            }
        }
        router.post("/console/oncall/rotations/:rotation/overrides/preview") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.previewOverride(call, arn: self.rotationArn(context, call)) }
        }
        router.post("/console/oncall/rotations/:rotation/overrides") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.createOverride(call, arn: self.rotationArn(context, call)) }
        }
        router.post("/console/oncall/rotations/:rotation/overrides/:override/delete") { request, context in
            await self.page(request, context, roles: roles) { call in
                guard call.allows([.oncallManager]) else { throw ConsoleError(.forbidden) }
                let arn = try self.rotationArn(context, call)
                let input = SSMContacts.DeleteRotationOverrideRequest(rotationId: arn, rotationOverrideId: context.parameters.get("override") ?? "")
                do {
                    _ = try await self.services.contacts.deleteRotationOverride(try input.validated(), context: call.aws)
                } catch let error as any AWSErrorConvertible {
                    return try await self.rotationPage(call, arn: arn, errors: [Self.describe(error.awsError)])
                }
                return .redirect(Self.rotationPath(arn) + "?notice=oncall.overrideDeleted")
            }
        }
        router.get("/console/oncall/contacts/:alias") { request, context in
            await self.page(request, context, roles: roles) { call in
                try await self.contactPage(call, arn: self.contactArn(context, call), errors: [])
            }
        }
        router.post("/console/oncall/contacts/:alias/test") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.sendTestPage(call, arn: self.contactArn(context, call)) }
        }
        router.get("/console/oncall/escalation-plans/:alias") { request, context in
            await self.page(request, context, roles: roles) { call in
                try await self.escalationPage(call, arn: self.contactArn(context, call), errors: [])
            }
        }
        router.post("/console/oncall/escalation-plans/:alias/stages/:index/:direction") { request, context in
            await self.page(request, context, roles: roles) { call in
                try await self.moveStage(
                    call, arn: self.contactArn(context, call), index: Int(context.parameters.get("index") ?? "") ?? -1,
                    direction: context.parameters.get("direction") ?? "")
            }
        }
    }

    // MARK: Names and paths

    /// An ssm-contacts ARN of the user's account in the console's region.
    func contactsArn(_ call: ConsoleCall, _ resource: String) -> String {
        "arn:aws:ssm-contacts:\(call.aws.region):\(call.user.accountID):\(resource)"
    }

    /// The rotation a path names (by name, or by a whole ARN).
    func rotationArn<Context: RequestContext>(_ context: Context, _ call: ConsoleCall) throws -> String {
        let raw = context.parameters.get("rotation") ?? ""
        let name = raw.removingPercentEncoding ?? raw
        if name.hasPrefix("arn:") { return name }
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "_-. ".contains($0) }) else { throw ConsoleError(.notFound) }
        return contactsArn(call, "rotation/\(name)")
    }

    /// The contact (or escalation plan) a path names by alias.
    func contactArn<Context: RequestContext>(_ context: Context, _ call: ConsoleCall) throws -> String {
        let alias = context.parameters.get("alias") ?? ""
        guard !alias.isEmpty, alias.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-" }) else { throw ConsoleError(.notFound) }
        return contactsArn(call, "contact/\(alias)")
    }

    /// The last part of an ARN (a rotation's name, a contact's alias).
    static func resourceName(_ arn: String) -> String {
        arn.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? arn
    }

    /// The console page of a rotation ARN.
    static func rotationPath(_ arn: String) -> String {
        let name = resourceName(arn)
        return "/console/oncall/rotations/" + (name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", "_", "."])) ?? name)
    }

    /// The console page of a contact: escalation plans have their own page.
    static func contactPath(_ arn: String, type: SSMContacts.ContactType?) -> String {
        (type == .escalation ? "/console/oncall/escalation-plans/" : "/console/oncall/contacts/") + resourceName(arn)
    }

    /// The account's contacts by ARN (at most 1,000).
    func contactDirectory(_ call: ConsoleCall) async throws -> [String: SSMContacts.Contact] {
        var contacts: [String: SSMContacts.Contact] = [:]
        var token: String?
        for _ in 0..<10 {
            let output = try await services.contacts.listContacts(
                SSMContacts.ListContactsRequest(nextToken: token, maxResults: 100).validated(), context: call.aws)
            for contact in output.contacts ?? [] { contacts[contact.contactArn] = contact }
            token = output.nextToken
            if token == nil { break }
        }
        return contacts
    }

    /// The account's rotations (at most 1,000).
    func allRotations(_ call: ConsoleCall) async throws -> [SSMContacts.Rotation] {
        var rotations: [SSMContacts.Rotation] = []
        var token: String?
        for _ in 0..<10 {
            let output = try await services.contacts.listRotations(
                SSMContacts.ListRotationsRequest(nextToken: token, maxResults: 100).validated(), context: call.aws)
            rotations += output.rotations
            token = output.nextToken
            if token == nil { break }
        }
        return rotations.sorted { $0.name < $1.name }
    }

    /// A rotation's shifts in a window, overrides applied (ListRotationShifts, every page).
    func shifts(_ call: ConsoleCall, rotation arn: String, from: Date, to: Date) async throws -> [RotationCalendar.Span] {
        var spans: [RotationCalendar.Span] = []
        var token: String?
        repeat {
            let output = try await services.contacts.listRotationShifts(
                SSMContacts.ListRotationShiftsRequest(rotationId: arn, startTime: from, endTime: to, nextToken: token, maxResults: 1024)
                    .validated(), context: call.aws)
            spans += (output.rotationShifts ?? []).map(Self.span)
            token = output.nextToken
        } while token != nil && spans.count < 10000
        return spans
    }

    static func span(_ shift: SSMContacts.RotationShift) -> RotationCalendar.Span {
        RotationCalendar.Span(contacts: shift.contactIds ?? [], start: shift.startTime, end: shift.endTime, isOverride: shift.type == .overridden)
    }

    /// A contact's name as shown: its display name, else its alias.
    static func name(_ arn: String, _ directory: [String: SSMContacts.Contact]) -> String {
        directory[arn].map { $0.displayName ?? $0.alias } ?? resourceName(arn)
    }

    static func link(_ arn: String, _ directory: [String: SSMContacts.Contact]) -> OnCallLink {
        OnCallLink(label: name(arn, directory), href: contactPath(arn, type: directory[arn]?.type))
    }

    /// An instant in a rotation's zone, with the viewer's zone in the tooltip.
    static func rotationTime(_ instant: Date, zone: TimeFormatter, call: ConsoleCall) -> TimeView {
        TimeView(
            machine: zone.machine(instant), text: "\(zone.dateTime(instant)) (\(zone.timeZone.identifier))",
            title: "\(zone.title(instant)) · \(call.strings.oncall.yourZone): \(call.time.title(instant))")
    }

    func shiftRows(
        _ spans: [RotationCalendar.Span], rotation: OnCallLink, zone: TimeFormatter, directory: [String: SSMContacts.Contact], call: ConsoleCall
    ) -> [ShiftRow] {
        let t = call.strings.oncall
        return spans.map { span in
            ShiftRow(
                rotation: rotation, start: Self.rotationTime(span.start, zone: zone, call: call),
                end: Self.rotationTime(span.end, zone: zone, call: call),
                contacts: span.contacts.map { Self.name($0, directory) }.joined(separator: ", "),
                typeLabel: span.isOverride ? t.typeOverride : t.typeRegular, typeRaw: span.isOverride ? "OVERRIDDEN" : "REGULAR",
                isOverride: span.isOverride)
        }
    }

    // MARK: Now

    func onCallNow(_ call: ConsoleCall) async throws -> OnCallNowModel {
        let directory = try await contactDirectory(call)
        let now = call.now
        var current: [String: (people: [String], until: Date, isOverride: Bool)] = [:]
        var rows: [NowRotationRow] = []
        for rotation in try await allRotations(call) {
            let spans = try await shifts(call, rotation: rotation.rotationArn, from: now, to: now.addingTimeInterval(1))
            let span = spans.first { $0.start <= now && $0.end > now }
            var until = span?.end ?? now
            if span == nil {
                // Nobody now: the gap lasts until the next shift starts (or at least a week).
                let week = now.addingTimeInterval(7 * 86400)
                until = try await shifts(call, rotation: rotation.rotationArn, from: now, to: week).map(\.start).filter { $0 > now }.min() ?? week
            }
            current[rotation.rotationArn] = (span?.contacts ?? [], until, span?.isOverride ?? false)
            let zone = TimeFormatter(language: call.language, timeZoneID: rotation.timeZoneId)
            rows.append(
                NowRotationRow(
                    rotation: OnCallLink(label: rotation.name, href: Self.rotationPath(rotation.rotationArn)), zone: zone.zoneName(at: now),
                    people: (span?.contacts ?? []).map { Self.link($0, directory) },
                    until: Self.rotationTime(until, zone: zone, call: call),
                    isOverride: span?.isOverride ?? false))
        }
        var schedules: [NowScheduleRow] = []
        var throughSchedule: [String: [String]] = [:]
        var plans: [NowPlanRow] = []
        let t = call.strings.oncall
        let sorted = directory.values.sorted { $0.alias < $1.alias }
        for contact in sorted where contact.type == .oncallSchedule {
            let plan = try await services.contacts.getContact(
                SSMContacts.GetContactRequest(contactId: contact.contactArn).validated(), context: call.aws
            ).plan
            let rotationArns = plan.rotationIds ?? []
            var people: [String] = []
            for arn in rotationArns {
                for person in current[arn]?.people ?? [] where !people.contains(person) { people.append(person) }
            }
            throughSchedule[contact.contactArn] = people
            schedules.append(
                NowScheduleRow(
                    schedule: Self.link(contact.contactArn, directory), people: people.map { Self.link($0, directory) },
                    rotations: rotationArns.map { OnCallLink(label: Self.resourceName($0), href: Self.rotationPath($0)) }))
        }
        for contact in sorted where contact.type == .escalation {
            let stages =
                try await services.contacts.getContact(
                    SSMContacts.GetContactRequest(contactId: contact.contactArn).validated(), context: call.aws
                ).plan.stages ?? []
            let first = stages.first
            let targets = (first?.targets ?? []).compactMap { $0.contactTargetInfo?.contactId }.map { target in
                let link = Self.link(target, directory)
                guard let people = throughSchedule[target] else { return link }
                let names = people.isEmpty ? t.nobody : people.map { Self.name($0, directory) }.joined(separator: ", ")
                return OnCallLink(label: String(format: t.onCallThrough, link.label, names), href: link.href)
            }
            plans.append(
                NowPlanRow(
                    plan: Self.link(contact.contactArn, directory), targets: targets,
                    minutes: String(format: t.minutesFormat, String(first?.durationInMinutes ?? 0)),
                    stages: String(format: t.stagesFormat, String(stages.count))))
        }
        return OnCallNowModel(rotations: rows, schedules: schedules, plans: plans, asOf: call.timeView(now))
    }

    // MARK: Rotation

    func rotationPage(_ call: ConsoleCall, arn: String, errors: [String], form: FormData? = nil) async throws -> ConsoleReply {
        let t = call.strings.oncall
        let rotation = try await services.contacts.getRotation(SSMContacts.GetRotationRequest(rotationId: arn).validated(), context: call.aws)
        let directory = try await contactDirectory(call)
        let zone = TimeFormatter(language: call.language, timeZoneID: rotation.timeZoneId)
        let calendar = RotationCalendar.calendar(zone: zone.timeZone, firstWeekday: call.language == .english ? 1 : 2)
        let base = Self.rotationPath(rotation.rotationArn)
        let now = call.now
        let today = calendar.dateComponents([.year, .month], from: now)
        var year = today.year ?? 2026
        var month = today.month ?? 1
        if let asked = call.query["month"], let parsed = Self.yearMonth(asked) { (year, month) = parsed }
        let grid = RotationCalendar.monthGrid(year: year, month: month, spans: [], calendar: calendar) ?? []
        let gridStart = grid.first?.first?.start ?? now
        let gridEnd = grid.last?.last?.end ?? now.addingTimeInterval(86400)
        let monthSpans = try await shifts(call, rotation: arn, from: gridStart, to: gridEnd)
        let weeks = RotationCalendar.monthGrid(year: year, month: month, spans: monthSpans, calendar: calendar) ?? []
        let horizon = now.addingTimeInterval(28 * 86400)
        let ahead = try await shifts(call, rotation: arn, from: now, to: horizon)
        let week = RotationCalendar.days(from: now, count: 7, spans: ahead, calendar: calendar)
        let todayStart = calendar.startOfDay(for: now)
        func cell(_ day: RotationCalendar.Day, long: Bool) -> CalendarDay {
            CalendarDay(
                label: long ? zone.date(day.start) : String(day.day), machine: String(format: "%04d-%02d-%02d", day.year, day.month, day.day),
                inMonth: day.inMonth, isToday: day.start == todayStart,
                entries: day.pieces.map { piece in
                    CalendarEntry(
                        text:
                            "\(RotationCalendar.clock(piece.start, calendar: calendar))–\(RotationCalendar.clock(piece.end, dayEnd: day.end, calendar: calendar)) "
                            + (piece.contacts.isEmpty ? t.nobody : piece.contacts.map { Self.name($0, directory) }.joined(separator: ", ")),
                        isOverride: piece.isOverride)
                })
        }
        let monthStart = calendar.date(from: DateComponents(year: year, month: month, day: 1)) ?? now
        let monthLabel = monthStart.formatted(
            Date.FormatStyle(locale: Locale(identifier: call.language.localeIdentifier), calendar: calendar, timeZone: zone.timeZone).year().month(
                .wide))
        func monthHref(_ delta: Int) -> String {
            let other = calendar.date(byAdding: .month, value: delta, to: monthStart) ?? monthStart
            let parts = calendar.dateComponents([.year, .month], from: other)
            return base + String(format: "?month=%04d-%02d", parts.year ?? 0, parts.month ?? 0)
        }
        var symbols = Calendar(identifier: .gregorian)
        symbols.locale = Locale(identifier: call.language.localeIdentifier)
        let names = symbols.shortStandaloneWeekdaySymbols
        let weekdays = (0..<7).map { names[(calendar.firstWeekday - 1 + $0) % 7] }
        let link = OnCallLink(label: rotation.name, href: base)
        let inMonth = monthSpans.filter { $0.end > monthStart && $0.start < (calendar.date(byAdding: .month, value: 1, to: monthStart) ?? gridEnd) }

        let overrides =
            try await services.contacts.listRotationOverrides(
                SSMContacts.ListRotationOverridesRequest(
                    rotationId: arn, startTime: now.addingTimeInterval(-7 * 86400), endTime: now.addingTimeInterval(365 * 86400), maxResults: 1024
                ).validated(), context: call.aws
            ).rotationOverrides ?? []

        let gaps = RotationCalendar.gaps(ahead, from: now, to: horizon).map { gap in
            String(
                format: t.gapSentence, Self.rotationTime(gap.start, zone: zone, call: call).text,
                Self.rotationTime(gap.end, zone: zone, call: call).text,
                zone.duration(gap.end.timeIntervalSince(gap.start)))
        }
        let loads = RotationCalendar.load(ahead, members: rotation.contactIds, from: now, to: horizon)
        let average = loads.isEmpty ? 0 : loads.map(\.hours).reduce(0, +) / Double(loads.count)
        let start = Self.nextHour(now, calendar: calendar)
        let chosen = form?["contact"]
        let recurrence = rotation.recurrence
        let model = RotationPageModel(
            name: rotation.name, arn: rotation.rotationArn, base: base, zoneName: zone.zoneName(at: now),
            zoneNote: String(format: t.rotationZoneNote, zone.zoneName(at: now), call.time.zoneName(at: now)),
            started: Self.rotationTime(rotation.startTime, zone: zone, call: call), recurrence: Self.recurrenceText(recurrence, t),
            onCallPerShift: String(recurrence.numberOfOnCalls), coverage: Self.coverageText(recurrence, t),
            members: rotation.contactIds.map { Self.link($0, directory) },
            week: week.map { cell($0, long: true) }, monthLabel: monthLabel, prevHref: monthHref(-1), nextHref: monthHref(1), weekdays: weekdays,
            weeks: weeks.map { CalendarWeek(days: $0.map { cell($0, long: false) }) },
            shifts: shiftRows(inMonth, rotation: link, zone: zone, directory: directory, call: call),
            overrides: overrides.sorted { $0.startTime < $1.startTime }.map { item in
                OverrideRow(
                    id: item.rotationOverrideId, contacts: item.newContactIds.map { Self.name($0, directory) }.joined(separator: ", "),
                    start: Self.rotationTime(item.startTime, zone: zone, call: call), end: Self.rotationTime(item.endTime, zone: zone, call: call),
                    created: call.timeView(item.createTime))
            },
            gaps: gaps,
            loads: loads.map { load in
                let flagged = RotationCalendar.isUnbalanced(load)
                return LoadRow(
                    name: Self.name(load.contact, directory), hours: String(format: t.hoursFormat, String(Int(load.hours.rounded()))),
                    deviation: String(format: "%+d %%", Int((load.deviation * 100).rounded())), flagged: flagged,
                    verdict: flagged ? (load.deviation > 0 ? t.overloaded : t.underloaded) : t.balanced)
            },
            balanceNote: String(format: t.balanceNote, String(format: t.hoursFormat, String(Int(average.rounded())))),
            canEdit: call.allows([.oncallManager]),
            memberChoices: rotation.contactIds.map { Choice(value: $0, label: Self.name($0, directory), selected: $0 == chosen) },
            defaultStart: form?["start"] ?? Self.localInput(start, calendar: calendar),
            defaultEnd: form?["end"] ?? Self.localInput(start.addingTimeInterval(12 * 3600), calendar: calendar),
            feedCommand: "hikeshi admin calendar-feed --account-id \(call.user.accountID) --resource-arn \(rotation.rotationArn)", errors: errors)
        return .page(template: "oncall-rotation", title: "\(rotation.name) · \(t.rotation)", model: model, status: errors.isEmpty ? 200 : 400)
    }

    /// "2026-03" as a year and month.
    static func yearMonth(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (1970...9999).contains(parts[0]), (1...12).contains(parts[1]) else { return nil }
        return (parts[0], parts[1])
    }

    /// The next whole hour after an instant, in the calendar's zone.
    static func nextHour(_ instant: Date, calendar: Calendar) -> Date {
        let hour = calendar.dateInterval(of: .hour, for: instant)?.start ?? instant
        return hour.addingTimeInterval(3600)
    }

    /// A `datetime-local` value in the calendar's zone.
    static func localInput(_ instant: Date, calendar: Calendar) -> String {
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return String(format: "%04d-%02d-%02dT%02d:%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0)
    }

    static func handOff(_ time: SSMContacts.HandOffTime) -> String {
        String(format: "%02d:%02d", time.hourOfDay, time.minuteOfHour)
    }

    static func recurrenceText(_ recurrence: SSMContacts.RecurrenceSettings, _ t: OnCallStrings) -> String {
        var text: String
        if let daily = recurrence.dailySettings, !daily.isEmpty {
            text = String(format: t.dailyAt, daily.map(handOff).joined(separator: ", "))
        } else if let weekly = recurrence.weeklySettings, !weekly.isEmpty {
            text = String(format: t.weeklyAt, weekly.map { "\($0.dayOfWeek.rawValue) \(handOff($0.handOffTime))" }.joined(separator: ", "))
        } else {
            text = String(
                format: t.monthlyAt, (recurrence.monthlySettings ?? []).map { "\($0.dayOfMonth) \(handOff($0.handOffTime))" }.joined(separator: ", "))
        }
        if recurrence.recurrenceMultiplier > 1 { text += " · " + String(format: t.everyN, String(recurrence.recurrenceMultiplier)) }
        return text
    }

    static func coverageText(_ recurrence: SSMContacts.RecurrenceSettings, _ t: OnCallStrings) -> String {
        guard let coverage = recurrence.shiftCoverages, !coverage.isEmpty else { return t.coverageAllDay }
        return coverage.keys.sorted().map { day in
            day + " " + (coverage[day] ?? []).map { "\($0.start.map(handOff) ?? "00:00")–\($0.end.map(handOff) ?? "24:00")" }.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    // MARK: Overrides

    /// The override the form describes, read in the rotation's zone; an error names what is wrong.
    func overrideForm(
        _ call: ConsoleCall, rotation: SSMContacts.GetRotationResult
    ) -> Result<(contact: String, start: Date, end: Date), ConsoleFormProblem> {
        let t = call.strings.oncall
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: rotation.timeZoneId) ?? .gmt
        guard let start = call.form.text("start").flatMap({ Self.localDateTime($0, calendar: calendar) }),
            let end = call.form.text("end").flatMap({ Self.localDateTime($0, calendar: calendar) })
        else { return .failure(ConsoleFormProblem(message: "ValidationException: \(t.overrideStart) / \(t.overrideEnd)")) }
        guard let contact = call.form.text("contact"), rotation.contactIds.contains(contact) else {
            return .failure(ConsoleFormProblem(message: "ValidationException: \(t.overrideContact)"))
        }
        guard start < end else { return .failure(ConsoleFormProblem(message: "ValidationException: \(t.endAfterStart)")) }
        return .success((contact, start, end))
    }

    func previewOverride(_ call: ConsoleCall, arn: String) async throws -> ConsoleReply {
        guard call.allows([.oncallManager]) else { throw ConsoleError(.forbidden) }
        let t = call.strings.oncall
        let rotation = try await services.contacts.getRotation(SSMContacts.GetRotationRequest(rotationId: arn).validated(), context: call.aws)
        let wanted: (contact: String, start: Date, end: Date)
        switch overrideForm(call, rotation: rotation) {
        case .failure(let problem): return try await rotationPage(call, arn: arn, errors: [problem.message], form: call.form)
        case .success(let value): wanted = value
        }
        let directory = try await contactDirectory(call)
        let zone = TimeFormatter(language: call.language, timeZoneID: rotation.timeZoneId)
        let from = wanted.start.addingTimeInterval(-86400)
        let to = wanted.end.addingTimeInterval(86400)
        let before: [RotationCalendar.Span]
        var after: [RotationCalendar.Span] = []
        do {
            before = try await shifts(call, rotation: arn, from: from, to: to)
            let existing =
                try await services.contacts.listRotationOverrides(
                    SSMContacts.ListRotationOverridesRequest(rotationId: arn, startTime: from, endTime: to, maxResults: 1024).validated(),
                    context: call.aws
                ).rotationOverrides ?? []
            let overrides =
                existing.sorted { $0.createTime < $1.createTime }.map {
                    SSMContacts.PreviewOverride(newMembers: $0.newContactIds, startTime: $0.startTime, endTime: $0.endTime)
                } + [SSMContacts.PreviewOverride(newMembers: [wanted.contact], startTime: wanted.start, endTime: wanted.end)]
            var token: String?
            repeat {
                let output = try await services.contacts.listPreviewRotationShifts(
                    SSMContacts.ListPreviewRotationShiftsRequest(
                        rotationStartTime: rotation.startTime, startTime: from, endTime: to, members: rotation.contactIds,
                        timeZoneId: rotation.timeZoneId, recurrence: rotation.recurrence, overrides: overrides, nextToken: token, maxResults: 1024
                    ).validated(), context: call.aws)
                after += (output.rotationShifts ?? []).map(Self.span)
                token = output.nextToken
            } while token != nil && after.count < 10000
        } catch let error as any AWSErrorConvertible {
            return try await rotationPage(call, arn: arn, errors: [Self.describe(error.awsError)], form: call.form)
        }
        let link = OnCallLink(label: rotation.name, href: Self.rotationPath(arn))
        let model = OverridePreviewModel(
            name: rotation.name, base: Self.rotationPath(arn), zoneName: zone.zoneName(at: wanted.start), contact: wanted.contact,
            contactName: Self.name(wanted.contact, directory), start: call.form["start"] ?? "", end: call.form["end"] ?? "",
            startTime: Self.rotationTime(wanted.start, zone: zone, call: call), endTime: Self.rotationTime(wanted.end, zone: zone, call: call),
            before: ShiftTable(shifts: shiftRows(before, rotation: link, zone: zone, directory: directory, call: call)),
            after: ShiftTable(shifts: shiftRows(after, rotation: link, zone: zone, directory: directory, call: call)),
            gapsAfter: RotationCalendar.gaps(after, from: from, to: to).map { gap in
                String(
                    format: t.gapSentence, Self.rotationTime(gap.start, zone: zone, call: call).text,
                    Self.rotationTime(gap.end, zone: zone, call: call).text, zone.duration(gap.end.timeIntervalSince(gap.start)))
            }, token: UUID().uuidString.lowercased())
        return .page(template: "oncall-override-preview", title: "\(t.previewOverride) · \(rotation.name)", model: model)
    }

    func createOverride(_ call: ConsoleCall, arn: String) async throws -> ConsoleReply {
        guard call.allows([.oncallManager]) else { throw ConsoleError(.forbidden) }
        let rotation = try await services.contacts.getRotation(SSMContacts.GetRotationRequest(rotationId: arn).validated(), context: call.aws)
        switch overrideForm(call, rotation: rotation) {
        case .failure(let problem):
            return try await rotationPage(call, arn: arn, errors: [problem.message], form: call.form)
        case .success(let wanted):
            let input = SSMContacts.CreateRotationOverrideRequest(
                rotationId: arn, newContactIds: [wanted.contact], startTime: wanted.start, endTime: wanted.end,
                idempotencyToken: call.form.text("token"))
            do {
                _ = try await services.contacts.createRotationOverride(try input.validated(), context: call.aws)
            } catch let error as any AWSErrorConvertible {
                return try await rotationPage(call, arn: arn, errors: [Self.describe(error.awsError)], form: call.form)
            }
            return .redirect(Self.rotationPath(arn) + "?notice=oncall.overrideCreated")
        }
    }

    // MARK: Contacts

    func contactPage(_ call: ConsoleCall, arn: String, errors: [String]) async throws -> ConsoleReply {
        let t = call.strings.oncall
        let contact = try await services.contacts.getContact(SSMContacts.GetContactRequest(contactId: arn).validated(), context: call.aws)
        if contact.type == .escalation, errors.isEmpty { return .redirect(Self.contactPath(contact.contactArn, type: .escalation)) }
        let directory = try await contactDirectory(call)
        var channels: [SSMContacts.ContactChannel] = []
        if contact.type == .personal {
            var token: String?
            repeat {
                let output = try await services.contacts.listContactChannels(
                    SSMContacts.ListContactChannelsRequest(contactId: contact.contactArn, nextToken: token, maxResults: 100).validated(),
                    context: call.aws)
                channels += output.contactChannels
                token = output.nextToken
            } while token != nil && channels.count < 1000
        }
        let channelNames = Dictionary(channels.map { ($0.contactChannelArn, $0.name) }, uniquingKeysWith: { first, _ in first })
        var engagement: [EngagementRow] = []
        var minute = 0
        for (index, stage) in (contact.plan.stages ?? []).enumerated() {
            for target in stage.targets {
                if let channel = target.channelTargetInfo {
                    engagement.append(
                        EngagementRow(
                            channel: channelNames[channel.contactChannelId] ?? Self.resourceName(channel.contactChannelId),
                            minutes: String(format: t.minutesFormat, String(minute)), stage: String(index + 1)))
                } else if let other = target.contactTargetInfo?.contactId {
                    engagement.append(
                        EngagementRow(
                            channel: Self.name(other, directory), minutes: String(format: t.minutesFormat, String(minute)), stage: String(index + 1)))
                }
            }
            minute += stage.durationInMinutes
        }
        let rotations: [OnCallLink]
        if contact.type == .personal {
            rotations = try await allRotations(call).filter { ($0.contactIds ?? []).contains(contact.contactArn) }.map {
                OnCallLink(label: $0.name, href: Self.rotationPath($0.rotationArn))
            }
        } else {
            rotations = (contact.plan.rotationIds ?? []).map { OnCallLink(label: Self.resourceName($0), href: Self.rotationPath($0)) }
        }
        let model = ContactPageModel(
            alias: contact.alias, name: contact.displayName ?? contact.alias, arn: contact.contactArn,
            base: "/console/oncall/contacts/\(contact.alias)", typeLabel: Self.typeLabel(contact.type, t), typeRaw: contact.type.rawValue,
            isPersonal: contact.type == .personal, isSchedule: contact.type == .oncallSchedule, isPlan: contact.type == .escalation,
            planHref: Self.contactPath(contact.contactArn, type: .escalation),
            channels: channels.map { channel in
                ChannelRow(
                    name: channel.name, typeLabel: channel.type?.rawValue ?? "", address: channel.deliveryAddress.simpleAddress ?? "",
                    stateLabel: channel.activationStatus == .activated ? t.activated : t.notActivated, stateRaw: channel.activationStatus.rawValue,
                    activated: channel.activationStatus == .activated)
            },
            engagement: engagement,
            rotations: rotations,
            canTest: call.allows([.oncallManager]), errors: errors)
        return .page(template: "oncall-contact", title: "\(model.name) · \(t.contact)", model: model, status: errors.isEmpty ? 200 : 400)
    }

    static func typeLabel(_ type: SSMContacts.ContactType, _ t: OnCallStrings) -> String {
        switch type {
        case .personal: t.typePersonal
        case .escalation: t.typeEscalation
        case .oncallSchedule: t.typeSchedule
        }
    }

    func sendTestPage(_ call: ConsoleCall, arn: String) async throws -> ConsoleReply {
        guard call.allows([.oncallManager]) else { throw ConsoleError(.forbidden) }
        let t = call.strings.oncall
        let input = SSMContacts.StartEngagementRequest(
            contactId: arn, sender: Self.sender(call.user.userName), subject: t.testSubject,
            content: String(format: t.testContent, call.user.userName))
        do {
            _ = try await services.contacts.startEngagement(try input.validated(), context: call.aws)
        } catch let error as any AWSErrorConvertible {
            return try await contactPage(call, arn: arn, errors: [Self.describe(error.awsError)])
        }
        return .redirect("/console/oncall/contacts/\(Self.resourceName(arn))?notice=oncall.testSent")
    }

    /// The engagement's sender: "hikeshi-console:" and the user's name, kept to the characters the Sender member allows.
    static func sender(_ userName: String) -> String {
        "hikeshi-console:" + String(userName.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "_@.-".contains($0)) }.prefix(200))
    }

    // MARK: Escalation plans

    func escalationPage(_ call: ConsoleCall, arn: String, errors: [String]) async throws -> ConsoleReply {
        let t = call.strings.oncall
        let contact = try await services.contacts.getContact(SSMContacts.GetContactRequest(contactId: arn).validated(), context: call.aws)
        guard contact.type == .escalation else { return .redirect(Self.contactPath(contact.contactArn, type: contact.type)) }
        let directory = try await contactDirectory(call)
        let canEdit = call.allows([.oncallManager])
        let stages = contact.plan.stages ?? []
        var minute = 0
        var rows: [StageRow] = []
        for (index, stage) in stages.enumerated() {
            rows.append(
                StageRow(
                    number: String(index + 1), index: String(index), startsAt: String(format: t.minutesFormat, String(minute)),
                    duration: String(format: t.minutesFormat, String(stage.durationInMinutes)),
                    targets: stage.targets.map { target in
                        if let info = target.contactTargetInfo, let id = info.contactId {
                            return TargetRow(
                                link: Self.link(id, directory), kind: directory[id].map { Self.typeLabel($0.type, t) } ?? t.contact,
                                essential: info.isEssential)
                        }
                        let channel = target.channelTargetInfo?.contactChannelId ?? ""
                        return TargetRow(link: OnCallLink(label: Self.resourceName(channel), href: ""), kind: t.channel, essential: false)
                    }, canUp: canEdit && index > 0, canDown: canEdit && index < stages.count - 1))
            minute += stage.durationInMinutes
        }
        let model = EscalationPageModel(
            alias: contact.alias, name: contact.displayName ?? contact.alias, arn: contact.contactArn,
            base: "/console/oncall/escalation-plans/\(contact.alias)", stages: rows, canEdit: canEdit, errors: errors)
        return .page(template: "oncall-escalation", title: "\(model.name) · \(t.escalationPlan)", model: model, status: errors.isEmpty ? 200 : 400)
    }

    func moveStage(_ call: ConsoleCall, arn: String, index: Int, direction: String) async throws -> ConsoleReply {
        guard call.allows([.oncallManager]) else { throw ConsoleError(.forbidden) }
        guard direction == "up" || direction == "down" else { throw ConsoleError(.notFound) }
        let contact = try await services.contacts.getContact(SSMContacts.GetContactRequest(contactId: arn).validated(), context: call.aws)
        guard contact.type == .escalation, let stages = RotationCalendar.moved(contact.plan.stages ?? [], index: index, up: direction == "up") else {
            return try await escalationPage(call, arn: arn, errors: ["ValidationException: \(call.strings.oncall.cannotMove)"])
        }
        let input = SSMContacts.UpdateContactRequest(
            contactId: contact.contactArn, plan: SSMContacts.Plan(stages: stages, rotationIds: contact.plan.rotationIds))
        do {
            _ = try await services.contacts.updateContact(try input.validated(), context: call.aws)
        } catch let error as any AWSErrorConvertible {
            return try await escalationPage(call, arn: arn, errors: [Self.describe(error.awsError)])
        }
        return .redirect("/console/oncall/escalation-plans/\(contact.alias)?notice=oncall.stagesSaved")
    }

    // MARK: Me

    /// My on-call; `showFeeds` (a POST: the first look makes a feed's secret) shows the feed URLs of my rotations.
    func onCallMe(_ call: ConsoleCall, errors: [String], showFeeds: Bool = false) async throws -> ConsoleReply {
        let t = call.strings.oncall
        guard let me = call.user.contactArn, !me.isEmpty else {
            let model = OnCallMeModel(
                hasContact: false, contact: OnCallLink(label: "", href: ""), shifts: [], pages: [], feeds: [], errors: errors)
            return .page(template: "oncall-me", title: t.myOnCall, model: model)
        }
        let directory = try await contactDirectory(call)
        let now = call.now
        var shifts: [ShiftRow] = []
        var feeds: [FeedRow] = []
        var mine: [(Date, ShiftRow)] = []
        for rotation in try await allRotations(call) where (rotation.contactIds ?? []).contains(me) {
            let zone = TimeFormatter(language: call.language, timeZoneID: rotation.timeZoneId)
            let spans = try await self.shifts(call, rotation: rotation.rotationArn, from: now, to: now.addingTimeInterval(14 * 86400))
                .filter { $0.contacts.contains(me) }
            let link = OnCallLink(label: rotation.name, href: Self.rotationPath(rotation.rotationArn))
            for (span, row) in zip(spans, shiftRows(spans, rotation: link, zone: zone, directory: directory, call: call)) {
                mine.append((span.start, row))
            }
            let url =
                showFeeds
                ? try await services.calendarFeeds.feedURL(accountID: call.user.accountID, resourceArn: rotation.rotationArn, logger: call.logger)
                : nil
            feeds.append(
                FeedRow(
                    name: rotation.name,
                    command: "hikeshi admin calendar-feed --account-id \(call.user.accountID) --resource-arn \(rotation.rotationArn)", url: url))
        }
        shifts = mine.sorted { $0.0 < $1.0 }.map(\.1)
        var pages: [MyPageRow] = []
        for page in try await openPages(call, contact: me) {
            let detail = try await services.contacts.describePage(
                SSMContacts.DescribePageRequest(pageId: page.pageArn).validated(), context: call.aws)
            let receipts =
                try await services.contacts.listPageReceipts(
                    SSMContacts.ListPageReceiptsRequest(pageId: page.pageArn, maxResults: 50).validated(), context: call.aws
                ).receipts ?? []
            pages.append(
                MyPageRow(
                    pageArn: page.pageArn, subject: detail.subject, content: detail.content, sender: detail.sender,
                    sent: call.timeView(page.sentTime ?? now),
                    receipts: receipts.isEmpty
                        ? t.noReceipts : receipts.map { "\($0.receiptType.rawValue) \(call.time.time($0.receiptTime))" }.joined(separator: ", "),
                    incident: page.incidentId ?? "—"))
        }
        let model = OnCallMeModel(
            hasContact: true, contact: Self.link(me, directory), shifts: shifts, pages: pages, feeds: feeds, errors: errors)
        return .page(template: "oncall-me", title: t.myOnCall, model: model, status: errors.isEmpty ? 200 : 400)
    }

    /// A contact's pages not yet read (acknowledged), newest first.
    func openPages(_ call: ConsoleCall, contact: String) async throws -> [SSMContacts.Page] {
        var pages: [SSMContacts.Page] = []
        var token: String?
        repeat {
            let output = try await services.contacts.listPagesByContact(
                SSMContacts.ListPagesByContactRequest(contactId: contact, nextToken: token, maxResults: 100).validated(), context: call.aws)
            pages += output.pages
            token = output.nextToken
        } while token != nil && pages.count < 500
        return pages.filter { $0.readTime == nil }.sorted { ($0.sentTime ?? .distantPast) > ($1.sentTime ?? .distantPast) }
    }

    /// Acknowledges one of my pages: AcceptPage with READ. The console cannot know the code sent to the phone, so it
    /// asks for no code check (AcceptCodeValidation IGNORE, as the API allows any caller of the account); the
    /// validated AcceptCode member still needs 6 to 10 digits, so it sends zeros that are not compared.
    func acknowledge(_ call: ConsoleCall) async throws -> ConsoleReply {
        guard let me = call.user.contactArn, let page = call.form.text("page") else { throw ConsoleError(.badForm) }
        guard try await openPages(call, contact: me).contains(where: { $0.pageArn == page }) else {
            return try await onCallMe(call, errors: ["ResourceNotFoundException: \(call.strings.oncall.notYourPage)"])
        }
        let input = SSMContacts.AcceptPageRequest(
            pageId: page, acceptType: .read, note: "Acknowledged in the Hikeshi console by \(call.user.userName)", acceptCode: "000000",
            acceptCodeValidation: .ignore)
        do {
            _ = try await services.contacts.acceptPage(try input.validated(), context: call.aws)
        } catch let error as any AWSErrorConvertible {
            return try await onCallMe(call, errors: [Self.describe(error.awsError)])
        }
        return .redirect("/console/oncall/me?notice=oncall.acknowledged")
    }
}
