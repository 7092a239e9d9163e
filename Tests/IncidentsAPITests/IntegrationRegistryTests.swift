import Foundation
import HikeshiCore
import HikeshiTestSupport
import IncidentsAPI
import Logging
import Storage
import Testing

/// A stand-in for the master-key box: reversible, visibly different from the plaintext.
struct ReversingSealer: SecretSealer {
    func seal(_ secret: String) throws -> String { "v1:" + Data(secret.utf8.reversed()).base64EncodedString() }

    func open(_ sealed: String) throws -> String {
        String(decoding: (Data(base64Encoded: String(sealed.dropFirst(3))) ?? Data()).reversed(), as: UTF8.self)
    }
}

@Suite("Integration registry secrets")
struct IntegrationRegistryTests {
    @Test("a chat channel's webhook URL and signing secret are stored sealed and opened for use", arguments: TestEngine.available)
    func sealedAtRest(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let registry = IntegrationRegistry(
                store: SQLFamilyStore.incidents(database), clock: ManualClock(start: Date(timeIntervalSince1970: 1_800_000_000)),
                sealer: ReversingSealer(), logger: testLogger)
            let url = "https://hooks.slack.com/services/T000/B000/abcdefSECRET"
            let created = try await registry.createChatChannel(
                accountID: "123456789012", region: "us-east-1", name: "db-oncall", kind: .slack, webhookURL: url, signingSecret: "s3cr3t-signing",
                logger: testLogger)
            let stored = try await SQLFamilyStore.incidents(database).read(logger: testLogger) {
                try await $0.integrations.record(id: created.record.id, accountID: "123456789012")
            }
            let record = try #require(stored)
            #expect(!record.settings.contains("abcdefSECRET"))
            #expect(!record.settings.contains("s3cr3t-signing"))
            let opened = try registry.settings(of: record)
            #expect(opened.webhookURL == url)
            #expect(opened.signingSecret == "s3cr3t-signing")
            #expect(try await registry.find(token: created.token, logger: testLogger) == record)
        }
    }

    @Test("settings stored in plaintext by an earlier version still work")
    func legacyPlaintext() throws {
        let registry = IntegrationRegistry(
            store: NoStore(), clock: ManualClock(start: Date(timeIntervalSince1970: 0)), sealer: ReversingSealer(),
            logger: testLogger)
        let record = IntegrationRecord(
            id: "arn:aws:sns:us-east-1:123456789012:old", tokenHash: "x", accountID: "123456789012", region: "us-east-1", kind: .slack,
            targetArn: "arn:aws:sns:us-east-1:123456789012:old", name: "old",
            settings: #"{"webhookURL":"https://hooks.example/old","signingSecret":"plain"}"#, createdAt: Date(timeIntervalSince1970: 0))
        let opened = try registry.settings(of: record)
        #expect(opened.webhookURL == "https://hooks.example/old")
        #expect(opened.signingSecret == "plain")
    }
}

/// A store that is never used.
struct NoStore: FamilyStore {
    typealias Transaction = any IncidentsTransaction

    func read<T: Sendable>(logger: Logger, _ body: @Sendable (Transaction) async throws -> T) async throws -> T {
        throw StorageError.configuration("no store in this test")
    }

    func write<T: Sendable>(logger: Logger, _ body: @Sendable (Transaction) async throws -> T) async throws -> T {
        throw StorageError.configuration("no store in this test")
    }
}
