import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// A scripted SMTP server on 127.0.0.1 for tests: records every command line and the DATA content of each
/// connection, answers as its ``Script`` says, and can upgrade with STARTTLS or speak TLS from the start.
final class FakeSMTPServer: Sendable {
    /// How the server answers.
    struct Script: Sendable {
        /// The greeting; nil never to say anything.
        var greeting: String? = "220 fake.hikeshi.test ESMTP ready"
        /// The EHLO extension lines after the greeting line (STARTTLS is added when ``tls`` is set).
        var extensions: [String] = ["PIPELINING", "SIZE 10240000", "AUTH PLAIN LOGIN", "8BITMIME"]
        /// A whole EHLO reply to send instead (such as `502 5.5.2 command not recognized`).
        var ehloReply: String?
        /// Offers STARTTLS and upgrades with this context.
        var tls: NIOSSLContext?
        /// Speaks TLS from the first byte with this context (smtps).
        var implicitTLS: NIOSSLContext?
        /// The reply to an AUTH that completes.
        var authReply = "235 2.7.0 Authentication successful"
        /// The reply to MAIL FROM.
        var mailReply = "250 2.1.0 Ok"
        /// The reply to each RCPT TO, by the address inside the angle brackets; `rcptReply` otherwise.
        var rcptReplies: [String: String] = [:]
        /// The reply to RCPT TO when ``rcptReplies`` has none.
        var rcptReply = "250 2.1.5 Ok"
        /// The reply to the end of DATA.
        var dataReply = "250 2.0.0 Ok: queued as 4BX7Q21ZKHz"
        /// Stops answering once a command with this verb (or `.` for the end of DATA) arrives.
        var silentAt: String?
    }

    /// What one connection did.
    struct Session: Sendable {
        /// The command lines, in order (AUTH LOGIN responses included), without CRLF.
        var commands: [String] = []
        /// The DATA content lines as received (still dot-stuffed), without the final `.` line.
        var dataLines: [String] = []
        /// Whether a line ended with a bare LF instead of CRLF.
        var sawBareLineFeed = false
        /// Whether the connection was upgraded to TLS (or started in TLS).
        var tls = false
    }

    private let channel: any Channel
    private let recorder: Recorder

    /// The port the server listens on.
    let port: Int

    private init(channel: any Channel, recorder: Recorder, port: Int) {
        self.channel = channel
        self.recorder = recorder
        self.port = port
    }

