import Foundation
import Migration
import Testing

@Suite("Reading an Incident Manager export")
struct ExportSourceTests {
    let arn = "arn:aws:ssm-incidents::111111111111:incident-record/checkout/0a1b2c3d"

    /// A scratch directory with `files` written in it.
    func directory(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
        }
        return url
    }

    var record: String {
        """
        {"incidentRecord": {"arn": "\(arn)", "title": "Checkout is down", "status": "RESOLVED", "impact": 1,
         "creationTime": "2025-03-01T10:00:00.123000+00:00", "resolvedTime": "2025-03-01T11:30:00+00:00",
         "lastModifiedTime": "2025-03-01T11:30:00+00:00", "lastModifiedBy": "arn:aws:iam::111111111111:user/a",
         "dedupeString": "co", "incidentRecordSource": {"createdBy": "arn:aws:iam::111111111111:user/a", "source": "aws.ssm-incidents.custom"}}}
        """
    }

    @Test("CLI files (ISO timestamps) are joined by incident; engagements become events; unknown files are warned about")
    func joinsFilesByIncident() throws {
        let events = """
            {"timelineEvents": [
              {"eventId": "e2", "eventTime": "2025-03-01T10:20:00+00:00", "eventUpdatedTime": "2025-03-01T10:20:00+00:00",
               "eventType": "Custom Event", "eventData": "\\"second\\"", "incidentRecordArn": "\(arn)"},
              {"eventId": "e1", "eventTime": "2025-03-01T10:05:00+00:00", "eventUpdatedTime": "2025-03-01T10:05:00+00:00",
               "eventType": "Custom Event", "eventData": "\\"first\\"", "incidentRecordArn": "\(arn)"}]}
            """
        let items = """
            {"incidentRecordArn": "\(arn)", "relatedItems": [{"identifier": {"type": "OTHER", "value": {"url": "https://x.test"}}, "title": "status"}]}
            """
        let engagements = """
            {"Engagements": [{"EngagementArn": "arn:aws:ssm-contacts:us-east-1:111111111111:engagement/oncall/1", "ContactArn":
              "arn:aws:ssm-contacts:us-east-1:111111111111:contact/oncall", "Sender": "IncidentManager", "IncidentId": "\(arn)",
              "StartTime": 1740823260}]}
            """
        let folder = try directory([
            "1-record.json": record, "2-events.json": events, "3-items.json": items, "4-engagements.json": engagements,
            "5-other.json": #"{"Contacts": []}"#, "notes.txt": "ignored",
        ])
        let snapshot = try ExportSource(paths: [folder]).read()
        #expect(snapshot.incidents.count == 1)
        let incident = try #require(snapshot.incidents.first)
        #expect(incident.record.title == "Checkout is down")
        #expect(abs(incident.record.creationTime.timeIntervalSince1970 - 1_740_823_200.123) < 0.000_5)
        // In time order: the engagement (10:01) before the two notes (10:05, 10:20).
        #expect(incident.timeline.map(\.eventId).suffix(2) == ["e1", "e2"])
        let engagementEvent = try #require(incident.timeline.first)
        #expect(engagementEvent.eventId.hasPrefix("engagement-"))
        #expect(engagementEvent.eventData.contains("contact/oncall"))
        #expect(engagementEvent.eventTime == Date(timeIntervalSince1970: 1_740_823_260))
        #expect(incident.relatedItems.count == 1)
        #expect(snapshot.warnings.count == 1)
        #expect(snapshot.warnings.first?.contains("5-other.json") == true)
    }

    @Test("JSON Lines of summaries make records; events of an incident with no record are reported")
    func summariesAndOrphans() throws {
        let summaries =
            #"{"incidentRecordSummaries": [{"arn": "ARN", "title": "Slow", "status": "OPEN", "impact": 3, "#
            + #""creationTime": 1740823200, "incidentRecordSource": {"createdBy": "me", "source": "aws.ssm-incidents.custom"}}]}"#
        let events =
            #"{"eventSummaries": [{"eventId": "x", "eventTime": 1740823300, "eventUpdatedTime": 1740823300, "#
            + #""eventType": "Note", "incidentRecordArn": "ARN-other"}]}"#
        let lines = [summaries, "", events, ""].joined(separator: "\n").replacingOccurrences(of: "ARN", with: arn)
        let snapshot = try ExportSource(paths: [try directory(["all.jsonl": lines]).appendingPathComponent("all.jsonl")]).read()
        #expect(snapshot.incidents.map(\.record.title) == ["Slow"])
        #expect(snapshot.incidents.first?.record.status.rawValue == "OPEN")
        #expect(snapshot.warnings.contains { $0.contains("\(arn)-other") })
    }

    @Test("A file that is not JSON, and a path that does not exist, stop the read with a message naming them")
    func badFiles() throws {
        let folder = try directory(["broken.json": "{not json"])
        #expect(throws: MigrationError.self) { try ExportSource(paths: [folder]).read() }
        do {
            _ = try ExportSource(paths: [folder.appendingPathComponent("missing")]).read()
            Issue.record("a missing path was read")
        } catch {
            #expect(error.description.contains("does not exist"))
        }
    }
}
