import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiTestSupport
import Storage
import SupportAPI
import SupportModel
import Testing

/// The support handler and desk against their store protocol (SQLite in a temporary directory, and PostgreSQL
/// when configured): plan rules, the case lifecycle and account isolation, without HTTP.
@Suite("SupportHandler")
struct SupportHandlerTests {
    static let customer = "333333333333"
    static let ec2 = "amazon-elastic-compute-cloud-linux"

    static func context(_ account: String = customer) -> AWSRequestContext {
        AWSRequestContext(accountID: account, region: "us-east-1", accessKeyID: "AKIATEST", requestID: "r", logger: testLogger)
    }

    /// The handler and desk over a store in which the customer's account exists; the clock starts on Friday 2026-11-20 16:00
    /// in Tokyo, inside business hours.
    static func parts(_ database: any DatabaseClient, clock: ManualClock = ManualClock(start: Date(timeIntervalSince1970: 1_763_622_000)))
        async throws -> (SupportHandler, SupportDesk)
    {
        let store = SQLFamilyStore.support(database)
        try await store.write(logger: testLogger) { tx in
            try await tx.accounts.insert(AccountRecord(accountID: customer, name: "customer", createdAt: Date(timeIntervalSince1970: 1_763_600_000)))
        }
        return (SupportHandler(store: store, clock: clock, logger: testLogger), SupportDesk(store: store, clock: clock, logger: testLogger))
    }

    static func question(severity: String? = nil, service: String = ec2) -> Support.CreateCaseRequest {
        Support.CreateCaseRequest(
            subject: "Instance does not answer", serviceCode: service, severityCode: severity, categoryCode: "general-guidance",
            communicationBody: "Since 09:00 JST i-0abc fails its status check; we rebooted it without effect.", language: "ja")
    }

    @Test("a plan decides who may open technical cases and at which severities", arguments: TestEngine.available)
    func planRules(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let (handler, desk) = try await Self.parts(database)
            // Basic (no plan yet): no technical support.
            #expect(
                await awsErrorCode { _ = try await handler.createCase(Self.question(), context: Self.context()) } == "SubscriptionRequiredException")
            _ = try await desk.setPlan(accountID: Self.customer, plan: .business, language: .ja, timeZone: "Asia/Tokyo", logger: testLogger)
            // Business offers up to urgent, not critical.
            #expect(
                await awsErrorCode { _ = try await handler.createCase(Self.question(severity: "critical"), context: Self.context()) }
                    == "ValidationException")
            let caseID = try await handler.createCase(Self.question(severity: "high"), context: Self.context()).caseId
            let cases = try await handler.describeCases(
                Support.DescribeCasesRequest(caseIdList: [caseID ?? ""], includeCommunications: true), context: Self.context())
            let found = try #require(cases.cases?.first)
            #expect(found.severityCode == "high")
            #expect(found.status == SupportCaseStatus.unassigned.rawValue)
            #expect(found.recentCommunications?.communications?.count == 1)
        }
    }

    @Test("replies add to a case, resolving it ends it, and another account never sees it", arguments: TestEngine.available)
    func lifecycle(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            // Friday 2026-11-20 16:00 in Tokyo: inside business hours.
            let clock = ManualClock(start: Date(timeIntervalSince1970: 1_763_622_000))
            let (handler, desk) = try await Self.parts(database, clock: clock)
            _ = try await desk.setPlan(accountID: Self.customer, plan: .developer, language: .ja, timeZone: "Asia/Tokyo", logger: testLogger)
            let caseID = try #require(try await handler.createCase(Self.question(), context: Self.context()).caseId)
            clock.advance(by: 60)  // the reply comes a minute later, so the newest-first order is defined
            _ = try await handler.addCommunicationToCase(
                Support.AddCommunicationToCaseRequest(caseId: caseID, communicationBody: "Here are the logs."), context: Self.context())
            let thread = try await handler.describeCommunications(Support.DescribeCommunicationsRequest(caseId: caseID), context: Self.context())
            #expect(thread.communications?.count == 2)
            #expect(thread.communications?.first?.body == "Here are the logs.")
            let resolved = try await handler.resolveCase(Support.ResolveCaseRequest(caseId: caseID), context: Self.context())
            #expect(resolved.initialCaseStatus == SupportCaseStatus.unassigned.rawValue)
            #expect(resolved.finalCaseStatus == SupportCaseStatus.resolved.rawValue)
            let other = Self.context("444444444444")
            #expect(
                await awsErrorCode {
                    _ = try await handler.describeCommunications(Support.DescribeCommunicationsRequest(caseId: caseID), context: other)
                } == "CaseIdNotFound")
        }
    }
}