    /// Starts a server on a free port of 127.0.0.1.
    static func start(_ script: Script = Script()) async throws -> FakeSMTPServer {
        let recorder = Recorder()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let index = recorder.newSession(tls: script.implicitTLS != nil)
                    if let context = script.implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    }
                    try channel.pipeline.syncOperations.addHandler(Handler(script: script, recorder: recorder, session: index))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        guard let port = channel.localAddress?.port else {
            throw DeliveryTestError("fake SMTP server has no port")
        }
        return FakeSMTPServer(channel: channel, recorder: recorder, port: port)
    }

    /// Every connection so far.
    var sessions: [Session] {
        self.recorder.sessions.withLock { $0 }
    }

    /// The only connection; fails when there was not exactly one.
    func onlySession() throws -> Session {
        let sessions = self.sessions
        guard sessions.count == 1, let session = sessions.first else {
            throw DeliveryTestError("expected one SMTP connection, saw \(sessions.count)")
        }
        return session
    }

    /// The only connection once the client's QUIT has arrived (the client no longer waits for the
    /// reply to QUIT, so it may return before the server has read it); after `timeout`, as it is.
    func settledSession(timeout: Duration = .milliseconds(500)) async throws -> Session {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let last = self.sessions.first?.commands.last, last == "QUIT" {
                break
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        return try self.onlySession()
    }

    /// Stops listening.
    func stop() async throws {
        try await self.channel.close()
    }

    // MARK: - Recording

    private final class Recorder: Sendable {
        let sessions = Mutex<[Session]>([])

        func newSession(tls: Bool) -> Int {
            self.sessions.withLock { sessions in
                sessions.append(Session(tls: tls))
                return sessions.count - 1
            }
        }

        func update(_ index: Int, _ change: (inout Session) -> Void) {
            self.sessions.withLock { change(&$0[index]) }
        }
    }

    // MARK: - Protocol

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        private enum State {
            case command
            case authLoginUser
            case authLoginPassword
            case data
            case silent
        }

        private let script: Script
        private let recorder: Recorder
        private let session: Int
        private var state = State.command
        private var pending: [UInt8] = []
        private var upgraded: Bool

        init(script: Script, recorder: Recorder, session: Int) {
            self.script = script
            self.recorder = recorder
            self.session = session
            self.upgraded = script.implicitTLS != nil
        }

        func channelActive(context: ChannelHandlerContext) {
            if let greeting = self.script.greeting {
                self.reply(context, greeting)
            } else {
                self.state = .silent
            }
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = Self.unwrapInboundIn(data)
            self.pending += buffer.readBytes(length: buffer.readableBytes) ?? []
            while let newline = self.pending.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(self.pending[..<newline])
                self.pending.removeFirst(newline + 1)
                if line.last == UInt8(ascii: "\r") {
                    line.removeLast()
                } else {
                    self.recorder.update(self.session) { $0.sawBareLineFeed = true }
                }
                self.handle(context, String(decoding: line, as: UTF8.self))
            }
        }

        private func handle(_ context: ChannelHandlerContext, _ line: String) {
            switch self.state {
            case .silent:
                return
            case .data:
                if line == "." {
                    if self.script.silentAt == "." {
                        self.state = .silent
                        return
                    }
                    self.state = .command
                    self.reply(context, self.script.dataReply)
                } else {
                    self.recorder.update(self.session) { $0.dataLines.append(line) }
                }
                return
            case .authLoginUser:
                self.recorder.update(self.session) { $0.commands.append(line) }
                self.state = .authLoginPassword
                self.reply(context, "334 UGFzc3dvcmQ6")
                return
            case .authLoginPassword:
                self.recorder.update(self.session) { $0.commands.append(line) }
                self.state = .command
                self.reply(context, self.script.authReply)
                return
            case .command:
                break
            }

            self.recorder.update(self.session) { $0.commands.append(line) }
            let verb = line.split(separator: " ").first.map { $0.uppercased() } ?? ""
            if let silentAt = self.script.silentAt, verb == silentAt.uppercased() {
                self.state = .silent
                return
            }
            switch verb {
            case "EHLO":
                if let ehloReply = self.script.ehloReply {
                    self.reply(context, ehloReply)
                    return
                }
                var lines = ["fake.hikeshi.test greets \(line.dropFirst(5))"] + self.script.extensions
                if self.script.tls != nil && !self.upgraded {
                    lines.append("STARTTLS")
                }
                self.reply(context, lines.enumerated().map { "250\($0.offset == lines.count - 1 ? " " : "-")\($0.element)" })
            case "HELO":
                self.reply(context, "250 fake.hikeshi.test")
            case "STARTTLS":
                guard let tls = self.script.tls, !self.upgraded else {
                    self.reply(context, "502 5.5.1 STARTTLS not available")
                    return
                }
                self.reply(context, "220 2.0.0 Ready to start TLS")
                // Added in the same event loop tick as the reply, before the client's ClientHello can arrive.
                do {
                    try context.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls), position: .first)
                    self.upgraded = true
                    self.recorder.update(self.session) { $0.tls = true }
                } catch {
                    context.close(promise: nil)
                }
            case "AUTH":
                let words = line.split(separator: " ")
                if words.count >= 2, words[1].uppercased() == "LOGIN" {
                    self.state = .authLoginUser
                    self.reply(context, "334 VXNlcm5hbWU6")
                } else {
                    self.reply(context, self.script.authReply)
                }
            case "MAIL":
                self.reply(context, self.script.mailReply)
            case "RCPT":
                let address = line.split(separator: "<").last?.split(separator: ">").first.map(String.init) ?? ""
                self.reply(context, self.script.rcptReplies[address] ?? self.script.rcptReply)
            case "DATA":
                self.state = .data
                self.reply(context, "354 End data with <CR><LF>.<CR><LF>")
            case "RSET", "NOOP":
                self.reply(context, "250 2.0.0 Ok")
            case "QUIT":
                let closing = context.writeAndFlush(Self.wrapOutboundOut(ByteBuffer(string: "221 2.0.0 Bye\r\n")))
                let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
                closing.whenComplete { _ in loopBound.value.close(promise: nil) }
            default:
                self.reply(context, "502 5.5.2 Error: command not recognized")
            }
        }

        private func reply(_ context: ChannelHandlerContext, _ line: String) {
            self.reply(context, [line])
        }

        private func reply(_ context: ChannelHandlerContext, _ lines: [String]) {
            let text = lines.map { $0 + "\r\n" }.joined()
            context.writeAndFlush(Self.wrapOutboundOut(ByteBuffer(string: text)), promise: nil)
        }
    }
}

/// A failure in a test helper.
struct DeliveryTestError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
