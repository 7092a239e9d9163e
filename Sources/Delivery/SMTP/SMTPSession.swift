import Foundation
import Logging
import NIOCore

/// One SMTP conversation over an open connection: sends command lines, reads replies, checks their codes.
///
/// Commands are logged at trace level; AUTH payloads and message content never are.
struct SMTPSession {
    /// What the server said it supports in its EHLO reply.
    struct Capabilities: Sendable, Hashable {
        /// Whether EHLO was accepted (false after falling back to HELO).
        var extended = false
        /// The upper-cased extension keywords (`STARTTLS`, `PIPELINING`, `SIZE`).
        var keywords: Set<String> = []
        /// The upper-cased AUTH mechanisms offered.
        var authMechanisms: Set<String> = []

        /// Whether STARTTLS is offered.
        var startTLS: Bool { self.keywords.contains("STARTTLS") }

        /// Reads an EHLO reply: the first line is the greeting, each later one a keyword and its parameters.
        init(ehloReply: SMTPReply) {
            self.extended = true
            for line in ehloReply.lines.dropFirst() {
                let words = line.split(whereSeparator: { $0 == " " || $0 == "=" }).map { $0.uppercased() }
                guard let keyword = words.first else {
                    continue
                }
                self.keywords.insert(keyword)
                if keyword == "AUTH" {
                    self.authMechanisms.formUnion(words.dropFirst())
                }
            }
        }

        /// No extensions (after HELO).
        init() {}
    }

    private var replies: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let logger: Logger

    /// Wraps the two halves of an SMTP connection.
    init(inbound: NIOAsyncChannelInboundStream<SMTPReply>, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, logger: Logger) {
        self.replies = inbound.makeAsyncIterator()
        self.outbound = outbound
        self.logger = logger
    }

    /// Reads the next reply.
    ///
    /// - Throws: ``DeliveryError/Code/connectionFailed`` when the server closed the connection, or the error that
    ///   ended it (a ``DeliveryError/Code/timeout`` from ``SMTPReplyTimeoutHandler``, a TLS error).
    mutating func readReply() async throws -> SMTPReply {
        guard let reply = try await self.replies.next() else {
            throw DeliveryError.connectionFailed("the SMTP server closed the connection")
        }
        self.logger.trace("SMTP reply", metadata: ["smtp.reply_code": "\(reply.code)"])
        return reply
    }

    /// Sends one command line and reads its reply.
    ///
    /// - Parameters:
    ///   - line: The command without CRLF.
    ///   - logged: What to log instead of the line (for commands carrying credentials).
    mutating func command(_ line: String, logged: String? = nil) async throws -> SMTPReply {
        self.logger.trace("SMTP command", metadata: ["smtp.command": "\(logged ?? line)"])
        try await self.outbound.write(ByteBuffer(string: line + "\r\n"))
        return try await self.readReply()
    }

    /// Sends one command line without waiting for its reply (QUIT after an accepted message: the
    /// caller records the delivery at once instead of waiting for the server to say goodbye).
    mutating func commandWithoutReply(_ line: String) async throws {
        self.logger.trace("SMTP command", metadata: ["smtp.command": "\(line)"])
        try await self.outbound.write(ByteBuffer(string: line + "\r\n"))
    }

    /// Sends the message content of DATA (already dot-stuffed and ending with `.` CRLF) and reads the reply.
    mutating func content(_ bytes: [UInt8]) async throws -> SMTPReply {
        self.logger.trace("SMTP message content", metadata: ["smtp.content_bytes": "\(bytes.count)"])
        try await self.outbound.write(ByteBuffer(bytes: bytes))
        return try await self.readReply()
    }

    /// Checks a reply's code.
    ///
    /// - Parameters:
    ///   - reply: The reply.
    ///   - expected: The codes that mean success for this step.
    ///   - step: What was being done, for the error message.
    /// - Throws: ``DeliveryError/Code/smtpRejected`` for a 4xx or 5xx reply, ``DeliveryError/Code/protocolViolation``
    ///   for any other unexpected code.
    func expect(_ reply: SMTPReply, _ expected: Set<Int>, _ step: String) throws {
        guard !expected.contains(reply.code) else {
            return
        }
        if reply.isError {
            throw DeliveryError.smtpRejected(replyCode: reply.code, "\(step): \(reply.code) \(reply.text)")
        }
        throw DeliveryError.protocolViolation("\(step): unexpected reply \(reply.code) \(reply.text)")
    }

    /// Says EHLO, falling back to HELO when the server does not know EHLO (500, 502; 421 still fails).
    mutating func hello(_ name: String) async throws -> Capabilities {
        let reply = try await self.command("EHLO \(name)")
        if reply.code == 250 {
            return Capabilities(ehloReply: reply)
        }
        guard reply.code == 500 || reply.code == 501 || reply.code == 502 || reply.code == 504 else {
            try self.expect(reply, [250], "EHLO")
            return Capabilities()
        }
        try self.expect(try await self.command("HELO \(name)"), [250], "HELO")
        return Capabilities()
    }

    /// Authenticates with AUTH PLAIN when offered, else AUTH LOGIN.
    ///
    /// - Throws: ``DeliveryError/Code/authenticationUnavailable`` when neither is offered,
    ///   ``DeliveryError/Code/smtpRejected`` when the server refuses the credentials (535 is permanent).
    mutating func authenticate(username: String, password: String, capabilities: Capabilities) async throws -> String {
        if capabilities.authMechanisms.contains("PLAIN") {
            let token = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
            try self.expect(try await self.command("AUTH PLAIN \(token)", logged: "AUTH PLAIN <redacted>"), [235], "AUTH PLAIN")
            return "PLAIN"
        }
        if capabilities.authMechanisms.contains("LOGIN") {
            try self.expect(try await self.command("AUTH LOGIN"), [334], "AUTH LOGIN")
            let user = Data(username.utf8).base64EncodedString()
            try self.expect(try await self.command(user, logged: "<redacted user name>"), [334], "AUTH LOGIN user name")
            let pass = Data(password.utf8).base64EncodedString()
            try self.expect(try await self.command(pass, logged: "<redacted password>"), [235], "AUTH LOGIN password")
            return "LOGIN"
        }
        let offered = capabilities.authMechanisms.sorted().joined(separator: " ")
        throw DeliveryError.authenticationUnavailable(
            capabilities.authMechanisms.isEmpty
                ? "credentials are configured but the SMTP server offers no AUTH"
                : "the SMTP server offers neither AUTH PLAIN nor AUTH LOGIN (offers: \(offered))"
        )
    }
}
