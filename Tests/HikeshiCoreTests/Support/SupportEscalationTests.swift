import Foundation
import HikeshiCore
import Testing

/// The escalation aggregate's state transitions and its retry schedule.
@Suite("Support escalations")
struct SupportEscalationTests {
    static let start = Date(timeIntervalSince1970: 1_764_547_200)

    static func escalation() -> SupportEscalation {
        SupportEscalation(
            id: "esc-00000000000000000001", caseID: "case-1", deskAccountID: "111111111111", provider: "aws", status: .creating,
            opening: SupportEscalation.Opening(
                subject: "s", serviceCode: "amazon-elastic-compute-cloud-linux", categoryCode: "general-guidance", severityCode: "high",
                language: .japanese,
                technical: true),
            createdAt: start, updatedAt: start)
    }

    @Test("the retry delay doubles from 30 seconds and stops at an hour")
    func backoff() {
        #expect([1, 2, 3, 4, 7, 8, 50].map(SupportEscalation.backoff(attempts:)) == [30, 60, 120, 240, 1920, 3600, 3600])
    }

    @Test("a refusal fails the escalation, with or without an upstream case; resuming tries again where it stood")
    func failures() {
        var creating = Self.escalation()
        creating.attemptFailed("SubscriptionRequiredException: no plan", retryAt: nil, at: Self.start)
        #expect(creating.status == .failed)
        #expect(creating.attempts == 1)
        creating.resumed(at: Self.start)
        #expect(creating.status == .creating)
        #expect(creating.attempts == 0 && creating.lastError == nil)

        var open = Self.escalation()
        open.linked(upstreamCaseID: "case-up", displayID: "1234567890", at: Self.start)
        #expect(open.status == .open)
        open.attemptFailed("ThrottlingException: slow down", retryAt: Self.start.addingTimeInterval(30), at: Self.start)
        #expect(open.status == .open, "a failure worth retrying leaves it open")
        #expect(open.lastError == "ThrottlingException: slow down")
        open.attemptFailed("UnrecognizedClientException: bad key", retryAt: nil, at: Self.start)
        #expect(open.status == .failed)
        open.resumed(at: Self.start)
        #expect(open.status == .open, "the upstream case exists: resuming goes back to reading it")
    }

    @Test("the upstream status resolves and reopens the escalation; a message sent reopens it")
    func upstreamStatus() {
        var escalation = Self.escalation()
        escalation.upstreamStatusRead("resolved", at: Self.start)
        #expect(escalation.status == .creating, "no upstream case yet: nothing to resolve")
        escalation.linked(upstreamCaseID: "case-up", displayID: nil, at: Self.start)
        escalation.upstreamStatusRead("resolved", at: Self.start)
        #expect(escalation.status == .resolved)
        #expect(escalation.upstreamStatus == "resolved")
        escalation.resumed(at: Self.start)
        #expect(escalation.status == .open)
        escalation.upstreamStatusRead("pending-customer-action", at: Self.start)
        #expect(escalation.status == .open)
    }

    @Test("a message's marker names its escalation and itself")
    func marker() {
        let message = EscalationMessage(
            id: "upm-00000000000000000002", escalationID: "esc-00000000000000000001", direction: .up, state: .pending, body: "x",
            details: EscalationMessage.Details(), createdAt: Self.start)
        #expect(message.marker == "[ref: esc-00000000000000000001/upm-00000000000000000002]")
    }

    @Test("a long failure message is kept to 1000 characters")
    func longError() {
        var escalation = Self.escalation()
        escalation.attemptFailed(String(repeating: "x", count: 5000), retryAt: Self.start, at: Self.start)
        #expect(escalation.lastError?.count == 1000)
        #expect(escalation.nextAttemptAt == Self.start)
    }
}
