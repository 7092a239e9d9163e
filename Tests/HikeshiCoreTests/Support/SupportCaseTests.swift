import Foundation
import HikeshiCore
import Testing

@Suite("Support case transitions")
struct SupportCaseTests {
    static let opened = Date(timeIntervalSince1970: 1_800_000_000)

    static func supportCase(dueInMinutes: Int? = 60) -> SupportCase {
        SupportCase(
            caseID: "case-111111111111-2027-0000000000000001",
            displayID: "1000000001",
            accountID: "111111111111",
            status: .initial,
            serviceCode: "amazon-elastic-compute-cloud-linux",
            categoryCode: "general-guidance",
            severity: .high,
            language: .japanese,
            specialty: .compute,
            agentID: nil,
            createdAt: opened,
            dueAt: dueInMinutes.map { opened.addingTimeInterval(TimeInterval($0 * 60)) },
            firstResponseAt: nil,
            breached: false,
            resolvedAt: nil,
            updatedAt: opened,
            searchText: "subject",
            details: SupportCaseDetails(
                subject: "subject", submittedBy: "arn:aws:iam::111111111111:user/a", issueType: .technical, ccEmailAddresses: [],
                plan: .business, businessHoursOnly: false, timeZone: "Asia/Tokyo",
                clock: FirstResponseClock(calendar: .alwaysOpen, targetMinutes: dueInMinutes, openedAt: opened), coach: [])
        )
    }

    @Test("the first agent reply takes the case, stops the clock once, and waits on the customer when it asks")
    func agentReplies() {
        var supportCase = Self.supportCase()
        supportCase.agentReplied("agent-1", text: "Please send LOGS", requestingInformation: true, at: Self.opened + 600)
        #expect(supportCase.status == .pendingCustomerAction && supportCase.agentID == "agent-1")
        #expect(supportCase.firstResponseAt == Self.opened + 600 && supportCase.searchText.hasSuffix("please send logs"))
        supportCase.agentReplied("agent-2", text: "more", requestingInformation: false, at: Self.opened + 900)
        #expect(supportCase.status == .workInProgress && supportCase.agentID == "agent-1")
        #expect(supportCase.firstResponseAt == Self.opened + 600)
    }

    @Test("a customer reply reopens a resolved case and clears its resolution time")
    func customerReopens() {
        var supportCase = Self.supportCase()
        supportCase.resolve(at: Self.opened + 60)
        #expect(supportCase.status == .resolved && supportCase.resolvedAt == Self.opened + 60)
        supportCase.customerReplied(text: "It broke again", at: Self.opened + 120)
        #expect(supportCase.status == .reopened && supportCase.resolvedAt == nil && supportCase.updatedAt == Self.opened + 120)
    }

    @Test("an agent's resolution note resolves the case and is kept")
    func resolvedByAgent() {
        var supportCase = Self.supportCase()
        supportCase.resolvedByAgent("agent-1", note: "Restarted", at: Self.opened + 60)
        #expect(supportCase.status == .resolved && supportCase.details.resolutionNote == "Restarted")
        #expect(supportCase.firstResponseAt == Self.opened + 60 && supportCase.agentID == "agent-1")
    }

    @Test("a case is overdue only after its due time, unanswered, unresolved and not yet marked")
    func overdue() {
        var supportCase = Self.supportCase(dueInMinutes: 60)
        #expect(!supportCase.isOverdue(at: Self.opened + 3_599))
        #expect(supportCase.isOverdue(at: Self.opened + 3_600))
        supportCase.markBreached(at: Self.opened + 3_600)
        #expect(supportCase.breached && !supportCase.isOverdue(at: Self.opened + 7_200))
        #expect(!Self.supportCase(dueInMinutes: nil).isOverdue(at: Self.opened + 86_400))
        var answered = Self.supportCase()
        answered.agentReplied("agent-1", text: "hi", requestingInformation: false, at: Self.opened + 60)
        #expect(!answered.isOverdue(at: Self.opened + 7_200))
    }
}
