import Foundation
import Logging
import NIOSSL
import Testing

@testable import Delivery

/// The SMTP client against the in-process fake server: the conversation, authentication, content encoding, TLS
/// and every kind of failure.
@Suite("SMTPClient")
struct SMTPClientTests {
    static let from = "Hikeshi <alerts@hikeshi.test>"

    static func client(
        _ server: FakeSMTPServer,
        credentials: String? = "user:pass@",
        scheme: String = "smtp",
        query: String = "auth_plaintext=true",
        logger: Logger? = nil
    ) throws -> SMTPClient {
        // A long default, so that a test's own shorter `timeout` is told from it even on a loaded machine.
        let url = "\(scheme)://\(credentials ?? "")127.0.0.1:\(server.port)?helo=client.hikeshi.test&timeout=60&\(query)"
        let configuration = try SMTPConfiguration(url: url, from: Self.from)
        return try SMTPClient(configuration: configuration, logger: logger ?? RecordingLogHandler.logger().0)
    }

    static func message(subject: String = "Incident: database down", body: String = "The database is down.\nPress 1.") -> EmailMessage {
        EmailMessage(
            from: Self.from,
            to: ["oncall@example.com", "Second Person <second@example.com>"],
            subject: subject,
            body: body,
            headers: [EmailMessage.Header(name: "X-Hikeshi-Engagement", value: "arn:aws:ssm-contacts:us-east-1:111122223333:engagement/a/b")]
        )
    }

    static func serverTLSContext() throws -> NIOSSLContext {
        let certificate = try NIOSSLCertificate(bytes: Array(TestCertificate.certificatePEM.utf8), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: Array(TestCertificate.privateKeyPEM.utf8), format: .pem)
        return try NIOSSLContext(
            configuration: .makeServerConfiguration(certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
        )
    }

    static func expectDeliveryError(
        _ expected: DeliveryError.Code,
        _ body: () async throws -> SMTPReceipt,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> DeliveryError {
        do {
            let receipt = try await body()
            Issue.record("expected \(expected), got a receipt \(receipt)", sourceLocation: sourceLocation)
            throw DeliveryTestError("no error")
        } catch let error as DeliveryError {
            #expect(error.errorCode == expected, "\(error)", sourceLocation: sourceLocation)
            return error
        }
    }

    // MARK: - The conversation

    @Test("AUTH PLAIN, two recipients: the exact command sequence and a receipt with the queue id")
    func authPlainConversation() async throws {
        let server = try await FakeSMTPServer.start()
        defer { Task { try await server.stop() } }
        let (logger, logs) = RecordingLogHandler.logger()
        let message = Self.message()
        let receipt = try await Self.client(server, logger: logger).send(message)

        let session = try await server.settledSession()
        #expect(
            session.commands == [
                "EHLO client.hikeshi.test",
                "AUTH PLAIN AHVzZXIAcGFzcw==",
                "MAIL FROM:<alerts@hikeshi.test>",
                "RCPT TO:<oncall@example.com>",
                "RCPT TO:<second@example.com>",
                "DATA",
                "QUIT",
            ]
        )
        #expect(Data(base64Encoded: "AHVzZXIAcGFzcw==") == Data("\0user\0pass".utf8))
        #expect(!session.sawBareLineFeed)
        #expect(!session.tls)
        #expect(receipt.replyCode == 250)
        #expect(receipt.reply == "2.0.0 Ok: queued as 4BX7Q21ZKHz")
        #expect(receipt.queueID == "4BX7Q21ZKHz")
        #expect(receipt.messageID == message.messageID)
        #expect(receipt.recipients == ["oncall@example.com", "second@example.com"])

        // Logged with dotted keys, never the credentials or the content.
        let text = logs.text
        #expect(logs.all.contains { $0.message == "email accepted by SMTP server" && $0.metadata["smtp.host"] == "127.0.0.1" })
        #expect(logs.all.contains { $0.metadata["delivery.message_id"] == message.messageID })
        #expect(!text.contains("AHVzZXIAcGFzcw=="))
        #expect(!text.contains("pass"))
        #expect(!text.contains("database is down"))
    }

    @Test("AUTH LOGIN when the server offers only LOGIN")
    func authLoginConversation() async throws {
        var script = FakeSMTPServer.Script()
        script.extensions = ["AUTH LOGIN", "8BITMIME"]
        let server = try await FakeSMTPServer.start(script)
        defer { Task { try await server.stop() } }
        let (logger, logs) = RecordingLogHandler.logger()
        _ = try await Self.client(server, credentials: "ops%40hikeshi.test:p%3Ass@", logger: logger).send(Self.message())

        let commands = try await server.settledSession().commands
        #expect(Array(commands.prefix(4)) == ["EHLO client.hikeshi.test", "AUTH LOGIN", "b3BzQGhpa2VzaGkudGVzdA==", "cDpzcw=="])
        #expect(Data(base64Encoded: commands[2]) == Data("ops@hikeshi.test".utf8))
        #expect(Data(base64Encoded: commands[3]) == Data("p:ss".utf8))
        #expect(Array(commands.dropFirst(4)).first == "MAIL FROM:<alerts@hikeshi.test>")
        #expect(!logs.text.contains("cDpzcw=="))
        #expect(!logs.text.contains("b3BzQGhpa2VzaGkudGVzdA=="))
    }

    @Test("Without credentials there is no AUTH")
    func noCredentials() async throws {
        let server = try await FakeSMTPServer.start()
        defer { Task { try await server.stop() } }
        _ = try await Self.client(server, credentials: nil, query: "").send(Self.message())
        #expect(
            try await server.settledSession().commands == [
                "EHLO client.hikeshi.test", "MAIL FROM:<alerts@hikeshi.test>", "RCPT TO:<oncall@example.com>",
                "RCPT TO:<second@example.com>", "DATA", "QUIT",
            ]
        )
    }

