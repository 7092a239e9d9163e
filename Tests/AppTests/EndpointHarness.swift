import AWSProtocol
import ContactsAPI
import Foundation
import HTTPTypes
import HikeshiCore
import Hummingbird
import Logging
import NIOCore
import SSMContactsModel
import Storage
import Testing

@testable import App

/// Fixed keys for tests.
struct StaticDirectory: SigV4KeyStore {
    /// Keys by id; a key without an account is one the store knows no owner of (it must be refused).
    var keys: [String: (account: String?, secret: String)]

    func credential(for accessKeyID: String) async throws -> SigV4Credential? {
        keys[accessKeyID].map { SigV4Credential(secret: $0.secret, owner: $0.account) }
    }
}

/// An endpoint over a fresh SQLite database, and a way to send it signed requests.
struct EndpointHarness {
    static let host = "127.0.0.1:4750"
    let endpoint: AWSEndpoint
    let metrics: RequestMetrics
    let database: any DatabaseClient
    let directory: URL

    static func make(extraServices: [any AWSServiceHandler] = []) async throws -> EndpointHarness {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hikeshi-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let database = try await SQLiteDatabaseClient.open(path: directory.appendingPathComponent("t.sqlite").path, logger: logger)
        try await Migrator().migrate(database, logger: logger)
        let metrics = RequestMetrics()
        let keys = StaticDirectory(keys: [
            "AKIAALICE00000000000": ("111111111111", "alice-secret"),
            "AKIABOB0000000000000": ("222222222222", "bob-secret"),
            "AKIAORPHAN0000000000": (nil, "orphan-secret"),
        ])
        let contacts = SSMContactsService(handler: ContactsHandler(store: SQLFamilyStore.contacts(database), clock: SystemClock(), logger: logger))
        let endpoint = AWSEndpoint(services: [contacts] + extraServices, directory: keys, metrics: metrics, logger: logger)
        return EndpointHarness(endpoint: endpoint, metrics: metrics, database: database, directory: directory)
    }

    func close() async {
        await database.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }

    struct Reply {
        var status: Int
        var headers: HTTPFields
        var json: [String: Any]
    }

    /// Sends a request, signed by `key` unless it is `nil`.
    func send(
        method: HTTPRequest.Method = .post,
        path: String = "/",
        query: String? = nil,
        target: String? = nil,
        body: String = "{}",
        key: (id: String, secret: String)? = ("AKIAALICE00000000000", "alice-secret"),
        region: String = "us-east-1",
        service: String = "ssm-contacts",
        date: Date = Date()
    ) async throws -> Reply {
        var headers: [String: String] = [:]
        if let target {
            headers["X-Amz-Target"] = target
            headers["Content-Type"] = "application/x-amz-json-1.1"
        } else {
            headers["Content-Type"] = "application/json"
        }
        let data = Data(body.utf8)
        if let key {
            let signer = TestSigner(accessKeyID: key.id, secret: key.secret, region: region, service: service)
            headers = signer.sign(method: method.rawValue, path: path, query: query, headers: headers, host: Self.host, body: data, date: date)
        }
        var fields = HTTPFields()
        for (name, value) in headers {
            if let field = HTTPField.Name(name) {
                fields[field] = value
            }
        }
        let fullPath = query.map { "\(path)?\($0)" } ?? path
        let head = HTTPRequest(method: method, scheme: "http", authority: Self.host, path: fullPath, headerFields: fields)
        let request = Request(head: head, body: RequestBody(buffer: ByteBuffer(bytes: data)))
        let match = endpoint.match(request)
        let response = await endpoint.respond(to: request, match: match)
        let writer = CollectingWriter()
        try await response.body.write(writer)
        let collected = writer.buffer
        let json = (try? JSONSerialization.jsonObject(with: Data(buffer: collected))) as? [String: Any] ?? [:]
        return Reply(status: response.status.code, headers: response.headers, json: json)
    }
}

/// Collects a response body.
final class CollectingWriter: ResponseBodyWriter, @unchecked Sendable {
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var copy = buffer
        self.buffer.writeBuffer(&copy)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
