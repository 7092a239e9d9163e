import Foundation
import HikeshiCore
import HikeshiTestSupport
import SQLKit
import Storage
import Testing

@Suite("Support repositories")
struct SupportRepositoryTests {
    static let base = Date(timeIntervalSince1970: 1_800_000_000)

    static func supportCase(
        _ number: Int,
        account: String = "123456789012",
        status: SupportCaseStatus = .unassigned,
        language: SupportLanguage = .japanese,
        specialty: SupportSpecialty = .compute,
        dueInMinutes: Int? = 60,
        text: String = "subject body"
    ) -> SupportCase {
        let created = base.addingTimeInterval(TimeInterval(number))
        return SupportCase(
            caseID: "case-\(account)-2027-\(String(format: "%016x", number))",
            displayID: String(1_000_000_000 + number),
            accountID: account,
            status: status,
            serviceCode: "amazon-elastic-compute-cloud-linux",
            categoryCode: "general-guidance",
            severity: .normal,
            language: language,
            specialty: specialty,
            agentID: nil,
            createdAt: created,
            dueAt: dueInMinutes.map { created.addingTimeInterval(TimeInterval($0) * 60) },
            firstResponseAt: nil,
            breached: false,
            resolvedAt: status == .resolved ? created : nil,
            updatedAt: created,
            searchText: text,
            details: SupportCaseDetails(
                subject: "s", submittedBy: "x", issueType: .technical, ccEmailAddresses: [], plan: .developer, businessHoursOnly: false,
                timeZone: "UTC", clock: FirstResponseClock(calendar: .alwaysOpen, targetMinutes: dueInMinutes, openedAt: created), coach: [])
        )
    }

    @Test("cases list newest first by page, filter by status, language and time, and stay in their account", arguments: TestEngine.available)
    func listing(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            try await database.transaction { sql in
                let cases = SupportCaseRepository(sql)
                for number in 1...7 {
                    try await cases.insert(
                        Self.supportCase(number, status: number == 3 ? .resolved : .unassigned, language: number == 5 ? .english : .japanese))
                }
                try await cases.insert(Self.supportCase(8, account: "210987654321"))
            }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await database.read { [cursor] sql in
                    try await SupportCaseRepository(sql).list(SupportCaseFilter(accountID: "123456789012"), after: cursor, limit: 2)
                }
                seen += page.items.map(\.displayID)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen == ["1000000007", "1000000006", "1000000005", "1000000004", "1000000002", "1000000001"])
            // A listing carries the columns and the three document members DescribeCases answers, as stored.
            var withCC = Self.supportCase(9, language: .korean)
            withCC.details.subject = "RDS 장애"
            withCC.details.submittedBy = "ops@example.com"
            withCC.details.ccEmailAddresses = ["a@example.com", "b@example.com"]
            try await database.transaction { [withCC] sql in try await SupportCaseRepository(sql).insert(withCC) }
            let newest = try await database.read { sql in
                try await SupportCaseRepository(sql).list(SupportCaseFilter(accountID: "123456789012"), after: nil, limit: 1)
            }
            #expect(newest.items == [SupportCaseListing(withCC)])
            #expect(newest.items.first?.ccEmailAddresses == ["a@example.com", "b@example.com"])

            var filter = SupportCaseFilter(accountID: "123456789012")
            filter.includeResolved = true
            filter.language = "ja"
            filter.after = Self.base.addingTimeInterval(3)
            filter.before = Self.base.addingTimeInterval(6)
            let filtered = try await database.read { [filter] sql in try await SupportCaseRepository(sql).list(filter, after: nil, limit: 10) }
            #expect(filtered.items.map(\.displayID) == ["1000000006", "1000000004", "1000000003"])

