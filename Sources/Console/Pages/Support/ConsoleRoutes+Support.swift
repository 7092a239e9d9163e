import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Hummingbird
import SupportModel

extension ConsoleRoutes {
    /// Who opens and follows support cases.
    static let supportRoles: Set<ConsoleRole> = [.customer]

    /// The customer's support pages: case list, new-case wizard (with the live coach), case page.
    func registerSupport<Context: RequestContext>(on router: Router<Context>) {
        let roles = Self.supportRoles
        router.get("/console/support") { request, context in
            await self.page(request, context, roles: roles) { _ in .redirect("/console/support/cases") }
        }
        router.get("/console/support/cases") { request, context in
            await self.page(request, context, roles: roles) { call in
                .page(template: "support-cases", title: call.strings.support.cases, model: try await self.supportCases(call))
            }
        }
        router.get("/console/support/cases/new") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.wizard(call, state: CaseWizardState(), errors: []) }
        }
        router.post("/console/support/cases/new") { request, context in
            await self.page(request, context, roles: roles, uploads: true) { call in try await self.wizardStep(call) }
        }
        router.post("/console/support/cases/new/coach") { request, context in
            await self.page(request, context, roles: roles) { call in
                .fragment(template: "support-coach-rows", model: try await self.coach(call, state: CaseWizardState(form: call.form)))
            }
        }
        router.get("/console/support/cases/:case") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.supportCase(call, id: Self.caseID(context), errors: []) }
        }
        router.post("/console/support/cases/:case/reply") { request, context in
            await self.page(request, context, roles: roles, uploads: true) { call in try await self.customerReply(call, id: Self.caseID(context)) }
        }
        router.post("/console/support/cases/:case/resolve") { request, context in
            await self.page(request, context, roles: roles) { call in
                let id = try Self.caseID(context)
                do {
                    _ = try await self.services.support.resolveCase(Support.ResolveCaseRequest(caseId: id).validated(), context: call.aws)
                } catch let error as any AWSErrorConvertible {
                    return try await self.supportCase(call, id: id, errors: [Self.describe(error.awsError)])
                }
                return .redirect(Self.supportCasePath(id) + "?notice=support.resolvedNotice")
            }
        }
        router.post("/console/support/cases/:case/raise") { request, context in
            await self.page(request, context, roles: roles) { call in
                let id = try Self.caseID(context)
                do {
                    let input = Hikeshi.RaiseCaseSeverityRequest(
                        caseId: id, severityCode: Hikeshi.SeverityCode(rawValue: call.form["severityCode"] ?? "") ?? .low,
                        reason: call.form.text("reason"))
                    let output = try await self.services.desk.raiseCaseSeverity(try input.validated(), context: call.aws)
                    return .redirect(Self.supportCasePath(output.case.caseId) + "?notice=support.raisedNotice")
                } catch let error as any AWSErrorConvertible {
                    return try await self.supportCase(call, id: id, errors: [Self.describe(error.awsError)])
                }
            }
        }
        router.post("/console/support/cases/:case/rate") { request, context in
            await self.page(request, context, roles: roles) { call in
                let id = try Self.caseID(context)
                do {
                    let input = Hikeshi.RateCommunicationRequest(
                        caseId: id, communicationId: call.form["communicationId"] ?? "", rating: call.form.text("rating").flatMap(Int.init) ?? 0,
                        comment: nil)
                    _ = try await self.services.desk.rateCommunication(try input.validated(), context: call.aws)
                } catch let error as any AWSErrorConvertible {
                    return try await self.supportCase(call, id: id, errors: [Self.describe(error.awsError)])
                }
                return .redirect(Self.supportCasePath(id) + "?notice=support.ratedNotice")
            }
        }
        router.post("/console/support/cases/:case/survey") { request, context in
            await self.page(request, context, roles: roles) { call in
                let id = try Self.caseID(context)
                do {
                    let input = Hikeshi.SubmitCaseSurveyRequest(
                        caseId: id, rating: call.form.text("rating").flatMap(Int.init) ?? 0, comment: call.form.text("comment"))
                    _ = try await self.services.desk.submitCaseSurvey(try input.validated(), context: call.aws)
                } catch let error as any AWSErrorConvertible {
                    return try await self.supportCase(call, id: id, errors: [Self.describe(error.awsError)])
                }
                return .redirect(Self.supportCasePath(id) + "?notice=support.surveyNotice")
            }
        }
        router.get("/console/support/attachments/:attachment") { request, context in
            await self.page(request, context, roles: roles.union([.supportAgent])) { call in
                let id = context.parameters.get("attachment") ?? ""
                let output = try await self.services.support.describeAttachment(
                    Support.DescribeAttachmentRequest(attachmentId: id).validated(), context: call.aws)
                guard let attachment = output.attachment else { throw ConsoleError(.notFound) }
                return .download(fileName: MultipartForm.safeFileName(attachment.fileName ?? "attachment"), data: attachment.data ?? Data())
            }
        }
    }

    /// The case id of a path (`case-…`), or 404.
    static func caseID<Context: RequestContext>(_ context: Context) throws -> String {
        guard let id = context.parameters.get("case"), !id.isEmpty, id.count <= 100,
            id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        else { throw ConsoleError(.notFound) }
        return id
    }

    /// The customer's page of a case.
    static func supportCasePath(_ id: String) -> String { "/console/support/cases/\(id)" }

    /// A case status in words, its raw value and its CSS class.
    static func caseStatus(_ raw: String?, _ t: SupportStrings) -> (label: String, css: String) {
        switch raw ?? "" {
        case "opened": (t.statusOpened, "open")
        case "unassigned": (t.statusUnassigned, "open")
        case "work-in-progress": (t.statusWorkInProgress, "open")
        case "pending-customer-action": (t.statusPendingCustomerAction, "open")
        case "customer-action-completed": (t.statusCustomerActionCompleted, "open")
        case "reopened": (t.statusReopened, "open")
        case "resolved": (t.statusResolved, "resolved")
        default: (raw ?? "", "open")
        }
    }

    /// A severity in the viewer's language.
    static func severityName(_ code: String?, _ language: SupportLanguage) -> String {
        SupportSeverity(rawValue: code ?? "").map { $0.name(in: language) } ?? (code ?? "")
    }

    /// A language by its code, written in itself.
    static func languageName(_ code: String?) -> String {
        SupportLanguage(code: code ?? "")?.nativeName ?? (code ?? "")
    }

    /// An AWS Support timestamp (ISO 8601, with or without fractions).
    static func supportTime(_ text: String?) -> Date? {
        guard let text else { return nil }
        return (try? Date(text, strategy: .iso8601)) ?? (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
    }

    // MARK: List

    func supportCases(_ call: ConsoleCall) async throws -> SupportCaseListModel {
        let t = call.strings.support
        let includeResolved = call.query["resolved"] == "1"
        var cases: [Support.CaseDetails] = []
        var token: String?
        repeat {
            let output = try await services.support.describeCases(
                Support.DescribeCasesRequest(
                    includeResolvedCases: includeResolved, nextToken: token, maxResults: 100, language: call.language.rawValue,
                    includeCommunications: false
                ).validated(), context: call.aws)
            cases += output.cases ?? []
            token = output.nextToken
        } while token != nil && cases.count < 500
        let rows = cases.map { item in
            let status = Self.caseStatus(item.status, t)
            return SupportCaseRow(
                href: Self.supportCasePath(item.caseId ?? ""), displayID: item.displayId ?? item.caseId ?? "", subject: item.subject ?? "",
                statusLabel: status.label, statusRaw: item.status ?? "", statusClass: status.css,
                severityLabel: Self.severityName(item.severityCode, call.language), languageName: Self.languageName(item.language),
                created: call.timeView(Self.supportTime(item.timeCreated) ?? call.now))
        }.sorted { $0.created.machine > $1.created.machine }
        return SupportCaseListModel(
            rows: rows, includeResolved: includeResolved,
            toggleHref: includeResolved ? "/console/support/cases" : "/console/support/cases?resolved=1",
            toggleLabel: includeResolved ? t.hideResolved : t.showResolved, showing: includeResolved ? t.showingAll : t.showingOpen)
    }

    // MARK: Wizard

    /// Moves the wizard: `go` is `next`, `back`, `check` (the coach without JS), `upload` or `submit`.
    func wizardStep(_ call: ConsoleCall) async throws -> ConsoleReply {
        let t = call.strings.support
        var state = CaseWizardState(form: call.form)
        var errors: [String] = call.refusedFiles.map { refusal in
            switch refusal {
            case .tooLarge(let name): String(format: t.fileTooLarge, name)
            case .tooManyFiles(let name): String(format: t.tooManyFiles, name)
            }
        }
        if !call.files.isEmpty {
            do {
                let input = Support.AddAttachmentsToSetRequest(
                    attachmentSetId: state.attachmentSetID.isEmpty ? nil : state.attachmentSetID,
                    attachments: call.files.map { Support.Attachment(fileName: $0.fileName, data: $0.data) })
                let output = try await services.support.addAttachmentsToSet(try input.validated(), context: call.aws)
                state.attachmentSetID = output.attachmentSetId ?? state.attachmentSetID
                state.attachmentNames += call.files.map(\.fileName)
            } catch let error as any AWSErrorConvertible {
                errors.append(Self.describe(error.awsError))
            }
        }
        let go = call.form["go"] ?? "next"
        if !errors.isEmpty || go == "check" || go == "upload" {
            return try await wizard(call, state: state, errors: errors, checked: go == "check")
        }
        if go == "back" {
            state.step = CaseWizardState.Step(rawValue: state.step.rawValue - 1) ?? .kind
            return try await wizard(call, state: state, errors: [])
        }
        if let problem = Self.wizardProblem(state, t) {
            return try await wizard(call, state: state, errors: [problem])
        }
        if go == "submit" && state.step == .review {
            let input = Support.CreateCaseRequest(
                subject: state.subject, serviceCode: state.serviceCode, severityCode: state.severityCode, categoryCode: state.categoryCode,
                communicationBody: state.body, ccEmailAddresses: state.ccAddresses.isEmpty ? nil : state.ccAddresses,
                language: state.language.isEmpty ? call.language.rawValue : state.language, issueType: state.issueType,
                attachmentSetId: state.attachmentSetID.isEmpty ? nil : state.attachmentSetID)
            do {
                let output = try await services.support.createCase(try input.validated(), context: call.aws)
                return .redirect(Self.supportCasePath(output.caseId ?? "") + "?notice=support.createdNotice")
            } catch let error as any AWSErrorConvertible {
                return try await wizard(call, state: state, errors: [Self.describe(error.awsError)])
            }
        }
        state.step = CaseWizardState.Step(rawValue: state.step.rawValue + 1) ?? .review
        return try await wizard(call, state: state, errors: [])
    }

    /// What the current step still lacks, in words (nil when it may move on).
    static func wizardProblem(_ state: CaseWizardState, _ t: SupportStrings) -> String? {
        switch state.step {
        case .kind: nil
        case .service: state.serviceCode.isEmpty || state.categoryCode.isEmpty ? t.chooseServiceError : nil
        case .severity: state.severityCode.isEmpty ? t.chooseSeverityError : nil
        case .describe:
            state.subject.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? t.subjectRequired : state.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? t.bodyRequired : nil
        case .attach, .review: nil
        }
    }

    /// The coach's findings on the draft, through the desk API's CheckCaseDraft.
    func coach(_ call: ConsoleCall, state: CaseWizardState, checked: Bool = true) async throws -> CoachPanel {
        let t = call.strings.support
        guard checked, !state.body.isEmpty || !state.subject.isEmpty else {
            return CoachPanel(findings: [], summary: t.coachNotChecked, checked: false)
        }
        let language = Hikeshi.LanguageCode(rawValue: state.language.isEmpty ? call.language.rawValue : state.language) ?? .en
        let input = Hikeshi.CheckCaseDraftRequest(
            subject: state.subject, body: state.body.isEmpty ? " " : state.body, serviceCode: state.serviceCode.isEmpty ? nil : state.serviceCode,
            severityCode: Hikeshi.SeverityCode(rawValue: state.severityCode), language: language)
        let output = try await services.desk.checkCaseDraft(try input.validated(), context: call.aws)
        let findings = output.findings.map { finding in
            CoachRow(
                kindLabel: Self.coachKind(finding.kind, t), kind: finding.kind, message: finding.message, detail: finding.detail,
                evidence: finding.evidence)
        }
        let summary = findings.isEmpty ? t.coachNone : String(format: t.coachScore, String(output.score))
        return CoachPanel(findings: findings, summary: summary, checked: true)
    }

    static func coachKind(_ kind: String, _ t: SupportStrings) -> String {
        switch kind {
        case "missing-information": t.coachMissing
        case "mask": t.coachMask
        case "not-answerable": t.coachNotAnswerable
        case "known-answer": t.coachKnownAnswer
        default: t.coachStyle
        }
    }

    /// Renders the wizard at `state.step`.
    func wizard(_ call: ConsoleCall, state: CaseWizardState, errors: [String], checked: Bool = false) async throws -> ConsoleReply {
        let t = call.strings.support
        let titles = [t.stepKind, t.stepService, t.stepSeverity, t.stepDescribe, t.stepAttach, t.stepReview]
        let step = state.step
        let number = step.rawValue
        var services: [ServiceGroup] = []
        var severities: [SeverityChoice] = []
        var planNote = ""
        var serviceName = state.serviceCode
        if step == .service || step == .review {
            let output = try await self.services.support.describeServices(
                Support.DescribeServicesRequest(language: call.language.rawValue).validated(), context: call.aws)
            let technical = state.issueType == "technical"
            for service in output.services ?? [] {
                guard let code = service.code, (SupportCatalog.service(code: code)?.isTechnical ?? true) == technical else { continue }
                let options = (service.categories ?? []).map { category in
                    Choice(
                        value: "\(code)/\(category.code ?? "")", label: category.name ?? category.code ?? "",
                        selected: code == state.serviceCode && category.code == state.categoryCode)
                }
                if code == state.serviceCode {
                    let category = service.categories?.first { $0.code == state.categoryCode }?.name ?? state.categoryCode
                    serviceName = "\(service.name ?? code) — \(category)"
                }
                services.append(ServiceGroup(name: service.name ?? code, options: options))
            }
        }
        if step == .severity {
            let levels =
                try await self.services.support.describeSeverityLevels(
                    Support.DescribeSeverityLevelsRequest(language: call.language.rawValue).validated(), context: call.aws
                ).severityLevels ?? []
            let plan = try await self.services.desk.getSupportPlan(Hikeshi.GetSupportPlanRequest().validated(), context: call.aws)
            let targets = Dictionary(plan.definition.targets.map { ($0.severityCode.rawValue, $0.firstResponseMinutes) }) { first, _ in first }
            severities = levels.map { level in
                let code = level.code ?? ""
                let target = targets[code].map { String(format: t.targetFormat, call.time.duration(TimeInterval($0 * 60))) } ?? t.noTarget
                return SeverityChoice(
                    value: code, label: level.name ?? code,
                    description: SupportSeverity(rawValue: code).map { $0.description(in: call.language) } ?? "", target: target,
                    selected: code == state.severityCode)
            }
            planNote = plan.definition.businessHoursOnly ? t.businessHoursNote : t.allHoursNote
        }
        let coach =
            step == .describe ? try await self.coach(call, state: state, checked: checked) : CoachPanel(findings: [], summary: "", checked: false)
        let caseLanguage = state.language.isEmpty ? call.language.rawValue : state.language
        let languages = SupportLanguage.allCases.map { Choice(value: $0.rawValue, label: $0.nativeName, selected: $0.rawValue == caseLanguage) }
        let kinds = [
            Choice(value: "technical", label: t.kindTechnical, selected: state.issueType == "technical"),
            Choice(value: "customer-service", label: t.kindAccount, selected: state.issueType == "customer-service"),
        ]
        let lang = SupportLanguage(code: caseLanguage)?.htmlLang ?? caseLanguage
        let ui = call.language.htmlLang
        var review: [ReviewItem] = []
        if step == .review {
            review = [
                ReviewItem(label: t.kind, value: state.issueType == "technical" ? t.kindTechnical : t.kindAccount, lang: ui),
                ReviewItem(label: t.service, value: serviceName, lang: ui),
                ReviewItem(label: t.severity, value: Self.severityName(state.severityCode, call.language), lang: ui),
                ReviewItem(label: t.subject, value: state.subject, lang: lang),
                ReviewItem(
                    label: t.attachments, value: state.attachmentNames.isEmpty ? t.noAttachments : state.attachmentNames.joined(separator: ", "),
                    lang: ui),
                ReviewItem(label: t.ccLabel, value: state.ccAddresses.isEmpty ? "—" : state.ccAddresses.joined(separator: ", "), lang: ui),
                ReviewItem(label: t.caseLanguage, value: Self.languageName(caseLanguage), lang: ui),
            ]
        }
        let model = CaseWizardModel(
            stepNumber: number, stepCount: titles.count, stepTitle: titles[number - 1],
            progress: String(format: t.stepOf, String(number), String(titles.count), titles[number - 1]),
            steps: titles.enumerated().map { WizardStepItem(number: $0.offset + 1, label: $0.element, current: $0.offset + 1 == number) },
            hidden: state.hidden(for: step), errors: errors, isKind: step == .kind, isService: step == .service, isSeverity: step == .severity,
            isDescribe: step == .describe, isAttach: step == .attach, isReview: step == .review, canGoBack: step != .kind, kinds: kinds,
            services: services, severities: severities, planNote: planNote, subject: state.subject, body: state.body, coach: coach,
            attachments: state.attachmentNames, canAttachMore: state.attachmentNames.count < 3, cc: state.cc, languages: languages, review: review,
            reviewBody: state.body, reviewLang: lang)
        return .page(template: "support-new", title: "\(t.newCase) · \(model.progress)", model: model, status: errors.isEmpty ? 200 : 400)
    }

    // MARK: Case

    func supportCase(_ call: ConsoleCall, id: String, errors: [String]) async throws -> ConsoleReply {
        let t = call.strings.support
        let described = try await services.support.describeCases(
            Support.DescribeCasesRequest(caseIdList: [id], includeResolvedCases: true, language: call.language.rawValue, includeCommunications: false)
                .validated(), context: call.aws)
        guard let item = described.cases?.first else { throw ConsoleError(.notFound) }
        var communications: [Support.Communication] = []
        var token: String?
        repeat {
            let output = try await services.support.describeCommunications(
                Support.DescribeCommunicationsRequest(caseId: id, nextToken: token, maxResults: 100).validated(), context: call.aws)
            communications += output.communications ?? []
            token = output.nextToken
        } while token != nil && communications.count < 1000
        let details = try await services.desk.describeCaseDetails(Hikeshi.DescribeCaseDetailsRequest(caseId: id).validated(), context: call.aws).case
        let resolved = item.status == "resolved"
        let lang = SupportLanguage(code: item.language ?? "")?.htmlLang ?? call.language.htmlLang
        let known = details.communications ?? []
        let messages = communications.map { message -> ThreadMessage in
            let time = Self.supportTime(message.timeCreated) ?? call.now
            let match = known.first { $0.body == message.body && abs($0.createdAt.timeIntervalSince(time)) < 2 }
            let kind = match?.author ?? .customer
            let rateable = kind == .agent && match?.rating == nil && match != nil
            return ThreadMessage(
                author: message.submittedBy ?? "", authorKind: Self.authorLabel(kind, t), body: message.body ?? "", time: call.timeView(time),
                attachments: (message.attachmentSet ?? []).map {
                    AttachmentLink(name: $0.fileName ?? "attachment", href: "/console/support/attachments/\($0.attachmentId ?? "")")
                },
                communicationID: rateable ? match?.communicationId : nil,
                rating: match?.rating.map { String(format: t.ratedAs, String($0)) },
                ratings: (1...5).map { Choice(value: String($0), label: String($0), selected: $0 == 5) })
        }.sorted { $0.time.machine < $1.time.machine }
        let status = Self.caseStatus(item.status, t)
        let current = SupportSeverity(rawValue: item.severityCode ?? "")
        var levels: [Support.SeverityLevel] = []
        if !resolved && details.supersededByCaseId == nil {
            levels =
                try await services.support.describeSeverityLevels(
                    Support.DescribeSeverityLevelsRequest(language: call.language.rawValue).validated(), context: call.aws
                ).severityLevels ?? []
        }
        let higher = levels.filter { level in
            guard let current, let severity = SupportSeverity(rawValue: level.code ?? "") else { return false }
            return severity > current
        }
        let model = SupportCaseModel(
            base: Self.supportCasePath(id), caseID: id, displayID: item.displayId ?? id, subject: item.subject ?? "", statusLabel: status.label,
            statusRaw: item.status ?? "", statusClass: status.css, severityLabel: Self.severityName(item.severityCode, call.language),
            serviceLabel: SupportCatalog.service(code: item.serviceCode ?? "")?.name(in: call.language) ?? (item.serviceCode ?? ""),
            languageName: Self.languageName(item.language), lang: lang,
            created: call.timeView(Self.supportTime(item.timeCreated) ?? call.now),
            supersededBy: details.supersededByCaseId.map(Self.supportCasePath), supersedes: details.supersedesCaseId.map(Self.supportCasePath),
            messages: messages, canReply: true, canResolve: !resolved, canRaise: !higher.isEmpty,
            raiseChoices: higher.map { Choice(value: $0.code ?? "", label: $0.name ?? "", selected: false) },
            surveyOpen: resolved && details.surveyRating == nil,
            surveyDone: details.surveyRating.map { String(format: t.surveyThanks, String($0)) },
            surveyChoices: (1...5).map { Choice(value: String($0), label: String($0), selected: $0 == 5) }, errors: errors)
        return .page(
            template: "support-case", title: "\(model.displayID) \(model.subject) · \(t.cases)", model: model, status: errors.isEmpty ? 200 : 400)
    }

    static func authorLabel(_ author: Hikeshi.CommunicationAuthor, _ t: SupportStrings) -> String {
        switch author {
        case .customer: t.authorCustomer
        case .agent: t.authorAgent
        case .system: t.authorSystem
        }
    }

    func customerReply(_ call: ConsoleCall, id: String) async throws -> ConsoleReply {
        let t = call.strings.support
        var errors: [String] = call.refusedFiles.map { refusal in
            switch refusal {
            case .tooLarge(let name): String(format: t.fileTooLarge, name)
            case .tooManyFiles(let name): String(format: t.tooManyFiles, name)
            }
        }
        guard errors.isEmpty else { return try await supportCase(call, id: id, errors: errors) }
        do {
            var setID: String?
            if !call.files.isEmpty {
                let input = Support.AddAttachmentsToSetRequest(
                    attachmentSetId: nil, attachments: call.files.map { Support.Attachment(fileName: $0.fileName, data: $0.data) })
                setID = try await services.support.addAttachmentsToSet(try input.validated(), context: call.aws).attachmentSetId
            }
            let input = Support.AddCommunicationToCaseRequest(
                caseId: id, communicationBody: call.form["body"] ?? "", ccEmailAddresses: nil, attachmentSetId: setID)
            _ = try await services.support.addCommunicationToCase(try input.validated(), context: call.aws)
        } catch let error as any AWSErrorConvertible {
            errors.append(Self.describe(error.awsError))
            return try await supportCase(call, id: id, errors: errors)
        }
        return .redirect(Self.supportCasePath(id) + "?notice=support.replyNotice")
    }
}