    @Test("HELO when the server does not know EHLO")
    func heloFallback() async throws {
        var script = FakeSMTPServer.Script()
        script.ehloReply = "502 5.5.2 Error: command not recognized"
        let server = try await FakeSMTPServer.start(script)
        defer { Task { try await server.stop() } }
        _ = try await Self.client(server, credentials: nil, query: "").send(Self.message())
        #expect(
            try Array(server.onlySession().commands.prefix(3)) == [
                "EHLO client.hikeshi.test", "HELO client.hikeshi.test", "MAIL FROM:<alerts@hikeshi.test>",
            ])
    }

    @Test("Credentials are never sent over plain text unless auth_plaintext=true")
    func noPlaintextCredentials() async throws {
        let server = try await FakeSMTPServer.start()
        defer { Task { try await server.stop() } }
        let error = try await Self.expectDeliveryError(.authenticationUnavailable) {
            try await Self.client(server, query: "").send(Self.message())
        }
        #expect(error.isPermanent)
        #expect(try await server.settledSession().commands == ["EHLO client.hikeshi.test"])
    }

    @Test("Credentials with a server that offers no AUTH fail permanently")
    func noAuthOffered() async throws {
        var script = FakeSMTPServer.Script()
        script.extensions = ["8BITMIME"]
        let server = try await FakeSMTPServer.start(script)
        defer { Task { try await server.stop() } }
        let error = try await Self.expectDeliveryError(.authenticationUnavailable) {
            try await Self.client(server).send(Self.message())
        }
        #expect(error.isPermanent)
    }

    @Test("Rejected credentials (535) fail permanently")
    func badCredentials() async throws {
        var script = FakeSMTPServer.Script()
        script.authReply = "535 5.7.8 Error: authentication failed"
        let server = try await FakeSMTPServer.start(script)
        defer { Task { try await server.stop() } }
        let error = try await Self.expectDeliveryError(.smtpRejected) {
            try await Self.client(server).send(Self.message())
        }
        #expect(error.isPermanent)
        #expect(error.statusCode == 535)
        #expect(!error.message.contains("pass"))
    }

    // MARK: - Content

    @Test("The DATA content: headers, a Japanese subject that decodes back, a base64 body that decodes back")
    func renderedContent() async throws {
        let server = try await FakeSMTPServer.start()
        defer { Task { try await server.stop() } }
        let subject = "【障害】データベースが応答しません — 데이터베이스 장애 (sev 1)"
        let body = "データベースが停止しました。\n확인하려면 1을 누르세요.\r\n.hidden line\n"
        let message = Self.message(subject: subject, body: body)
        _ = try await Self.client(server).send(message)

        let lines = MessageReader.unstuffed(try await server.settledSession().dataLines)
        let (headers, bodyLines) = MessageReader.split(lines)
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
        #expect(
            headers.map(\.name) == [
                "Date", "Message-ID", "From", "To", "Subject", "X-Hikeshi-Engagement", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
            ])
        #expect(header("Message-ID") == message.messageID)
        #expect(message.messageID.hasSuffix("@hikeshi.test>"))
        #expect(header("From") == "Hikeshi <alerts@hikeshi.test>")
        #expect(header("To") == "oncall@example.com, Second Person <second@example.com>")
        #expect(header("Subject")?.hasPrefix("=?UTF-8?B?") == true)
        #expect(try MessageReader.decodeEncodedWords(header("Subject") ?? "") == subject)
        #expect(header("Content-Type") == "text/plain; charset=utf-8")
        #expect(header("Content-Transfer-Encoding") == "base64")
        let expectedBody = "データベースが停止しました。\r\n확인하려면 1을 누르세요.\r\n.hidden line\r\n"
        #expect(try MessageReader.decodeBase64Body(bodyLines) == expectedBody)
        #expect(bodyLines.allSatisfy { $0.count <= 76 })
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
    }

    @Test("Dot-stuffing on the wire: lines starting with '.' are doubled and read back intact")
    func dotStuffingOnTheWire() async throws {
        let server = try await FakeSMTPServer.start()
        defer { Task { try await server.stop() } }
        let raw = "Subject: dots\r\n\r\n.leading dot\r\n..two dots\r\n.\r\nmiddle . dot\nbare LF line\n."
        let receipt = try await Self.client(server).send(rawMessage: raw, from: "alerts@hikeshi.test", to: ["oncall@example.com"])
        #expect(receipt.messageID == nil)

        let session = try await server.settledSession()
        #expect(!session.sawBareLineFeed)
        #expect(session.dataLines == ["Subject: dots", "", "..leading dot", "...two dots", "..", "middle . dot", "bare LF line", ".."])
        #expect(
            MessageReader.unstuffed(session.dataLines)
                == ["Subject: dots", "", ".leading dot", "..two dots", ".", "middle . dot", "bare LF line", "."]
        )
    }

    // MARK: - Failures

    @Test("550 to RCPT TO: permanent, nothing sent")
    func recipientRejected() async throws {
        var script = FakeSMTPServer.Script()
        script.rcptReplies["second@example.com"] = "550 5.1.1 <second@example.com>: Recipient address rejected: User unknown"
        let server = try await FakeSMTPServer.start(script)
        defer { Task { try await server.stop() } }
        let error = try await Self.expectDeliveryError(.smtpRejected) {
            try await Self.client(server).send(Self.message())
        }
        #expect(error.isPermanent)
        #expect(!error.isTransient)
        #expect(error.statusCode == 550)
        #expect(error.message.contains("User unknown"))
        #expect(try !server.onlySession().commands.contains("DATA"))
    }

    @Test("421 to MAIL FROM: transient")
    func mailTransient() async throws {
        var script = FakeSMTPServer.Script()
        script.mailReply = "421 4.3.2 Service not available, closing transmission channel"
        let server = try await FakeSMTPServer.start(script)
        defer { Task { try await server.stop() } }
        let error = try await Self.expectDeliveryError(.smtpRejected) {
            try await Self.client(server).send(Self.message())
        }
        #expect(error.isTransient)
        #expect(error.statusCode == 421)
        #expect(error == DeliveryError.smtpRejected())
    }

    @Test("451 to the end of DATA: transient")
    func dataTransient() async throws {
        var script = FakeSMTPServer.Script()
        script.dataReply = "451 4.3.0 Error: queue file write error"
        let server = try await FakeSMTPServer.start(script)
        defer { Task { try await server.stop() } }
        let error = try await Self.expectDeliveryError(.smtpRejected) {
            try await Self.client(server).send(Self.message())
        }
        #expect(error.isTransient)
        #expect(error.statusCode == 451)
    }

    @Test("A server that never greets: a transient timeout within the reply timeout")
    func greetingTimeout() async throws {
        var script = FakeSMTPServer.Script()
        script.greeting = nil
        let server = try await FakeSMTPServer.start(script)
        defer { Task { try await server.stop() } }
        let started = ContinuousClock.now
        let error = try await Self.expectDeliveryError(.timeout) {
            try await Self.client(server, query: "auth_plaintext=true&timeout=0.3").send(Self.message())
        }
        let elapsed = ContinuousClock.now - started
        #expect(error.isTransient)
        #expect(elapsed >= .milliseconds(250))
        // The 0.3 s timeout, not the helper's 60 s one (a bound of 5 s failed twice when the full suite loaded both cores).
        #expect(elapsed < .seconds(30))
    }

    @Test("A server that goes quiet after the content: a transient timeout")
    func dataTimeout() async throws {
        var script = FakeSMTPServer.Script()
        script.silentAt = "."
        let server = try await FakeSMTPServer.start(script)
        defer { Task { try await server.stop() } }
        let error = try await Self.expectDeliveryError(.timeout) {
            try await Self.client(server, query: "auth_plaintext=true&timeout=0.3").send(Self.message())
        }
        #expect(error.isTransient)
    }

    @Test("Nothing listening: a transient connection failure")
    func connectionRefused() async throws {
        let server = try await FakeSMTPServer.start()
        try await server.stop()
        let error = try await Self.expectDeliveryError(.connectionFailed) {
            try await Self.client(server).send(Self.message())
        }
        #expect(error.isTransient)
    }

    @Test("Invalid messages fail before connecting")
    func invalidMessages() async throws {
        let server = try await FakeSMTPServer.start()
        defer { Task { try await server.stop() } }
        let client = try Self.client(server)
        var noRecipient = Self.message()
        noRecipient.to = []
        _ = try await Self.expectDeliveryError(.invalidMessage) { try await client.send(noRecipient) }
        var injected = Self.message()
        injected.to = ["oncall@example.com\r\nRCPT TO:<evil@example.com>"]
        _ = try await Self.expectDeliveryError(.invalidMessage) { try await client.send(injected) }
        #expect(server.sessions.isEmpty)
    }

    // MARK: - TLS

    @Test("STARTTLS: upgrade, EHLO again, then AUTH over TLS without auth_plaintext")
    func startTLS() async throws {
        var script = FakeSMTPServer.Script()
        script.tls = try Self.serverTLSContext()
        let server = try await FakeSMTPServer.start(script)
        defer { Task { try await server.stop() } }
        let receipt = try await Self.client(server, query: "starttls=required&tls_verify=false").send(Self.message())
        #expect(receipt.replyCode == 250)
        let session = try await server.settledSession()
        #expect(session.tls)
        #expect(
            session.commands == [
                "EHLO client.hikeshi.test", "STARTTLS", "EHLO client.hikeshi.test", "AUTH PLAIN AHVzZXIAcGFzcw==",
                "MAIL FROM:<alerts@hikeshi.test>", "RCPT TO:<oncall@example.com>", "RCPT TO:<second@example.com>", "DATA",
                "QUIT",
            ]
        )
    }

    @Test("STARTTLS is used when offered even when not required")
    func startTLSOpportunistic() async throws {
        var script = FakeSMTPServer.Script()
        script.tls = try Self.serverTLSContext()
        let server = try await FakeSMTPServer.start(script)
        defer { Task { try await server.stop() } }
        _ = try await Self.client(server, query: "tls_verify=false").send(Self.message())
        #expect(try await server.settledSession().tls)
    }

    @Test("STARTTLS with the certificate verified against a trusted CA file")
    func startTLSVerified() async throws {
        var script = FakeSMTPServer.Script()
        script.tls = try Self.serverTLSContext()
        let server = try await FakeSMTPServer.start(script)
        defer { Task { try await server.stop() } }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hikeshi-test-ca-\(UUID().uuidString).pem")
        try TestCertificate.certificatePEM.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await Self.client(server, query: "starttls=required&tls_ca=\(file.path)").send(Self.message())
        #expect(try await server.settledSession().tls)
    }

    @Test("STARTTLS with an untrusted certificate fails with a TLS error before any credentials are sent")
    func startTLSUntrusted() async throws {
        var script = FakeSMTPServer.Script()
        script.tls = try Self.serverTLSContext()
        let server = try await FakeSMTPServer.start(script)
        defer { Task { try await server.stop() } }
        let error = try await Self.expectDeliveryError(.tlsFailed) {
            try await Self.client(server, query: "starttls=required").send(Self.message())
        }
        #expect(error.isTransient)
        #expect(try !server.onlySession().commands.contains { $0.hasPrefix("AUTH") })
    }

    @Test("starttls=required with a server that does not offer it: permanent, no credentials sent")
    func startTLSRequiredUnavailable() async throws {
        let server = try await FakeSMTPServer.start()
        defer { Task { try await server.stop() } }
        let error = try await Self.expectDeliveryError(.tlsUnavailable) {
            try await Self.client(server, query: "starttls=required&auth_plaintext=true").send(Self.message())
        }
        #expect(error.isPermanent)
        #expect(try await server.settledSession().commands == ["EHLO client.hikeshi.test"])
    }

    @Test("smtps://: TLS from the first byte")
    func implicitTLS() async throws {
        var script = FakeSMTPServer.Script()
        script.implicitTLS = try Self.serverTLSContext()
        let server = try await FakeSMTPServer.start(script)
        defer { Task { try await server.stop() } }
        _ = try await Self.client(server, scheme: "smtps", query: "tls_verify=false").send(Self.message())
        let session = try await server.settledSession()
        #expect(session.tls)
        #expect(session.commands.first == "EHLO client.hikeshi.test")
        #expect(session.commands.contains("AUTH PLAIN AHVzZXIAcGFzcw=="))
    }
}
