import AWSProtocol
import Foundation
import HikeshiCore
import Hummingbird
import SSMIncidentsModel
import SSMModel

extension ConsoleRoutes {
    /// Who works incidents.
    static let incidentRoles: Set<ConsoleRole> = [.responder, .oncallManager]

    /// The incident list, start form, overview and timeline.
    func registerIncidents<Context: RequestContext>(on router: Router<Context>) {
        let roles = Self.incidentRoles
        router.get("/console/incidents") { request, context in
            await self.page(request, context, roles: roles) { call in
                .page(template: "incident-list", title: call.strings.incidents.incidents, model: try await self.incidentList(call))
            }
        }
        router.get("/console/incidents/fragment") { request, context in
            await self.page(request, context, roles: roles) { call in .fragment(template: "incident-rows", model: try await self.incidentList(call)) }
        }
        router.get("/console/incidents/start") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.startForm(call, errors: []) }
        }
        router.post("/console/incidents/start") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.startIncident(call) }
        }
        router.get("/console/incidents/:plan/:id") { request, context in
            await self.page(request, context, roles: roles) { call in
                try await self.overview(call, arn: self.incidentArn(context, call), errors: [])
            }
        }
        router.get("/console/incidents/:plan/:id/fragment") { request, context in
            await self.page(request, context, roles: roles) { call in
                guard case .page(_, _, let model, _) = try await self.overview(call, arn: self.incidentArn(context, call), errors: []) else {
                    throw ConsoleError(.notFound)
                }
                return .fragment(template: "incident-tiles", model: model)
            }
        }
        router.post("/console/incidents/:plan/:id/notes") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.addNote(call, arn: self.incidentArn(context, call)) }
        }
        router.post("/console/incidents/:plan/:id/resolve") { request, context in
            await self.page(request, context, roles: roles) { call in
                guard call.allows([.responder]) else { throw ConsoleError(.forbidden) }
                let arn = try self.incidentArn(context, call)
                _ = try await self.services.incidents.updateIncidentRecord(
                    SSMIncidents.UpdateIncidentRecordInput(arn: arn, status: .resolved).validated(), context: call.aws)
                return .redirect(Self.incidentPath(arn) + "?notice=incidents.resolvedNotice")
            }
        }
        router.post("/console/incidents/:plan/:id/properties") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.editIncident(call, arn: self.incidentArn(context, call)) }
        }
        router.get("/console/incidents/:plan/:id/timeline") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.timeline(call, arn: self.incidentArn(context, call), errors: [])
            }
        }
        router.post("/console/incidents/:plan/:id/timeline") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.addEvent(call, arn: self.incidentArn(context, call)) }
        }
        router.post("/console/incidents/:plan/:id/timeline/:event") { request, context in
            await self.page(request, context, roles: roles) { call in
                try await self.editEvent(call, arn: self.incidentArn(context, call), eventID: context.parameters.get("event") ?? "")
            }
        }
        router.post("/console/incidents/:plan/:id/timeline/:event/delete") { request, context in
            await self.page(request, context, roles: roles) { call in
                guard call.allows([.responder]) else { throw ConsoleError(.forbidden) }
                let arn = try self.incidentArn(context, call)
                let event = context.parameters.get("event") ?? ""
                _ = try await self.services.incidents.deleteTimelineEvent(
                    SSMIncidents.DeleteTimelineEventInput(eventId: event, incidentRecordArn: arn).validated(), context: call.aws)
                return .redirect(Self.incidentPath(arn) + "/timeline")
            }
        }
        registerIncidentSubpages(on: router)
    }

    /// The ARN of the incident a path names, in the user's account.
    func incidentArn<Context: RequestContext>(_ context: Context, _ call: ConsoleCall) throws -> String {
        guard let plan = context.parameters.get("plan"), let id = context.parameters.get("id"),
            plan.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), id.allSatisfy({ $0.isHexDigit || $0 == "-" })
        else { throw ConsoleError(.notFound) }
        return "arn:aws:ssm-incidents::\(call.user.accountID):incident-record/\(plan)/\(id)"
    }

    /// The console path of an incident ARN.
    static func incidentPath(_ arn: String) -> String {
        let parts = arn.split(separator: "/")
        guard parts.count >= 3 else { return "/console/incidents" }
        return "/console/incidents/\(parts[parts.count - 2])/\(parts[parts.count - 1])"
    }

    /// "1 – Critical" … "5 – No impact".
    static func impactLabel(_ impact: Int, _ t: IncidentStrings) -> String {
        switch impact {
        case 1: t.impact1
        case 2: t.impact2
        case 3: t.impact3
        case 4: t.impact4
        default: t.impact5
        }
    }

    func impactChoices(_ t: IncidentStrings, selected: Int?, includeNone: Bool) -> [Choice] {
        (includeNone ? [Choice(value: "", label: t.impactFromPlan, selected: selected == nil)] : [])
            + (1...5).map { Choice(value: String($0), label: Self.impactLabel($0, t), selected: selected == $0) }
    }

    func statusWords(_ status: SSMIncidents.IncidentRecordStatus, _ t: IncidentStrings) -> (label: String, css: String) {
        switch status {
        case .open: (t.statusOpen, "open")
        case .resolved: (t.statusResolved, "resolved")
        }
    }

    // MARK: List

    /// Open incidents a page at a time (newest first from the API; the highest impact first on each page), and the
    /// most recent resolved ones.
    static let incidentPageSize = 50

    func incidentList(_ call: ConsoleCall) async throws -> IncidentListModel {
        let t = call.strings.incidents
        func page(_ status: SSMIncidents.IncidentRecordStatus, size: Int, token: String?) async throws -> ([IncidentRow], String?) {
            let output = try await services.incidents.listIncidentRecords(
                SSMIncidents.ListIncidentRecordsInput(
                    filters: [SSMIncidents.Filter(condition: .equals(.stringValues([status.rawValue])), key: "status")], maxResults: size,
                    nextToken: token
                ).validated(), context: call.aws)
            let rows = output.incidentRecordSummaries.map { summary in
                let words = statusWords(summary.status, t)
                let end = summary.resolvedTime ?? call.now
                return IncidentRow(
                    href: Self.incidentPath(summary.arn), title: summary.title, impact: summary.impact,
                    impactLabel: Self.impactLabel(summary.impact, t), statusLabel: words.label, statusRaw: summary.status.rawValue,
                    statusClass: words.css, created: call.timeView(summary.creationTime),
                    age: call.time.duration(end.timeIntervalSince(summary.creationTime)))
            }
            return (rows, output.nextToken)
        }
        let token = call.query.text("open")
        let (open, next) = try await page(.open, size: Self.incidentPageSize, token: token)
        let (resolved, _) = try await page(.resolved, size: 20, token: nil)
        func link(_ path: String, _ token: String?) -> String {
            guard let token, let escaped = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) else { return path }
            return path + "?open=" + escaped
        }
        return IncidentListModel(
            open: open.sorted { ($0.impact, $1.created.machine) < ($1.impact, $0.created.machine) }, resolved: resolved,
            canStart: call.allows([.responder]), fragmentHref: link("/console/incidents/fragment", token),
            moreHref: next.map { link("/console/incidents", $0) }, firstHref: token == nil ? nil : "/console/incidents")
    }

    // MARK: Start

    func startForm(_ call: ConsoleCall, errors: [String]) async throws -> ConsoleReply {
        let t = call.strings.incidents
        var plans: [SSMIncidents.ResponsePlanSummary] = []
        var token: String?
        repeat {
            let output = try await services.incidents.listResponsePlans(
                SSMIncidents.ListResponsePlansInput(maxResults: 100, nextToken: token).validated(), context: call.aws)
            plans += output.responsePlanSummaries
            token = output.nextToken
        } while token != nil && plans.count < 1000
        let chosen = call.form["plan"]
        let impact = call.form.text("impact").flatMap(Int.init)
        var preview: StartPreview?
        if call.form["do"] == "preview", let chosen, plans.contains(where: { $0.arn == chosen }) {
            let plan = try await services.incidents.getResponsePlan(SSMIncidents.GetResponsePlanInput(arn: chosen).validated(), context: call.aws)
            let runbooks = (plan.actions ?? []).map { action -> String in
                switch action {
                case .ssmAutomation(let automation): automation.documentName
                }
            }
            let chat: String
            switch plan.chatChannel {
            case .chatbotSns(let topics): chat = topics.map(Self.shortName).joined(separator: ", ")
            case .empty, .none: chat = t.nobody
            }
            let engaged = (plan.engagements ?? []).map(Self.shortName)
            preview = StartPreview(
                title: call.form.text("title") ?? plan.incidentTemplate.title,
                impactLabel: Self.impactLabel(impact ?? plan.incidentTemplate.impact, t),
                engagements: engaged.isEmpty ? t.nobody : engaged.joined(separator: ", "),
                runbooks: runbooks.isEmpty ? t.nobody : runbooks.joined(separator: ", "),
                chat: chat)
        }
        let model = StartIncidentModel(
            plans: plans.map { plan in
                Choice(value: plan.arn, label: plan.displayName.map { "\($0) (\(plan.name))" } ?? plan.name, selected: plan.arn == chosen)
            },
            title: call.form["title"] ?? "", impacts: impactChoices(t, selected: impact, includeNone: true), errors: errors, preview: preview)
        return .page(template: "incident-start", title: t.startIncident, model: model, status: errors.isEmpty ? 200 : 400)
    }

    func startIncident(_ call: ConsoleCall) async throws -> ConsoleReply {
        guard call.allows([.responder]) else { throw ConsoleError(.forbidden) }
        if call.form["do"] == "preview" { return try await startForm(call, errors: []) }
        let input = SSMIncidents.StartIncidentInput(
            clientToken: call.form.text("token"), impact: call.form.text("impact").flatMap(Int.init),
            responsePlanArn: call.form.text("plan") ?? "", title: call.form.text("title"))
        do {
            let output = try await services.incidents.startIncident(try input.validated(), context: call.aws)
            return .redirect(Self.incidentPath(output.incidentRecordArn) + "?notice=incidents.started")
        } catch let error as any AWSErrorConvertible {
            return try await startForm(call, errors: [Self.describe(error.awsError)])
        }
    }

    /// An API error as the form shows it: the model's code, then its message (which names the member).
    static func describe(_ error: AWSError) -> String {
        "\(error.code): \(error.message)"
    }

    // MARK: Overview

    func incidentTabs(_ call: ConsoleCall, base: String, current: String) -> [IncidentTab] {
        let t = call.strings.incidents
        let pages = [
            ("", t.overview), ("/timeline", t.timeline), ("/runbook", t.runbook), ("/engagements", t.engagements), ("/related", t.related),
            ("/properties", t.properties), ("/analysis", t.analysis),
        ]
        return pages.map { suffix, label in
            IncidentTab(label: label, href: base + suffix, current: current == suffix)
        }
    }

    func overview(_ call: ConsoleCall, arn: String, errors: [String]) async throws -> ConsoleReply {
        let t = call.strings.incidents
        let record = try await services.incidents.getIncidentRecord(SSMIncidents.GetIncidentRecordInput(arn: arn).validated(), context: call.aws)
            .incidentRecord
        let base = Self.incidentPath(record.arn)
        let words = statusWords(record.status, t)
        let notes = try await events(call, arn: record.arn, types: ["Note"], newestFirst: true, limit: 100).events.map { event in
            let note = Self.noteContent(event.eventData)
            return NoteRow(author: note.author ?? "", text: note.text, time: call.timeView(event.eventTime))
        }
        let engagements = try await events(call, arn: record.arn, types: ["SSM Contacts Engagement"], newestFirst: true, limit: 100).events.count
        var runbookSummary = t.noRunbook
        if case .ssmExecutionArn(let executionArn) = record.automationExecutions?.last {
            let execution = try? await services.automation.getAutomationExecution(
                SSM.GetAutomationExecutionRequest(automationExecutionId: String(executionArn.split(separator: "/").last ?? "")).validated(),
                context: call.aws
            ).automationExecution
            if let execution {
                let step = execution.currentStepName.map { " · \(t.currentStep): \($0)" } ?? ""
                runbookSummary = "\(runStatus(execution.automationExecutionStatus, t)) — \(execution.documentName ?? "")\(step)"
            }
        }
        let chat: String
        switch record.chatChannel {
        case .chatbotSns(let topics): chat = topics.joined(separator: ", ")
        case .empty, .none: chat = t.noChatChannel
        }
        let end = record.resolvedTime ?? call.now
        let model = IncidentOverviewModel(
            base: base, arn: record.arn, title: record.title, tabs: incidentTabs(call, base: base, current: ""), statusLabel: words.label,
            statusRaw: record.status.rawValue, statusClass: words.css, impact: record.impact, impactLabel: Self.impactLabel(record.impact, t),
            chatChannel: chat, duration: call.time.duration(end.timeIntervalSince(record.creationTime)), created: call.timeView(record.creationTime),
            resolved: record.resolvedTime.map(call.timeView), source: record.incidentRecordSource.source,
            lastModifiedBy: record.lastModifiedBy, summary: record.summary, summaryText: record.summary ?? "",
            runbookSummary: runbookSummary, engagementSummary: "\(t.engaged): \(engagements)", notes: notes,
            impacts: impactChoices(t, selected: record.impact, includeNone: false), canWrite: call.allows([.responder]),
            canResolve: call.allows([.responder]) && record.status == .open, errors: errors)
        return .page(template: "incident-overview", title: "\(record.title) · \(t.incidents)", model: model, status: errors.isEmpty ? 200 : 400)
    }

    /// A note's text and author: the console and chat write `{"content": …, "author": …}`; anything else is the text.
    static func noteContent(_ data: String) -> (text: String, author: String?) {
        if let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any], let content = object["content"] as? String {
            return (content, object["author"] as? String)
        }
        return (data, nil)
    }

    func addNote(_ call: ConsoleCall, arn: String) async throws -> ConsoleReply {
        guard call.allows([.responder]) else { throw ConsoleError(.forbidden) }
        let text = call.form.text("note") ?? ""
        let data = try JSONSerialization.data(withJSONObject: ["content": text, "author": call.user.userName], options: [.sortedKeys])
        let input = SSMIncidents.CreateTimelineEventInput(
            eventData: String(decoding: data, as: UTF8.self), eventTime: call.now, eventType: "Note", incidentRecordArn: arn)
        do {
            if text.isEmpty {
                throw AWSValidationError(violations: [
                    AWSViolation(path: AWSFieldPath().appending("eventData"), value: nil, constraint: "Member must not be empty")
                ])
            }
            _ = try await services.incidents.createTimelineEvent(try input.validated(), context: call.aws)
        } catch let error as any AWSErrorConvertible {
            return try await overview(call, arn: arn, errors: [Self.describe(error.awsError)])
        }
        return .redirect(Self.incidentPath(arn) + "?notice=incidents.noteAdded")
    }

    func editIncident(_ call: ConsoleCall, arn: String) async throws -> ConsoleReply {
        guard call.allows([.responder]) else { throw ConsoleError(.forbidden) }
        let input = SSMIncidents.UpdateIncidentRecordInput(
            arn: arn, impact: call.form.text("impact").flatMap(Int.init), summary: call.form["summary"], title: call.form.text("title"))
        do {
            _ = try await services.incidents.updateIncidentRecord(try input.validated(), context: call.aws)
        } catch let error as any AWSErrorConvertible {
            return try await overview(call, arn: arn, errors: [Self.describe(error.awsError)])
        }
        return .redirect(Self.incidentPath(arn) + "?notice=common.saved")
    }

    // MARK: Timeline

    /// Timeline events with their data, a page in one read.
    func events(
        _ call: ConsoleCall, arn: String, types: [String]?, newestFirst: Bool, limit: Int, token: String? = nil
    ) async throws -> (events: [SSMIncidents.TimelineEvent], next: String?) {
        let filters = types.map { [SSMIncidents.Filter(condition: .equals(.stringValues($0)), key: "eventType")] }
        let page = try await services.timeline.timelineEvents(
            SSMIncidents.ListTimelineEventsInput(
                filters: filters, incidentRecordArn: arn, maxResults: limit, nextToken: token, sortBy: .eventTime,
                sortOrder: newestFirst ? .descending : .ascending
            ).validated(), context: call.aws)
        return (page.events, page.nextToken)
    }

    func timeline(_ call: ConsoleCall, arn: String, errors: [String]) async throws -> ConsoleReply {
        let t = call.strings.incidents
        let record = try await services.incidents.getIncidentRecord(SSMIncidents.GetIncidentRecordInput(arn: arn).validated(), context: call.aws)
            .incidentRecord
        let base = Self.incidentPath(record.arn)
        let newestFirst = call.query["order"] != "oldest"
        let customOnly = call.query["only"] == "custom"
        let page = try await events(
            call, arn: arn, types: customOnly ? ["Custom Event", "Note"] : nil, newestFirst: newestFirst, limit: 50,
            token: call.query.text("token"))
        var groups: [TimelineDay] = []
        for event in page.events {
            let header = "\(call.time.date(event.eventTime)) \(call.time.offset(at: event.eventTime))"
            let row = timelineRow(event, call: call, base: base, editing: call.query["edit"])
            if groups.last?.header == header {
                groups[groups.count - 1] = TimelineDay(header: header, events: groups[groups.count - 1].events + [row])
            } else {
                groups.append(TimelineDay(header: header, events: [row]))
            }
        }
        func link(order: Bool, only: Bool, token: String? = nil) -> String {
            var query = [order ? "order=newest" : "order=oldest"]
            if only { query.append("only=custom") }
            if let token, let escaped = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { query.append("token=\(escaped)") }
            return base + "/timeline?" + query.joined(separator: "&")
        }
        let local = call.time.timeZone
        let defaultTime = call.now.formatted(
            Date.VerbatimFormatStyle(
                format:
                    "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits)T\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)",
                timeZone: local, calendar: Calendar(identifier: .gregorian)))
        let model = IncidentTimelineModel(
            base: base, arn: record.arn, title: record.title, tabs: incidentTabs(call, base: base, current: "/timeline"),
            canResolve: call.allows([.responder]) && record.status == .open, canWrite: call.allows([.responder]), groups: groups,
            orderHref: link(order: !newestFirst, only: customOnly), orderLabel: newestFirst ? t.oldestFirst : t.newestFirst,
            filterHref: link(order: newestFirst, only: !customOnly), filterLabel: customOnly ? t.allEvents : t.customOnly,
            showing: "\(customOnly ? t.customOnly : t.allEvents) · \(newestFirst ? t.newestFirst : t.oldestFirst)",
            zoneName: call.time.zoneName(at: call.now), defaultTime: defaultTime,
            nextHref: page.next.map { link(order: newestFirst, only: customOnly, token: $0) }, errors: errors)
        return .page(template: "incident-timeline", title: "\(record.title) · \(t.timeline)", model: model, status: errors.isEmpty ? 200 : 400)
    }

    func timelineRow(_ event: SSMIncidents.TimelineEvent, call: ConsoleCall, base: String, editing: String?) -> TimelineRow {
        let t = call.strings.incidents
        let custom = event.eventType == "Custom Event" || event.eventType == "Note"
        var text = event.eventData
        var author: String?
        if event.eventType == "Note" {
            (text, author) = Self.noteContent(event.eventData)
        } else if !custom, let object = try? JSONSerialization.jsonObject(with: Data(event.eventData.utf8)) as? [String: Any] {
            text = object.keys.sorted().map { "\($0): \(object[$0].map { "\($0)" } ?? "")" }.joined(separator: ", ")
        }
        let typeLabel = event.eventType == "Note" ? t.noteText : event.eventType
        let changeable = custom && call.allows([.responder])
        return TimelineRow(
            id: event.eventId, time: call.time.time(event.eventTime), text: text, typeLabel: typeLabel, author: author,
            editHref: changeable ? "\(base)/timeline?edit=\(event.eventId)#event-\(event.eventId)" : nil,
            editing: changeable && editing == event.eventId,
            editable: true)
    }

    func addEvent(_ call: ConsoleCall, arn: String) async throws -> ConsoleReply {
        guard call.allows([.responder]) else { throw ConsoleError(.forbidden) }
        let text = call.form.text("text") ?? ""
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = call.time.timeZone
        let parsed = call.form.text("time").flatMap { Self.localDateTime($0, calendar: calendar) }
        guard let time = parsed, !text.isEmpty else {
            return try await timeline(
                call, arn: arn, errors: ["ValidationException: \(call.strings.incidents.eventTime) / \(call.strings.incidents.eventText)"])
        }
        let input = SSMIncidents.CreateTimelineEventInput(eventData: text, eventTime: time, eventType: "Custom Event", incidentRecordArn: arn)
        do {
            _ = try await services.incidents.createTimelineEvent(try input.validated(), context: call.aws)
        } catch let error as any AWSErrorConvertible {
            return try await timeline(call, arn: arn, errors: [Self.describe(error.awsError)])
        }
        return .redirect(Self.incidentPath(arn) + "/timeline?notice=common.saved")
    }

    /// Changes a custom event's or a note's text (a note keeps its author; the service's own events cannot be changed:
    /// the API refuses them).
    func editEvent(_ call: ConsoleCall, arn: String, eventID: String) async throws -> ConsoleReply {
        guard call.allows([.responder]) else { throw ConsoleError(.forbidden) }
        let text = call.form.text("text") ?? ""
        var data = text
        let current = try await services.incidents.getTimelineEvent(
            SSMIncidents.GetTimelineEventInput(eventId: eventID, incidentRecordArn: arn).validated(), context: call.aws
        ).event
        if current.eventType == "Note" {
            let author = Self.noteContent(current.eventData).author ?? call.user.userName
            let encoded = try JSONSerialization.data(withJSONObject: ["content": text, "author": author], options: [.sortedKeys])
            data = String(decoding: encoded, as: UTF8.self)
        }
        let input = SSMIncidents.UpdateTimelineEventInput(eventData: data, eventId: eventID, incidentRecordArn: arn)
        do {
            _ = try await services.incidents.updateTimelineEvent(try input.validated(), context: call.aws)
        } catch let error as any AWSErrorConvertible {
            return try await timeline(call, arn: arn, errors: [Self.describe(error.awsError)])
        }
        return .redirect(Self.incidentPath(arn) + "/timeline?notice=common.saved#event-" + eventID)
    }

    /// A `datetime-local` value (`2026-12-06T09:30` or with seconds) read in the viewer's zone.
    static func localDateTime(_ text: String, calendar: Calendar) -> Date? {
        let parts = text.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        guard parts.count == 5 || parts.count == 6 else { return nil }
        let components = DateComponents(
            year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4], second: parts.count == 6 ? parts[5] : 0)
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == parts[2] else { return nil }
        return date
    }
}
