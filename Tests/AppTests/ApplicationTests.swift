import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import App

/// The whole application as `hikeshi serve` builds it (`buildApplication`), driven through Hummingbird's router
/// test client: the same wiring, services and storage, without a socket.
@Suite("Application wiring")
struct ApplicationTests {
    static let key = (id: "AKIAWIRING0000000000", secret: "wiring-secret")

    private static func configuration(_ directory: URL) -> HikeshiConfiguration {
        var configuration = HikeshiConfiguration()
        configuration.dataDirectory = directory
        configuration.logLevel = .critical
        configuration.bootstrap = .init(accountID: "111111111111", accessKeyID: key.id, secretAccessKey: key.secret)
        return configuration
    }

    /// A signed JSON 1.1 call of ssm-contacts, as the router test client sends it (authority `localhost`).
    private static func call(_ client: some TestClientProtocol, _ operation: String, _ body: String) async throws -> (HTTPResponse.Status, String) {
        let data = Data(body.utf8)
        let signer = TestSigner(accessKeyID: key.id, secret: key.secret, region: "ap-northeast-1", service: "ssm-contacts")
        let signed = signer.sign(
            method: "POST", path: "/", query: nil,
            headers: ["X-Amz-Target": "SSMContacts.\(operation)", "Content-Type": "application/x-amz-json-1.1"],
            host: "localhost", body: data, date: Date()
        )
        var fields = HTTPFields()
        for (name, value) in signed {
            if let field = HTTPField.Name(name) {
                fields[field] = value
            }
        }
        return try await client.execute(uri: "/", method: .post, headers: fields, body: ByteBuffer(bytes: data)) { response in
            (response.status, String(buffer: response.body))
        }
    }

    @Test func servesHealthAndSignedCallsThroughTheWholeStack() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "hikeshi-wiring-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let app = try await buildApplication(Self.configuration(directory))
        try await app.test(.router) { client in
            let (created, createdBody) = try await Self.call(
                client, "CreateContact", #"{"Alias":"wiring","Type":"PERSONAL","Plan":{"Stages":[]}}"#)
            #expect(created == .ok, "\(createdBody)")
            #expect(createdBody.contains("arn:aws:ssm-contacts:ap-northeast-1:111111111111:contact/wiring"))
            let (listed, listBody) = try await Self.call(client, "ListContacts", "{}")
            #expect(listed == .ok)
            #expect(listBody.contains(#""Alias":"wiring""#))
            // Requests waited for the migrations; /health says they are done.
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
            }
            // Unsigned: refused with AWS's error, and nothing is created.
            try await client.execute(
                uri: "/", method: .post,
                headers: [.contentType: "application/x-amz-json-1.1", HTTPField.Name("X-Amz-Target")!: "SSMContacts.ListContacts"],
                body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("MissingAuthenticationTokenException"))
            }
        }
        // The data outlives the application: a second build over the same directory reads it back.
        let again = try await buildApplication(Self.configuration(directory))
        try await again.test(.router) { client in
            let (status, body) = try await Self.call(client, "ListContacts", "{}")
            #expect(status == .ok)
            #expect(body.contains(#""Alias":"wiring""#))
        }
    }
}

@Suite("Migration gate")
struct MigrationGateTests {
    @Test func waitersWakeWhenTheMigrationsComplete() async {
        let gate = MigrationGate()
        #expect(!gate.isCompleted)
        async let first = gate.waitUntilCompleted()
        async let second = gate.waitUntilCompleted()
        gate.complete()
        #expect(await first)
        #expect(await second)
        #expect(gate.isCompleted)
        #expect(await gate.waitUntilCompleted())
    }

    @Test func waitersGiveUpWhenTheMigrationsFail() async {
        let gate = MigrationGate()
        async let waiting = gate.waitUntilCompleted()
        gate.fail()
        #expect(await waiting == false)
        #expect(!gate.isCompleted)
        // A later completion cannot reopen a failed gate: the application is stopping.
        gate.complete()
        #expect(await gate.waitUntilCompleted() == false)
    }

    @Test func aCancelledWaiterLeavesTheGateAlone() async {
        let gate = MigrationGate()
        let waiter = Task { await gate.waitUntilCompleted() }
        waiter.cancel()
        #expect(await waiter.value == false)
        async let other = gate.waitUntilCompleted()
        gate.complete()
        #expect(await other)
    }
}
