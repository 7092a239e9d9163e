import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Hummingbird

extension ConsoleRoutes {
    /// Who works the desk (an admin passes every role check).
    static let deskRoles: Set<ConsoleRole> = [.supportAgent]

    /// The desk: the queue, a case, plans and calendars, upstream providers.
    func registerDesk<Context: RequestContext>(on router: Router<Context>) {
        let roles = Self.deskRoles
        router.get("/console/desk") { request, context in
            await self.page(request, context, roles: roles) { _ in .redirect("/console/desk/queue") }
        }
        router.get("/console/desk/queue") { request, context in
            await self.page(request, context, roles: roles) { call in
                .page(template: "desk-queue", title: call.strings.desk.queue, model: try await self.queue(call))
            }
        }
        router.get("/console/desk/queue/fragment") { request, context in
            await self.page(request, context, roles: roles) { call in .fragment(template: "desk-queue-rows", model: try await self.queue(call)) }
        }
        router.get("/console/desk/cases/:case") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.deskCase(call, id: Self.caseID(context), errors: []) }
        }
        router.post("/console/desk/cases/:case/:action") { request, context in
            await self.page(request, context, roles: roles) { call in
                try await self.deskAction(call, id: Self.caseID(context), action: context.parameters.get("action") ?? "")
            }
        }
        router.get("/console/desk/plans") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.plans(call, errors: []) }
        }
        router.post("/console/desk/plans/holidays") { request, context in
            await self.page(request, context, roles: []) { call in try await self.changeHoliday(call) }
        }
        registerUpstream(on: router)
    }

    static func deskCasePath(_ id: String) -> String { "/console/desk/cases/\(id)" }

    /// The business calendars by language code, as the core computes with them (nil when one does not convert).
    func calendars(_ call: ConsoleCall) async throws -> [String: BusinessCalendar] {
        let output = try await services.desk.listBusinessCalendars(Hikeshi.ListBusinessCalendarsRequest().validated(), context: call.aws)
        var out: [String: BusinessCalendar] = [:]
        for calendar in output.businessCalendars {
            var hours: [Weekday: [BusinessHoursWindow]] = [:]
            for entry in calendar.weeklyHours {
                guard let day = Weekday(rawValue: entry.day.rawValue), let window = BusinessHoursWindow(start: entry.start, end: entry.end) else {
                    continue
                }
                hours[day, default: []].append(window)
            }
            let holidays = calendar.companyHolidays.compactMap { holiday in CivilDate(holiday.date).map { Holiday(date: $0, name: holiday.name) } }
            out[calendar.language.rawValue] = try? BusinessCalendar(
                timeZoneIdentifier: calendar.timeZone, weeklyHours: hours, holidayCountry: HolidayCountry(code: calendar.holidayCountry.rawValue),
                companyHolidays: holidays)
        }
        return out
    }

    /// The due state of a case in words, its class and its absolute due time.
    func due(_ view: Hikeshi.CaseView, calendars: [String: BusinessCalendar], call: ConsoleCall) -> (label: String, css: String, rank: Int) {
        let t = call.strings.desk
        let counts = view.businessHoursOnly || !(SupportCatalog.service(code: view.serviceCode)?.isTechnical ?? true)
        let status = DueStatus.of(
            dueAt: view.firstResponseDueAt, firstResponseAt: view.firstResponseAt, breached: view.breached,
            calendar: counts ? calendars[view.language.rawValue] : nil, now: call.now)
        let label: String
        switch status {
        case .answered: label = t.answered
        case .noTarget: label = t.noTarget
        case .breached(let overdue): label = String(format: t.breachedFor, call.time.duration(overdue))
        case .running(let remaining): label = String(format: t.dueIn, call.time.duration(remaining))
        case .paused(let until, let remaining):
            let zone = TimeFormatter(language: call.language, timeZoneID: calendars[view.language.rawValue]?.timeZoneIdentifier)
            label = String(
                format: t.pausedUntil, "\(zone.dateTime(until)) \(zone.zoneName(at: until))", Self.businessDuration(remaining, call.language))
        }
        return (label, status.cssClass, status.rank)
    }

    /// Business time in hours and minutes ("24 hr" rather than "1 day": a business day is not 24 hours).
    static func businessDuration(_ seconds: TimeInterval, _ language: SupportLanguage) -> String {
        let duration = Duration.seconds(max(0, Int(seconds) / 60 * 60))
        let locale = Locale(identifier: language.localeIdentifier)
        let text = duration.formatted(.units(allowed: [.hours, .minutes], width: .abbreviated, zeroValueUnits: .hide).locale(locale))
        return text.isEmpty
            ? duration.formatted(.units(allowed: [.minutes], width: .abbreviated, zeroValueUnits: .show(length: 1)).locale(locale)) : text
    }

    // MARK: Queue

    func queue(_ call: ConsoleCall) async throws -> QueueModel {
        let t = call.strings.desk
        let language = call.query.text("language").flatMap(Hikeshi.LanguageCode.init(rawValue:))
        let specialty = call.query.text("specialty").flatMap(Hikeshi.Specialty.init(rawValue:))
        let service = call.query.text("service")
        // One page of the API's queue (its order: by first-response due time, cases without a target last); the page's
        // rows are then ranked breached first. The next page is the API's next token.
        let token = call.query.text("token")
        let first = max(1, call.query.text("from").flatMap(Int.init) ?? 1)
        let output = try await services.desk.listQueue(
            Hikeshi.ListQueueRequest(
                language: language, specialty: specialty, serviceCode: service, includeAssigned: true, maxResults: Self.queuePageSize,
                nextToken: token
            ).validated(), context: call.aws)
        let cases = output.cases
        let calendars = try await self.calendars(call)
        // Every case's due state decides the order; only one page of rows is built and rendered.
        let ordered = cases.map { view -> (Int, Date, Hikeshi.CaseView, (label: String, css: String, rank: Int)) in
            let state = due(view, calendars: calendars, call: call)
            return (state.rank, view.firstResponseDueAt ?? .distantFuture, view, state)
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        let rows = ordered.map { _, _, view, state -> QueueRow in
            QueueRow(
                href: Self.deskCasePath(view.caseId), displayID: view.displayId, subject: view.subject,
                lang: SupportLanguage(code: view.language.rawValue)?.htmlLang ?? view.language.rawValue, accountID: view.accountId,
                plan: view.plan.rawValue, severityLabel: Self.severityName(view.severityCode.rawValue, call.language),
                languageName: Self.languageName(view.language.rawValue),
                service: SupportCatalog.service(code: view.serviceCode)?.name(in: call.language) ?? view.serviceCode,
                specialty: view.specialty.flatMap { SupportSpecialty(rawValue: $0.rawValue)?.name(in: call.language) } ?? "",
                dueLabel: state.label, dueClass: state.css, due: view.firstResponseDueAt.map(call.timeView), assignee: view.agentId ?? t.unassigned)
        }
        let query = ["language": call.query.text("language"), "specialty": call.query.text("specialty"), "service": service]
            .compactMap { key, value in value.map { "\(key)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" } }.sorted()
            .joined(separator: "&")
        let filters = [
            language.map { Self.languageName($0.rawValue) }, specialty.flatMap { SupportSpecialty(rawValue: $0.rawValue)?.name(in: call.language) },
            service,
        ]
        .compactMap { $0 }
        return QueueModel(
            rows: rows,
            languages: [Choice(value: "", label: t.any, selected: language == nil)]
                + SupportLanguage.allCases.map { Choice(value: $0.rawValue, label: $0.nativeName, selected: $0.rawValue == language?.rawValue) },
            specialties: [Choice(value: "", label: t.any, selected: specialty == nil)]
                + SupportSpecialty.allCases.map {
                    Choice(value: $0.rawValue, label: $0.name(in: call.language), selected: $0.rawValue == specialty?.rawValue)
                },
            services: [Choice(value: "", label: t.any, selected: service == nil)]
                + SupportCatalog.services.map { Choice(value: $0.code, label: $0.name(in: call.language), selected: $0.code == service) },
            showing: filters.isEmpty ? t.showingAll : String(format: t.showingFiltered, filters.joined(separator: " · ")),
            fragmentHref: "/console/desk/queue/fragment" + Self.queueQuery(query, token: token, from: first),
            selfHref: "/console/desk/queue" + (query.isEmpty ? "" : "?" + query),
            range: rows.isEmpty ? "" : String(format: t.range, String(first), String(first + rows.count - 1)),
            previousHref: token == nil ? nil : "/console/desk/queue" + (query.isEmpty ? "" : "?" + query),
            nextHref: output.nextToken.map { "/console/desk/queue" + Self.queueQuery(query, token: $0, from: first + rows.count) })
    }

    /// Queue rows shown at once.
    static let queuePageSize = 50

    /// `?filters&token=…&from=…` (the filters kept, the page's token and first row number).
    static func queueQuery(_ filters: String, token: String?, from: Int) -> String {
        var parts = filters.isEmpty ? [] : [filters]
        if let token, let escaped = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) {
            parts.append("token=\(escaped)")
            parts.append("from=\(from)")
        }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    // MARK: Case

    /// The agent's page of a case; `refused` is an escalation form to show again beside its fields.
    func deskCase(_ call: ConsoleCall, id: String, errors: [String], refused: EscalationRefusal? = nil) async throws -> ConsoleReply {
        let t = call.strings.desk
        let view = try await services.desk.describeCaseDetails(Hikeshi.DescribeCaseDetailsRequest(caseId: id).validated(), context: call.aws).case
        let calendars = try await self.calendars(call)
        let state = due(view, calendars: calendars, call: call)
        let query = call.query.text("q") ?? view.subject
        var similar: [SimilarCase] = []
        if !query.isEmpty {
            do {
                similar = try await services.desk.searchResolvedCases(
                    Hikeshi.SearchResolvedCasesRequest(queryText: query, maxResults: 5).validated(), context: call.aws
                ).results.filter { $0.caseId != id }.map { result in
                    SimilarCase(
                        href: Self.deskCasePath(result.caseId), displayID: result.displayId, subject: result.subject,
                        note: result.resolutionNote ?? "",
                        lang: SupportLanguage(code: result.language.rawValue)?.htmlLang ?? result.language.rawValue)
                }
            } catch is any AWSErrorConvertible {
                similar = []
            }
        }
        let status = Self.caseStatus(view.status, call.strings.support)
        let resolved = view.status == "resolved"
        let escalation = try await escalationPanel(call, view: view, refused: refused)
        let model = DeskCaseModel(
            base: Self.deskCasePath(id), caseID: id, displayID: view.displayId, subject: view.subject,
            lang: SupportLanguage(code: view.language.rawValue)?.htmlLang ?? view.language.rawValue, accountID: view.accountId,
            statusLabel: status.label, statusRaw: view.status, statusClass: status.css,
            severityLabel: Self.severityName(view.severityCode.rawValue, call.language), plan: view.plan.rawValue,
            service: SupportCatalog.service(code: view.serviceCode)?.name(in: call.language) ?? view.serviceCode,
            languageName: Self.languageName(view.language.rawValue), dueLabel: state.label, dueClass: state.css,
            due: view.firstResponseDueAt.map(call.timeView), assignee: view.agentId ?? t.unassigned, agentMissing: call.user.agentID == nil,
            canAct: !resolved && call.user.agentID != nil, canAssign: !resolved && call.user.agentID != nil && view.agentId != call.user.agentID,
            messages: (view.communications ?? []).map { message in
                DeskMessage(
                    author: message.submittedBy, authorKind: Self.authorLabel(message.author, call.strings.support), body: message.body,
                    time: call.timeView(message.createdAt))
            },
            coach: (view.coach ?? []).map {
                CoachRow(
                    kindLabel: Self.coachKind($0.kind, call.strings.support), kind: $0.kind, message: $0.message, detail: $0.detail,
                    evidence: $0.evidence)
            },
            query: query, similar: similar, escalation: escalation, errors: errors)
        return .page(template: "desk-case", title: "\(view.displayId) \(view.subject) · \(t.desk)", model: model, status: errors.isEmpty ? 200 : 400)
    }

    /// Assign to me, reply, request information, resolve with a note; the escalation forms go to
    /// ``escalationAction(_:caseID:action:)``.
    func deskAction(_ call: ConsoleCall, id: String, action: String) async throws -> ConsoleReply {
        if Self.escalationActions.contains(action) { return try await escalationAction(call, caseID: id, action: action) }
        let t = call.strings.desk
        guard let agent = call.user.agentID else { return try await deskCase(call, id: id, errors: [t.noAgentID]) }
        let body = call.form["body"] ?? ""
        let notice: String
        do {
            switch action {
            case "assign":
                _ = try await services.desk.assignCase(Hikeshi.AssignCaseRequest(caseId: id, agentId: agent).validated(), context: call.aws)
                notice = "desk.assignedNotice"
            case "reply":
                let input = Hikeshi.ReplyToCaseRequest(
                    caseId: id, agentId: agent, body: body, requestInformation: call.form["requestInformation"] == "yes")
                _ = try await services.desk.replyToCase(try input.validated(), context: call.aws)
                notice = "desk.repliedNotice"
            case "resolve":
                let input = Hikeshi.ResolveCaseAsAgentRequest(caseId: id, agentId: agent, resolutionNote: call.form["note"] ?? "")
                _ = try await services.desk.resolveCaseAsAgent(try input.validated(), context: call.aws)
                notice = "desk.resolvedNotice"
            default:
                throw ConsoleError(.notFound)
            }
        } catch let error as any AWSErrorConvertible {
            return try await deskCase(call, id: id, errors: [Self.describe(error.awsError)])
        }
        return .redirect(Self.deskCasePath(id) + "?notice=" + notice)
    }

    // MARK: Plans

    func plans(_ call: ConsoleCall, errors: [String]) async throws -> ConsoleReply {
        let t = call.strings.desk
        let definitions = try await services.desk.listPlanDefinitions(Hikeshi.ListPlanDefinitionsRequest().validated(), context: call.aws)
            .planDefinitions
        let calendars = try await services.desk.listBusinessCalendars(Hikeshi.ListBusinessCalendarsRequest().validated(), context: call.aws)
            .businessCalendars
        let model = DeskPlansModel(
            plans: definitions.map { plan in
                PlanRow(
                    name: plan.plan.rawValue, hours: plan.businessHoursOnly ? t.businessHours : t.allHours,
                    technical: plan.technicalCases ? t.yes : t.no, channels: plan.communicationTypes.map(\.rawValue).joined(separator: ", "),
                    targets: plan.targets.map {
                        ReviewItem(
                            label: Self.severityName($0.severityCode.rawValue, call.language),
                            value: call.time.duration(TimeInterval($0.firstResponseMinutes * 60)), lang: call.language.htmlLang)
                    })
            },
            calendars: calendars.map { calendar in
                CalendarRow(
                    language: Self.languageName(calendar.language.rawValue), code: calendar.language.rawValue,
                    zone: TimeFormatter(language: call.language, timeZoneID: calendar.timeZone).zoneName(at: call.now),
                    hours: calendar.weeklyHours.map { "\($0.day.rawValue) \($0.start)–\($0.end)" },
                    country: calendar.holidayCountry.rawValue,
                    holidays: calendar.companyHolidays.map { HolidayRow(date: $0.date, name: $0.name) })
            },
            canEdit: call.user.role == .admin, errors: errors)
        return .page(template: "desk-plans", title: t.plans, model: model, status: errors.isEmpty ? 200 : 400)
    }

    /// Adds or removes a company holiday (admins of the provider).
    func changeHoliday(_ call: ConsoleCall) async throws -> ConsoleReply {
        let language = Hikeshi.LanguageCode(rawValue: call.form["language"] ?? "") ?? .en
        let date = call.form.text("date") ?? ""
        do {
            if call.form["remove"] == "yes" {
                _ = try await services.desk.removeCompanyHoliday(
                    try Hikeshi.RemoveCompanyHolidayRequest(language: language, date: date).validated(), context: call.aws)
            } else {
                _ = try await services.desk.addCompanyHoliday(
                    try Hikeshi.AddCompanyHolidayRequest(language: language, date: date, name: call.form.text("name") ?? "").validated(),
                    context: call.aws)
            }
        } catch let error as any AWSErrorConvertible {
            return try await plans(call, errors: [Self.describe(error.awsError)])
        }
        return .redirect("/console/desk/plans?notice=common.saved")
    }
}
