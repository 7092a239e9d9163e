import Foundation
import HikeshiCore
import Migration
import Testing

@Suite("The migration report")
struct MigrationReportTests {
    func report(dryRun: Bool) -> MigrationReport {
        var report = MigrationReport(accountID: "222222222222", region: "us-east-1", dryRun: dryRun)
        report.entries = [
            .init(kind: .contact, source: "arn:src:contact/ana", name: "ana", target: "arn:dst:contact/ana", outcome: .created),
            .init(
                kind: .contact, source: "arn:src:contact/bo", name: "bo", target: "", outcome: .created,
                warnings: ["contact bo has no channels: nobody will be paged through it"]),
            .init(
                kind: .escalationPlan, source: "arn:src:contact/esc", name: "esc", target: "", outcome: .failed,
                error: "ValidationException: arn:src:contact/zed was not migrated"),
            .init(kind: .responsePlan, source: "arn:src:response-plan/p", name: "p", target: "arn:dst:response-plan/p", outcome: .unchanged),
        ]
        report.channelsToActivate = [
            MigrationChannel(
                contactArn: "arn:dst:contact/ana", channelArn: "arn:dst:contact-channel/ana/1", name: "mail", type: .email,
                address: "ana@example.test")
        ]
        return report
    }

    @Test("The table lists every object, counts outcomes, and names failures, warnings and channels to activate")
    func table() {
        let text = report(dryRun: true).table()
        #expect(text.hasPrefix("Dry run: nothing was written."))
        #expect(text.contains("2 created, 0 updated, 1 unchanged, 0 skipped, 1 failed"))
        #expect(text.contains("ESCALATION_PLAN esc: ValidationException: arn:src:contact/zed was not migrated"))
        #expect(text.contains("CONTACT bo: contact bo has no channels"))
        #expect(text.contains("ana@example.test"))
        #expect(!report(dryRun: false).table().contains("Dry run"))
    }

    @Test("The JSON round-trips and says whether anything failed")
    func json() throws {
        let original = report(dryRun: false)
        #expect(original.hasFailures)
        let decoded = try JSONDecoder().decode(MigrationReport.self, from: Data(original.json().utf8))
        #expect(decoded == original)
    }
}