            let other = try await database.read { sql in
                try await SupportCaseRepository(sql).supportCase(id: Self.supportCase(8, account: "210987654321").caseID, accountID: "123456789012")
            }
            #expect(other == nil)
            let count = try await database.read { try await SupportCaseRepository($0).countUnresolved(accountID: "123456789012") }
            #expect(count == 7)
        }
    }

    @Test("the queue orders by due time (no target last) and filters by language, specialty and assignment", arguments: TestEngine.available)
    func queue(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            try await database.transaction { sql in
                let cases = SupportCaseRepository(sql)
                try await cases.insert(Self.supportCase(1, dueInMinutes: 600))
                try await cases.insert(Self.supportCase(2, dueInMinutes: nil))
                try await cases.insert(Self.supportCase(3, dueInMinutes: 30))
                try await cases.insert(Self.supportCase(4, specialty: .databases, dueInMinutes: 10))
                try await cases.insert(Self.supportCase(5, language: .korean, dueInMinutes: 5))
                var assigned = Self.supportCase(6, dueInMinutes: 1)
                assigned.assign(to: "agent-0000000000000001", at: Self.base)
                try await cases.insert(assigned)
                try await cases.insert(Self.supportCase(7, status: .resolved, dueInMinutes: 1))
            }
            var filter = SupportQueueFilter()
            filter.languages = ["ja"]
            filter.specialties = ["compute"]
            let unassigned = try await database.read { [filter] sql in try await SupportCaseRepository(sql).queue(filter, offset: 0, limit: 10) }
            #expect(unassigned.items.map(\.displayID) == ["1000000003", "1000000001", "1000000002"])
            filter.includeAssigned = true
            let first = try await database.read { [filter] sql in try await SupportCaseRepository(sql).queue(filter, offset: 0, limit: 2) }
            #expect(first.items.map(\.displayID) == ["1000000006", "1000000003"])
            #expect(first.nextCursor == "2")
            let rest = try await database.read { [filter] sql in try await SupportCaseRepository(sql).queue(filter, offset: 2, limit: 2) }
            #expect(rest.items.map(\.displayID) == ["1000000001", "1000000002"])
            #expect(rest.nextCursor == nil)
        }
    }

    @Test("the knowledge search matches every term literally among resolved cases", arguments: TestEngine.available)
    func search(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            try await database.transaction { sql in
                let cases = SupportCaseRepository(sql)
                try await cases.insert(Self.supportCase(1, status: .resolved, text: "ec2 statuscheckfailed_system stop and start"))
                try await cases.insert(Self.supportCase(2, status: .resolved, text: "rds 100% cpu ストレージ"))
                try await cases.insert(Self.supportCase(3, status: .unassigned, text: "ec2 statuscheckfailed_system again"))
                try await cases.insert(Self.supportCase(4, status: .resolved, text: "ec2 statuscheckfailedxsystem"))
            }
            func search(_ terms: [String]) async throws -> [String] {
                try await database.read { sql in
                    try await SupportCaseRepository(sql).searchResolved(terms: terms, language: nil, serviceCode: nil, limit: 10).map(\.displayID)
                }
            }
            #expect(try await search(["statuscheckfailed_system"]) == ["1000000001"])
            #expect(try await search(["ec2", "start"]) == ["1000000001"])
            #expect(try await search(["100%"]) == ["1000000002"])
            #expect(try await search(["ストレージ"]) == ["1000000002"])
            #expect(try await search(["nothing"]).isEmpty)
        }
    }

    @Test("attachment sets, attachments, communications and plans round-trip", arguments: TestEngine.available)
    func records(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let set = SupportAttachmentSetRecord(
                id: "as-1", accountID: "123456789012", createdAt: Self.base, expiresAt: Self.base.addingTimeInterval(3600))
            let attachment = SupportAttachmentRecord(
                id: "attachment-1", setID: "as-1", accountID: "123456789012", fileName: "log.txt", size: 3, data: "YWJj", createdAt: Self.base)
            let plan = AccountSupportPlan(
                accountID: "123456789012", plan: .developer, language: .japanese, timeZone: "Asia/Tokyo", updatedAt: Self.base)
            try await database.transaction { sql in
                try await SupportAttachmentRepository(sql).insert(set)
                try await SupportAttachmentRepository(sql).insert(attachment)
                try await SupportPlanRepository(sql).put(plan)
                var changed = plan
                changed.plan = .business
                try await SupportPlanRepository(sql).put(changed)
                try await SupportCommunicationRepository(sql).insert(
                    SupportCommunication(
                        id: "comm-1", caseID: "case-1", author: .agent, submittedBy: "Aiko", body: "本文", details: CommunicationDetails(),
                        createdAt: Self.base))
            }
            let (foundSet, listed, full, other, stored, recent, comm) = try await database.read { sql in
                let attachments = SupportAttachmentRepository(sql)
                return (
                    try await attachments.set(id: "as-1", accountID: "123456789012"),
                    try await attachments.attachments(setID: "as-1"),
                    try await attachments.attachment(id: "attachment-1", accountID: "123456789012"),
                    try await attachments.attachment(id: "attachment-1", accountID: "210987654321"),
                    try await SupportPlanRepository(sql).plan(accountID: "123456789012"),
                    try await attachments.setsCreated(accountID: "123456789012", since: Self.base),
                    try await SupportCommunicationRepository(sql).communication(id: "comm-1", caseID: "case-1")
                )
            }
            #expect(foundSet == set)
            #expect(listed.map(\.fileName) == ["log.txt"])
            #expect(listed.first?.data == "")
            #expect(full == attachment)
            #expect(other == nil)
            #expect(stored?.plan == .business && stored?.language == .japanese)
            #expect(recent == 1)
            #expect(comm?.body == "本文")
        }
    }

    @Test("the newest communications of several cases come in one query, each with its cursor", arguments: TestEngine.available)
    func newestCommunications(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            try await database.transaction { sql in
                let communications = SupportCommunicationRepository(sql)
                for (caseID, count) in [("case-a", 7), ("case-b", 2)] {
                    for index in 0..<count {
                        try await communications.insert(
                            SupportCommunication(
                                id: "comm-\(caseID)-\(index)", caseID: caseID, author: .customer, submittedBy: "x", body: "\(index)",
                                details: CommunicationDetails(), createdAt: Self.base.addingTimeInterval(TimeInterval(index))))
                    }
                }
            }
            let (newest, known) = try await database.read { sql in
                (
                    try await SupportCommunicationRepository(sql).newest(caseIDs: ["case-a", "case-b", "case-none"], limit: 5),
                    try await SupportCommunicationRepository(sql).list(caseID: "case-a", after: nil, before: nil, cursor: nil, limit: 5)
                )
            }
            #expect(newest["case-a"]?.items.map(\.body) == ["6", "5", "4", "3", "2"])
            #expect(newest["case-a"]?.nextCursor == known.nextCursor)
            #expect(newest["case-a"]?.nextCursor != nil)
            #expect(newest["case-b"]?.items.map(\.body) == ["1", "0"])
            #expect(newest["case-b"]?.nextCursor == nil)
            #expect(newest["case-none"] == nil)

            // Ties in time are ordered by id, as a case's own listing orders them; more cases than one statement
            // joins are read in several.
            let many = (0..<130).map { "case-many-\(String(format: "%03d", $0))" }
            try await database.transaction { sql in
                let communications = SupportCommunicationRepository(sql)
                for index in 0..<3 {
                    try await communications.insert(
                        SupportCommunication(
                            id: "comm-tie-\(index)", caseID: "case-tie", author: .customer, submittedBy: "x", body: "tie \(index)",
                            details: CommunicationDetails(), createdAt: Self.base))
                }
                // One with more than its body: its document is read, not taken for the plain one.
                try await communications.insert(
                    SupportCommunication(
                        id: "comm-tie-3", caseID: "case-tie", author: .agent, submittedBy: "y", body: "tie 3",
                        details: CommunicationDetails(
                            ccEmailAddresses: ["cc@example.com"], attachments: [AttachmentReference(id: "att-1", fileName: "ログ.txt")],
                            agentID: "agent-1", rating: 5),
                        createdAt: Self.base.addingTimeInterval(-1)))
                for caseID in many {
                    try await communications.insert(
                        SupportCommunication(
                            id: "comm-\(caseID)", caseID: caseID, author: .agent, submittedBy: "y", body: caseID,
                            details: CommunicationDetails(), createdAt: Self.base))
                }
            }
            let (ties, tieListing, spread) = try await database.read { sql in
                let communications = SupportCommunicationRepository(sql)
                return (
                    try await communications.newest(caseIDs: ["case-tie"], limit: 2),
                    try await communications.list(caseID: "case-tie", after: nil, before: nil, cursor: nil, limit: 2),
                    try await communications.newest(caseIDs: many + ["case-a"], limit: 5)
                )
            }
            #expect(ties["case-tie"]?.items.map(\.body) == ["tie 2", "tie 1"])
            #expect(ties["case-tie"]?.items == tieListing.items && ties["case-tie"]?.nextCursor == tieListing.nextCursor)
            let detailed = try await database.read { sql in
                try await SupportCommunicationRepository(sql).newest(caseIDs: ["case-tie"], limit: 5)["case-tie"]?.items.last
            }
            #expect(detailed?.details.attachments == [AttachmentReference(id: "att-1", fileName: "ログ.txt")])
            #expect(detailed?.details.ccEmailAddresses == ["cc@example.com"] && detailed?.details.rating == 5)
            #expect(ties["case-tie"]?.items.first?.details == CommunicationDetails())
            #expect(spread.count == 131)
            #expect(many.allSatisfy { spread[$0]?.items.map(\.body) == [$0] })
            #expect(spread["case-a"]?.items.map(\.body) == ["6", "5", "4", "3", "2"])
        }
    }
}
