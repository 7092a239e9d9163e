import Foundation
import HikeshiCore
import Testing

@Suite("Engagement and page status")
struct PagingStatusTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("an engagement escalates until acknowledged, and stopping ends it")
    func engagement() {
        var engagement = Engagement(
            arn: "arn:aws:ssm-contacts:us-east-1:111111111111:engagement/lead/1", accountID: "111111111111", region: "us-east-1",
            contactArn: "arn:aws:ssm-contacts:us-east-1:111111111111:contact/lead", sender: "s", subject: "x", content: "y", startedAt: Self.start)
        #expect(engagement.status == .escalating && engagement.escalates && engagement.isActive)
        engagement.escalationStoppedAt = Self.start + 60
        #expect(engagement.status == .acknowledged && !engagement.escalates && engagement.isActive)
        engagement.stoppedAt = Self.start + 120
        #expect(engagement.status == .stopped && !engagement.isActive)
    }

    @Test("a page goes pending, sent, delivered, then read or stopped; read wins over a later stop")
    func page() {
        var page = Page(
            arn: "arn:aws:ssm-contacts:us-east-1:111111111111:page/akiko/1", accountID: "111111111111", region: "us-east-1",
            engagementArn: "e", contactArn: "c", resolution: [], isEssential: true, acceptCode: "123456", createdAt: Self.start)
        #expect(page.status == .pending && page.isOpen)
        page.sentAt = Self.start + 1
        #expect(page.status == .sent && page.isOpen)
        page.deliveredAt = Self.start + 2
        #expect(page.status == .delivered && page.isOpen)
        page.readAt = Self.start + 3
        page.stoppedAt = Self.start + 4
        #expect(page.status == .read && !page.isOpen)
    }
}
