import Foundation
import HikeshiCore
import Testing

@Suite("Post-incident analyses")
struct PostIncidentAnalysisTests {
    typealias F = AnalysisFixtures

    @Test(
        "a new analysis holds the resolved incident's facts, its timeline oldest first, engagements, runbooks (executions with their steps, plan runbooks that did not run, unknown executions) and related items"
    )
    func creates() throws {
        let analysis = try F.analysis()
        #expect(analysis.arn == "arn:aws:ssm:ap-northeast-1:111111111111:document/Analysis-db")
        #expect(analysis.language == .english)
        #expect(analysis.incident.arn == F.incidentArn && analysis.incident.title == "Database outage" && analysis.incident.impact == 2)
        #expect(analysis.incident.durationSeconds == 2 * 3600 + 5 * 60 + 7)
        #expect(analysis.incident.acknowledgedAt == F.start.addingTimeInterval(240))
        #expect(analysis.incident.opsItemID == "oi-0123456789ab")
        #expect(analysis.timeline.map(\.eventID) == ["e1", "e2", "e3"])
        #expect(analysis.engagements.map { $0.contactArn.split(separator: "/").last ?? "" } == ["lead", "db-escalation"])
        #expect(analysis.runbooks.count == 3)
        let ran = analysis.runbooks[0]
        #expect(ran.documentName == "DB-Diagnose" && ran.documentVersion == "3" && ran.status == .failed)
        #expect(ran.executionArn == "arn:aws:ssm:ap-northeast-1:111111111111:automation-execution/0f2a")
        #expect(ran.startedAt == F.start.addingTimeInterval(10) && ran.endedAt == F.start.addingTimeInterval(600))
        #expect(ran.failureMessage == "Step Collect failed")
        #expect(ran.steps.map(\.name) == ["Triage", "Collect", "Report"] && ran.steps.map(\.status) == [.success, .failed, .pending])
        #expect(ran.steps[1].action == .executeScript && ran.steps[1].failureMessage == "Traceback: KeyError 'db'")
        #expect(analysis.runbooks[1] == AnalysisRunbook(documentName: "DB-Failover", documentVersion: "2", executionArn: nil))
        #expect(
            analysis.runbooks[2]
                == AnalysisRunbook(
                    documentName: nil, documentVersion: nil, executionArn: "arn:aws:ssm:ap-northeast-1:111111111111:automation-execution/gone"))
        #expect(analysis.relatedItems.map(\.kind) == [.parent, .automation, .other, .automation])
        #expect(analysis.relatedItems[2].value == "https://wiki.example.com/db")
        #expect(analysis.answeredCount == 0 && analysis.actionItems.isEmpty)
        #expect(analysis.createdBy == F.alice && analysis.lastModifiedAt == analysis.createdAt)
    }

    @Test("an open incident has no analysis yet")
    func refusesOpenIncident() {
        do {
            _ = try F.analysis(incident: F.incident(status: .open))
            Issue.record("an open incident was analysed")
        } catch {
            #expect(error.field == "IncidentRecordArn" && error.message.contains("OPEN") && error.message.contains("RESOLVED"))
        }
    }

    @Test("the timeline is cut at its limit, keeping the oldest events, and long event data is cut")
    func timelineLimit() throws {
        let events = (0..<(PostIncidentAnalysis.timelineLimit + 20)).reversed().map { F.event(String(format: "e%04d", $0), minutes: Double($0)) }
        let long = F.event("long", minutes: -1, data: String(repeating: "x", count: 5000))
        let analysis = try PostIncidentAnalysis.create(
            name: "A-1", accountID: F.account, region: F.region, incident: F.incident(), template: try F.template(),
            templateReference: AnalysisTemplateReference(name: "T", owner: .account(F.account), version: 3), timeline: events + [long],
            engagements: [], relatedItems: [], by: F.alice, at: F.start)
        #expect(analysis.timeline.count == PostIncidentAnalysis.timelineLimit)
        #expect(analysis.timeline.first?.eventID == "long" && analysis.timeline[1].eventID == "e0000")
        #expect(analysis.timeline.first?.data.count == AnalysisTimelineEntry.dataLimit && analysis.timeline.first?.data.hasSuffix("…") == true)
    }

    @Test("answers are kept with who gave them and when; a blank answer clears one")
    func answers() throws {
        var analysis = try F.analysis()
        let later = F.start.addingTimeInterval(90_000)
        try analysis.answer(
            [(questionID: "summary", text: "The primary failed."), (questionID: "why1", text: "Writes failed.")], by: F.bob, at: later)
        #expect(analysis.question(id: "summary")?.answer == AnalysisAnswer(text: "The primary failed.", answeredBy: F.bob, answeredAt: later))
        #expect(analysis.answeredCount == 2 && analysis.lastModifiedAt == later)
        try analysis.answer([(questionID: "summary", text: "  \n")], by: F.alice, at: later)
        #expect(analysis.question(id: "summary")?.answer == nil && analysis.answeredCount == 1)
    }

    @Test(
        "a bad answer names its entry and changes nothing",
        arguments: [
            ([("summary", "ok"), ("nope", "x")], "Answers.2.QuestionId"),
            ([("summary", "ok"), ("summary", "again")], "Answers.2.QuestionId"),
            ([("summary", String(repeating: "a", count: PostIncidentAnalysis.answerLimit + 1))], "Answers.1.Answer"),
        ])
    func refusesAnswers(_ answers: [(String, String)], _ field: String) throws {
        let original = try F.analysis()
        var analysis = original
        do {
            try analysis.answer(answers.map { (questionID: $0.0, text: $0.1) }, by: F.bob, at: F.start)
            Issue.record("accepted \(answers)")
        } catch {
            #expect(error.field == field)
        }
        #expect(analysis == original)
    }

    @Test("action items are listed in order; an unknown question is refused, and so is one item too many")
    func actionItems() throws {
        var analysis = try F.analysis()
        func item(_ number: Int, question: String? = nil) -> AnalysisActionItem {
            AnalysisActionItem(
                opsItemID: String(format: "oi-%012x", number), opsItemArn: "arn", title: "Fix \(number)", description: "d", priority: 2,
                questionID: question, createdBy: F.bob, createdAt: F.start.addingTimeInterval(Double(100_000 + number)))
        }
        try analysis.addActionItem(item(0, question: "why5"))
        #expect(analysis.actionItems.map(\.title) == ["Fix 0"] && analysis.lastModifiedAt == F.start.addingTimeInterval(100_000))
        do {
            try analysis.addActionItem(item(1, question: "why6"))
            Issue.record("an unknown question was accepted")
        } catch {
            #expect(error.field == "QuestionId" && error.message.contains("why6"))
        }
        for number in 1..<PostIncidentAnalysis.actionItemLimit { try analysis.addActionItem(item(number)) }
        do {
            try analysis.addActionItem(item(999))
            Issue.record("an item past the limit was added")
        } catch {
            #expect(error.field == nil && error.message.contains("\(PostIncidentAnalysis.actionItemLimit)"))
        }
    }

    @Test("the document content reads back as the same analysis", arguments: DocumentLanguage.allCases)
    func roundTrip(_ language: DocumentLanguage) throws {
        var analysis = try F.analysis(language)
        try analysis.answer([(questionID: "impact", text: "Checkout failed for **12 minutes**.\n\n- 3,400 orders")], by: F.bob, at: F.start)
        try analysis.addActionItem(
            AnalysisActionItem(
                opsItemID: "oi-00000000000a", opsItemArn: "arn:aws:ssm:ap-northeast-1:111111111111:opsitem/oi-00000000000a", title: "Alarm",
                description: "Add an alarm", priority: nil, questionID: nil, createdBy: F.bob, createdAt: F.start.addingTimeInterval(0.123)))
        let content = try analysis.content()
        let read = try PostIncidentAnalysis.read(content: content, name: analysis.name, accountID: F.account, region: F.region)
        #expect(read == analysis)
        #expect(content.contains(#""schemaVersion" : "1.0""#) && content.contains(#""language" : "\#(language.rawValue)""#))
        #expect(content.contains("\"createdAt\" : \"2030-03-18T17:46:40.000Z\""))
        #expect(analysis.outline.description == analysis.summaryLine && analysis.outline.schemaVersion == "1.0")
    }

    @Test(
        "content that is not an analysis is refused with what is wrong",
        arguments: [
            ("{}", "schemaVersion is missing"),
            ("[]", "not JSON"),
            ("nope", "not JSON"),
        ])
    func refusesContent(_ content: String, _ mention: String) {
        do {
            _ = try PostIncidentAnalysis.read(content: content, name: "A", accountID: F.account, region: F.region)
            Issue.record("read \(content)")
        } catch {
            #expect(error.message.contains(mention), "\(error.message)")
        }
    }

    @Test("a missing member deep in the content is named by its path")
    func namesPath() throws {
        let content = try F.analysis().content().replacingOccurrences(of: #""responsePlanArn""#, with: #""plan""#)
        do {
            _ = try PostIncidentAnalysis.read(content: content, name: "A", accountID: F.account, region: F.region)
            Issue.record("read content without incident.responsePlanArn")
        } catch {
            #expect(error.message.contains("incident.responsePlanArn is missing"), "\(error.message)")
        }
    }

    @Test("an analysis larger than the limit cannot be written")
    func sizeLimit() throws {
        var analysis = try F.analysis()
        let ids = analysis.questions.map(\.id)
        try analysis.answer(
            ids.map { (questionID: $0, text: String(repeating: "🔥", count: PostIncidentAnalysis.answerLimit)) }, by: F.bob, at: F.start)
        #expect(throws: AnalysisRuleError.self) { try analysis.content() }
    }
}
