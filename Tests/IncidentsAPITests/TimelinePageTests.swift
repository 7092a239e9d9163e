import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiTestSupport
import SSMIncidentsModel
import Storage
import Testing

@testable import IncidentsAPI

@Suite("Timeline pages with their events' data (the console's read)")
struct TimelinePageTests {
    @Test(
        "timelineEvents gives ListTimelineEvents' page — order, filter, tokens — with GetTimelineEvent's data, and another account gets nothing",
        arguments: TestEngine.available)
    func samePage(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let (handler, plan) = try await TriggerBatcherTests.handler(SQLFamilyStore.incidents(database))
            let context = AWSRequestContext(
                accountID: TriggerBatcherTests.account, region: "us-east-1", accessKeyID: "AKIATEST", requestID: "r", logger: testLogger)
            let arn = try await handler.startIncident(SSMIncidents.StartIncidentInput(responsePlanArn: plan), context: context).incidentRecordArn
            for minute in 0..<7 {
                _ = try await handler.createTimelineEvent(
                    SSMIncidents.CreateTimelineEventInput(
                        eventData: "step \(minute)", eventTime: Date(timeIntervalSince1970: 1_800_000_000 + Double(minute) * 60),
                        eventType: minute == 3 ? "Note" : "Custom Event", incidentRecordArn: arn),
                    context: context)
            }
            let filter = [SSMIncidents.Filter(condition: .equals(.stringValues(["Custom Event"])), key: "eventType")]
            var token: String?
            var seen: [String] = []
            repeat {
                let input = SSMIncidents.ListTimelineEventsInput(
                    filters: filter, incidentRecordArn: arn, maxResults: 4, nextToken: token, sortOrder: .descending)
                let listed = try await handler.listTimelineEvents(input, context: context)
                let page = try await handler.timelineEvents(input, context: context)
                #expect(page.events.map(\.eventId) == listed.eventSummaries.map(\.eventId))
                #expect(page.nextToken == listed.nextToken)
                for event in page.events {
                    let whole = try await handler.getTimelineEvent(
                        SSMIncidents.GetTimelineEventInput(eventId: event.eventId, incidentRecordArn: arn), context: context
                    ).event
                    #expect(event == whole)
                }
                seen += page.events.map(\.eventData)
                token = page.nextToken
            } while token != nil
            #expect(seen == ["step 6", "step 5", "step 4", "step 2", "step 1", "step 0"])
            var stranger = context
            stranger.accountID = "999999999999"
            await #expect(throws: (any Error).self) {
                _ = try await handler.timelineEvents(SSMIncidents.ListTimelineEventsInput(incidentRecordArn: arn), context: stranger)
            }
        }
    }
}
