import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Hummingbird
import SSMIncidentsModel

extension ConsoleRoutes {
    /// The post-incident analysis sub-page: start it, answer its questions, add action items.
    func registerIncidentAnalysis<Context: RequestContext>(on router: Router<Context>) {
        let roles = Self.incidentRoles
        router.get("/console/incidents/:plan/:id/analysis") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.analysis(call, arn: self.incidentArn(context, call), errors: [])
            }
        }
        router.post("/console/incidents/:plan/:id/analysis") { request, context in
            await self.page(request, context, roles: roles) { call in try await self.changeAnalysis(call, arn: self.incidentArn(context, call)) }
        }
    }

    /// The built-in template in the viewer's language.
    static func analysisTemplate(_ language: SupportLanguage) -> String {
        language == .english ? "AWSIncidents-PostIncidentAnalysisTemplate" : "AWSIncidents-PostIncidentAnalysisTemplate-\(language.rawValue)"
    }

    func analysisName(_ call: ConsoleCall, arn: String) async throws -> String? {
        try await services.analysis.listAnalyses(Hikeshi.ListAnalysesRequest(incidentRecordArn: arn, maxResults: 1).validated(), context: call.aws)
            .analyses.first?.name
    }

    func analysis(_ call: ConsoleCall, arn: String, errors: [String]) async throws -> ConsoleReply {
        let t = call.strings.incidents
        let record = try await record(call, arn)
        let base = Self.incidentPath(record.arn)
        var sections: [AnalysisSectionView] = []
        var items: [ActionItemView] = []
        var language = call.language.htmlLang
        let name = try await analysisName(call, arn: arn)
        if let name {
            let analysis = try await services.analysis.getAnalysis(Hikeshi.GetAnalysisRequest(name: name).validated(), context: call.aws).analysis
            language = analysis.language.rawValue == "zh" ? "zh-Hans" : analysis.language.rawValue
            sections = analysis.sections.map { section in
                AnalysisSectionView(
                    title: section.title,
                    questions: section.questions.map {
                        AnalysisQuestionView(id: $0.id, text: $0.text, answer: $0.answer ?? "", answeredBy: $0.answeredBy.map(Self.shortName))
                    })
            }
            items = analysis.actionItems.map {
                ActionItemView(
                    title: $0.title, opsItemID: $0.opsItemId, priority: $0.priority.map(String.init) ?? "", createdBy: Self.shortName($0.createdBy))
            }
        }
        let questions = sections.flatMap(\.questions).map { Choice(value: $0.id, label: $0.text, selected: false) }
        let model = IncidentAnalysisModel(
            base: base, arn: record.arn, title: record.title, tabs: incidentTabs(call, base: base, current: "/analysis"),
            canResolve: call.allows([.responder]) && record.status == .open, canWrite: call.allows([.responder]), exists: name != nil,
            isOpen: record.status == .open, name: name ?? "", language: language, sections: sections, actionItems: items, questions: questions,
            errors: errors)
        return .page(template: "incident-analysis", title: "\(record.title) · \(t.analysis)", model: model, status: errors.isEmpty ? 200 : 400)
    }

    func changeAnalysis(_ call: ConsoleCall, arn: String) async throws -> ConsoleReply {
        guard call.allows([.responder]) else { throw ConsoleError(.forbidden) }
        let notice: String
        do {
            switch call.form["do"] {
            case "create":
                _ = try await services.analysis.createAnalysis(
                    try Hikeshi.CreateAnalysisRequest(incidentRecordArn: arn, templateName: Self.analysisTemplate(call.language)).validated(),
                    context: call.aws)
                notice = "common.saved"
            case "answer":
                guard let name = try await analysisName(call, arn: arn) else { throw ConsoleError(.notFound) }
                let current = try await services.analysis.getAnalysis(Hikeshi.GetAnalysisRequest(name: name).validated(), context: call.aws).analysis
                // Only answers that changed are sent, so an untouched question keeps who answered it.
                let answers = current.sections.flatMap(\.questions).compactMap { question -> Hikeshi.AnswerInput? in
                    guard let answer = call.form["q." + question.id], answer != (question.answer ?? "") else { return nil }
                    return Hikeshi.AnswerInput(questionId: question.id, answer: answer)
                }
                if !answers.isEmpty {
                    _ = try await services.analysis.answerAnalysisQuestions(
                        try Hikeshi.AnswerAnalysisQuestionsRequest(name: name, answers: answers).validated(), context: call.aws)
                }
                notice = "incidents.answersSaved"
            case "action":
                guard let name = try await analysisName(call, arn: arn) else { throw ConsoleError(.notFound) }
                _ = try await services.analysis.addAnalysisActionItem(
                    try Hikeshi.AddAnalysisActionItemRequest(
                        name: name, title: call.form.text("title") ?? "", description: call.form.text("description"),
                        priority: call.form.text("priority").flatMap(Int.init), questionId: call.form.text("question")
                    ).validated(), context: call.aws)
                notice = "incidents.actionAdded"
            default:
                throw ConsoleError(.badForm, "unknown analysis action")
            }
        } catch let error as any AWSErrorConvertible {
            return try await analysis(call, arn: arn, errors: [Self.describe(error.awsError)])
        }
        return .redirect(Self.incidentPath(arn) + "/analysis?notice=" + notice)
    }
}
