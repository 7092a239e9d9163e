import Foundation
import HikeshiCore
import HikeshiTestSupport
import SQLKit
import Storage
import Testing

@Suite("Repositories")
struct RepositoryTests {
    static func contact(_ alias: String, account: String = "111111111111", region: String = "us-east-1") -> Contact {
        let now = Date(timeIntervalSince1970: 1_800_000_000.123)
        return Contact(
            arn: "arn:aws:ssm-contacts:\(region):\(account):contact/\(alias)",
            accountID: account,
            region: region,
            alias: alias,
            displayName: "Name \(alias) 日本語",
            type: .personal,
            plan: ContactPlan(),
            createdAt: now,
            updatedAt: now
        )
    }

    @Test("a stored state the code does not know is corrupt, never a default", arguments: TestEngine.available)
    func unknownStoredTypeIsCorrupt(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let contact = Self.contact("odd")
            try await database.transaction { sql in
                try await ContactRepository(sql).insert(contact)
                try await sql.raw("UPDATE contacts SET type = 'ROBOT' WHERE arn = \(bind: contact.arn)").run()
            }
            let error = await #expect(throws: StorageError.self) {
                try await database.read { try await ContactRepository($0).contact(arn: contact.arn, accountID: contact.accountID) }
            }
            #expect(error?.kind == .corrupt)
        }
    }

    @Test("contacts round-trip, list by page, filter, and stay in their account", arguments: TestEngine.available)
    func contacts(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let aliases = ["a_1", "ab", "b", "c", "d", "e", "a-2"]
            try await database.transaction { sql in
                for alias in aliases {
                    try await ContactRepository(sql).insert(Self.contact(alias))
                }
                try await ContactRepository(sql).insert(Self.contact("a_1", account: "222222222222"))
            }
            let fetched = try await database.read { try await ContactRepository($0).contact(arn: Self.contact("b").arn, accountID: "111111111111") }
            #expect(fetched == Self.contact("b"))
            let hidden = try await database.read { try await ContactRepository($0).contact(arn: Self.contact("b").arn, accountID: "222222222222") }
            #expect(hidden == nil)

            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await database.read { [cursor] sql in
                    try await ContactRepository(sql).list(
                        accountID: "111111111111",
                        region: "us-east-1",
                        aliasPrefix: nil,
                        type: nil,
                        after: cursor,
                        limit: 2
                    )
                }
                #expect(page.items.count <= 2)
                seen += page.items.map(\.alias)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen == aliases.sorted())

            // '_' is literal in a prefix, not a wildcard.
            let prefixed = try await database.read { sql in
                try await ContactRepository(sql).list(
                    accountID: "111111111111", region: "us-east-1", aliasPrefix: "a_", type: nil, after: nil, limit: 10)
            }
            #expect(prefixed.items.map(\.alias) == ["a_1"])
            let otherRegion = try await database.read { sql in
                try await ContactRepository(sql).list(
                    accountID: "111111111111", region: "eu-west-1", aliasPrefix: nil, type: nil, after: nil, limit: 10)
            }
            #expect(otherRegion.items.isEmpty)
        }
    }

    @Test("a duplicate alias is a conflict, not a crash", arguments: TestEngine.available)
    func duplicateAlias(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            try await database.transaction { try await ContactRepository($0).insert(Self.contact("dup")) }
            do {
                try await database.transaction { try await ContactRepository($0).insert(Self.contact("dup")) }
                Issue.record("duplicate accepted")
            } catch let error as StorageError {
                #expect(error.kind == .conflict)
            }
        }
    }

    @Test("tags and policies are per resource and account", arguments: TestEngine.available)
    func tagsAndPolicies(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let arn = "arn:aws:ssm-contacts:us-east-1:111111111111:contact/x"
            try await database.transaction { sql in
                try await TagRepository(sql).set(["team": "sre", "env": "prod"], on: arn, accountID: "111111111111")
                try await TagRepository(sql).set(["team": "noc"], on: arn, accountID: "111111111111")
                try await TagRepository(sql).remove(["env"], from: arn, accountID: "111111111111")
                try await PolicyRepository(sql).put("{}", on: arn, accountID: "111111111111", at: Date())
                try await PolicyRepository(sql).put(#"{"Version":"2012-10-17"}"#, on: arn, accountID: "111111111111", at: Date())
            }
            let tags = try await database.read { try await TagRepository($0).tags(of: arn, accountID: "111111111111") }
            #expect(tags == ["team": "noc"])
            let foreign = try await database.read { try await TagRepository($0).tags(of: arn, accountID: "222222222222") }
            #expect(foreign.isEmpty)
            let policy = try await database.read { try await PolicyRepository($0).policy(of: arn, accountID: "111111111111") }
            #expect(policy == #"{"Version":"2012-10-17"}"#)
        }
    }
}
