import AWSProtocol
import ContactsAPI
import Foundation
import HikeshiCore
import HikeshiTestSupport
import Paging
import SSMContactsModel
import Storage
import Testing

@Suite("Replies, delivery reports and previews")
struct RepliesAndPreviewTests {
    @Test("SMS replies acknowledge with the page's code; STOP unsubscribes; START and the new code reactivate", arguments: [TestEngine.sqlite])
    func smsReplies(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let harness = PagingHarness(database: database)
            let number = "+819011112222"
            let akiko = try await harness.person("akiko", channels: [(.sms, number)])
            let engagement = try await harness.engage(akiko.arn)
            let page = try #require(try await harness.pages(engagement).first)
            let code = try await harness.acceptCode(page.pageArn)
            #expect(try await harness.api.handleSMSReply(from: "+819099999999", body: code, logger: testLogger) == .notRecognized)
            #expect(try await harness.api.handleSMSReply(from: number, body: "hello", logger: testLogger) == .notRecognized)
            #expect(try await harness.api.handleSMSReply(from: number, body: " \(code) ", logger: testLogger) == .acknowledged(pageArn: page.pageArn))
            let described = try await harness.api.describePage(SSMContacts.DescribePageRequest(pageId: page.pageArn), context: harness.context)
            #expect(described.readTime != nil)

            #expect(try await harness.api.handleSMSReply(from: number, body: "stop", logger: testLogger) == .unsubscribed(channels: 1))
            let stopped = try await harness.api.getContactChannel(
                SSMContacts.GetContactChannelRequest(contactChannelId: akiko.channels[0]),
                context: harness.context
            )
            #expect(stopped.activationStatus == .notActivated)
            let before = harness.sender.pages.count
            _ = try await harness.engage(akiko.arn)
            #expect(harness.sender.pages.count == before)

            #expect(try await harness.api.handleSMSReply(from: number, body: "START", logger: testLogger) == .activationCodesSent(channels: 1))
            try await harness.drain()
            let activation = try #require(harness.sender.sent.last)
            #expect(activation.to == number && activation.text.contains("activation code"))
            let newCode = String(activation.text.filter(\.isNumber).prefix(6))
            #expect(
                try await harness.api.handleSMSReply(from: number, body: newCode, logger: testLogger) == .activated(channelArn: akiko.channels[0]))
        }
    }

    @Test("provider reports become DELIVERED and ERROR receipts", arguments: [TestEngine.sqlite])
    func deliveryReports(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let harness = PagingHarness(database: database)
            let minsu = try await harness.person("minsu", channels: [(.sms, "+821012345678")])
            let engagement = try await harness.engage(minsu.arn)
            let page = try #require(try await harness.pages(engagement).first)
            try await harness.api.recordDeliveryStatus(
                pageArn: page.pageArn, channelArn: minsu.channels[0], status: "sent", providerID: "SM1", logger: testLogger)
            try await harness.api.recordDeliveryStatus(
                pageArn: page.pageArn, channelArn: minsu.channels[0], status: "delivered", providerID: "SM1", logger: testLogger)
            try await harness.api.recordDeliveryStatus(
                pageArn: page.pageArn, channelArn: minsu.channels[0], status: "delivered", providerID: "SM1", logger: testLogger)
            try await harness.api.recordDeliveryStatus(
                pageArn: page.pageArn, channelArn: minsu.channels[0], status: "undelivered", providerID: "SM2", logger: testLogger)
            let receipts = try await harness.api.listPageReceipts(SSMContacts.ListPageReceiptsRequest(pageId: page.pageArn), context: harness.context)
            #expect(receipts.receipts?.map(\.receiptType) == [.sent, .delivered, .error])
            let described = try await harness.api.describePage(SSMContacts.DescribePageRequest(pageId: page.pageArn), context: harness.context)
            #expect(described.deliveryTime != nil)
        }
    }

    @Test("a preview returns exactly the shifts of the same rotation once created", arguments: [TestEngine.sqlite])
    func previewEqualsCreated(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let harness = PagingHarness(database: database)
            var members: [String] = []
            for name in ["p1", "p2", "p3"] {
                members.append(try await harness.person(name, channels: []).arn)
            }
            let start = Date(timeIntervalSince1970: 1_772_000_000)  // 2026-02-25
            let recurrences: [SSMContacts.RecurrenceSettings] = [
                SSMContacts.RecurrenceSettings(
                    weeklySettings: [SSMContacts.WeeklySetting(dayOfWeek: .mon, handOffTime: SSMContacts.HandOffTime(hourOfDay: 9, minuteOfHour: 0))],
                    numberOfOnCalls: 1,
                    recurrenceMultiplier: 1
                ),
                SSMContacts.RecurrenceSettings(
                    dailySettings: [
                        SSMContacts.HandOffTime(hourOfDay: 2, minuteOfHour: 30), SSMContacts.HandOffTime(hourOfDay: 14, minuteOfHour: 0),
                    ],
                    numberOfOnCalls: 2,
                    shiftCoverages: [
                        "MON": [SSMContacts.CoverageTime(start: .init(hourOfDay: 8, minuteOfHour: 0), end: .init(hourOfDay: 20, minuteOfHour: 0))]
                    ],
                    recurrenceMultiplier: 1
                ),
                SSMContacts.RecurrenceSettings(
                    monthlySettings: [
                        SSMContacts.MonthlySetting(dayOfMonth: 31, handOffTime: SSMContacts.HandOffTime(hourOfDay: 9, minuteOfHour: 0))
                    ],
                    numberOfOnCalls: 1,
                    recurrenceMultiplier: 2
                ),
            ]
            for (index, recurrence) in recurrences.enumerated() {
                for zone in ["Asia/Tokyo", "America/New_York", "Europe/Berlin"] {
                    let arn = try await harness.api.createRotation(
                        SSMContacts.CreateRotationRequest(
                            name: "r\(index)-\(zone.replacingOccurrences(of: "/", with: "-"))",
                            contactIds: members,
                            startTime: start,
                            timeZoneId: zone,
                            recurrence: recurrence
                        ),
                        context: harness.context
                    ).rotationArn
                    let windowEnd = start.addingTimeInterval(200 * 86400)
                    let created = try await harness.api.listRotationShifts(
                        SSMContacts.ListRotationShiftsRequest(rotationId: arn, startTime: start, endTime: windowEnd, maxResults: 1024),
                        context: harness.context
                    )
                    let preview = try await harness.api.listPreviewRotationShifts(
                        SSMContacts.ListPreviewRotationShiftsRequest(
                            rotationStartTime: start,
                            startTime: start,
                            endTime: windowEnd,
                            members: members,
                            timeZoneId: zone,
                            recurrence: recurrence,
                            maxResults: 1024
                        ),
                        context: harness.context
                    )
                    #expect(created.rotationShifts?.isEmpty == false)
                    #expect(created.rotationShifts == preview.rotationShifts, "recurrence \(index) in \(zone)")
                }
            }
        }
    }
}
