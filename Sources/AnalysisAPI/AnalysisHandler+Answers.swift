import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Storage

extension AnalysisHandler {
    /// Answers questions by id, all or none (an unknown id is a `ValidationException` naming the entry); an empty
    /// answer clears one. The analysis gets a new document version, made the default.
    public func answerAnalysisQuestions(_ input: Hikeshi.AnswerAnalysisQuestionsRequest, context: AWSRequestContext) async throws
        -> Hikeshi.AnswerAnalysisQuestionsResponse
    {
        let now = clock.now()
        let answers = input.answers.map { (questionID: $0.questionId, text: $0.answer) }
        let (analysis, version) = try await write(context.logger) { tx in
            let loaded = try await Self.load(input.name, context: context, tx: tx, forUpdate: true)
            var analysis = loaded.analysis
            do throws(AnalysisRuleError) {
                try analysis.answer(answers, by: context.principalArn, at: now)
            } catch {
                throw AnalysisError(error, field: "Answers")
            }
            return (analysis, try await Self.save(analysis, document: loaded.document, at: now, field: "Answers", tx: tx))
        }
        context.logger.info(
            "analysis answered",
            metadata: ["analysis.name": .string(analysis.name), "analysis.answers": .stringConvertible(answers.count)])
        return Hikeshi.AnswerAnalysisQuestionsResponse(analysis: analysis.wire(documentVersion: version))
    }
}
