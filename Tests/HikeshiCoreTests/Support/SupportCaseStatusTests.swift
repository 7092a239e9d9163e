import Testing

@testable import HikeshiCore

/// Case status transitions.
@Suite("SupportCaseStatus")
struct SupportCaseStatusTests {
    @Test("raw values are AWS's case statuses")
    func rawValues() {
        #expect(
            SupportCaseStatus.allCases.map(\.rawValue) == [
                "opened", "unassigned", "work-in-progress", "pending-customer-action", "customer-action-completed", "reopened",
                "resolved",
            ]
        )
    }

    @Test("new cases are unassigned and only resolved is resolved")
    func initialAndResolved() {
        #expect(SupportCaseStatus.initial == .unassigned)
        #expect(SupportCaseStatus.allCases.filter(\.isResolved) == [.resolved])
    }

    @Test("assignment opens unassigned and reopened cases only")
    func assigned() {
        #expect(SupportCaseStatus.unassigned.after(.assigned) == .opened)
        #expect(SupportCaseStatus.reopened.after(.assigned) == .opened)
        #expect(SupportCaseStatus.opened.after(.assigned) == .opened)
        #expect(SupportCaseStatus.workInProgress.after(.assigned) == .workInProgress)
        #expect(SupportCaseStatus.pendingCustomerAction.after(.assigned) == .pendingCustomerAction)
        #expect(SupportCaseStatus.customerActionCompleted.after(.assigned) == .customerActionCompleted)
        #expect(SupportCaseStatus.resolved.after(.assigned) == .resolved)
    }

    @Test("an agent reply makes any case work in progress", arguments: SupportCaseStatus.allCases)
    func agentReplied(_ status: SupportCaseStatus) {
        #expect(status.after(.agentReplied) == .workInProgress)
    }

    @Test("a request for information makes any case pending customer action", arguments: SupportCaseStatus.allCases)
    func agentRequestedInformation(_ status: SupportCaseStatus) {
        #expect(status.after(.agentRequestedInformation) == .pendingCustomerAction)
    }

    @Test("a customer reply completes a pending action, reopens a resolved case and otherwise changes nothing")
    func customerReplied() {
        #expect(SupportCaseStatus.pendingCustomerAction.after(.customerReplied) == .customerActionCompleted)
        #expect(SupportCaseStatus.resolved.after(.customerReplied) == .reopened)
        #expect(SupportCaseStatus.unassigned.after(.customerReplied) == .unassigned)
        #expect(SupportCaseStatus.opened.after(.customerReplied) == .opened)
        #expect(SupportCaseStatus.workInProgress.after(.customerReplied) == .workInProgress)
        #expect(SupportCaseStatus.customerActionCompleted.after(.customerReplied) == .customerActionCompleted)
        #expect(SupportCaseStatus.reopened.after(.customerReplied) == .reopened)
    }

    @Test("resolving resolves any case", arguments: SupportCaseStatus.allCases)
    func resolved(_ status: SupportCaseStatus) {
        let next = status.after(.resolved)
        #expect(next == .resolved)
        #expect(next.isResolved)
    }

    @Test("a whole conversation")
    func conversation() {
        let events: [SupportCaseEvent] = [
            .assigned, .agentRequestedInformation, .customerReplied, .agentReplied, .resolved, .customerReplied, .assigned,
        ]
        var status = SupportCaseStatus.initial
        var seen: [SupportCaseStatus] = []
        for event in events {
            status = status.after(event)
            seen.append(status)
        }
        #expect(
            seen == [.opened, .pendingCustomerAction, .customerActionCompleted, .workInProgress, .resolved, .reopened, .opened]
        )
    }

    @Test("every status and event pair gives the documented status")
    func transitionTable() {
        for status in SupportCaseStatus.allCases {
            for event in SupportCaseEvent.allCases {
                #expect(status.after(event) == Self.expected(status, event), "\(status) after \(event)")
            }
        }
    }

    /// The specification's transition, written out independently of the implementation.
    static func expected(_ status: SupportCaseStatus, _ event: SupportCaseEvent) -> SupportCaseStatus {
        switch (event, status) {
        case (.assigned, .unassigned), (.assigned, .reopened): .opened
        case (.agentReplied, _): .workInProgress
        case (.agentRequestedInformation, _): .pendingCustomerAction
        case (.customerReplied, .pendingCustomerAction): .customerActionCompleted
        case (.customerReplied, .resolved): .reopened
        case (.resolved, _): .resolved
        default: status
        }
    }
}
