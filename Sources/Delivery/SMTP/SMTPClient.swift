import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Sends email over SMTP, one connection per message: connect, greeting, EHLO (HELO when EHLO is unknown),
/// STARTTLS when configured and offered (then EHLO again), AUTH PLAIN or LOGIN when credentials are configured,
/// MAIL FROM, RCPT TO for each recipient, DATA, the dot-stuffed content, QUIT.
///
/// Every step has a timeout (``SMTPConfiguration/connectTimeout`` to connect, ``SMTPConfiguration/replyTimeout``
/// for each reply). Failures are ``DeliveryError``s: SMTP 5xx replies are permanent, 4xx transient, timeouts and
/// lost connections transient. A message either goes to every recipient or to none: any rejected recipient fails
/// the send before DATA.
///
/// Credentials are sent only over TLS unless ``SMTPConfiguration/allowsPlaintextAuthentication`` is set. Neither
/// credentials nor message content are ever logged.
public struct SMTPClient: Sendable {
    /// The server and sender this client uses.
    public let configuration: SMTPConfiguration
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger
    private let sslContext: NIOSSLContext?

    /// Makes a client.
    ///
    /// - Parameters:
    ///   - configuration: The server, security, credentials and sender.
    ///   - eventLoopGroup: Where connections run; the shared NIO group by default.
    ///   - logger: Where delivery is logged (`smtp.host`, `smtp.port`, `delivery.message_id`, `smtp.reply_code`).
    /// - Throws: ``DeliveryError/Code/invalidConfiguration`` when the TLS settings cannot be used (an unreadable
    ///   `tls_ca` file).
    public init(
        configuration: SMTPConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger
    ) throws {
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        if configuration.security == .none {
            self.sslContext = nil
        } else {
            var tls = TLSConfiguration.makeClientConfiguration()
            if !configuration.verifiesCertificates {
                tls.certificateVerification = .none
            }
            if let file = configuration.trustRootsFile {
                tls.trustRoots = .file(file)
            }
            do {
                self.sslContext = try NIOSSLContext(configuration: tls)
            } catch {
                throw DeliveryError.invalidConfiguration("SMTP TLS settings cannot be used: \(error)")
            }
        }
    }

    /// Sends a message.
    ///
    /// - Parameter message: The message; its From address is the envelope sender and each To address an envelope
    ///   recipient.
    /// - Returns: The server's reply to the end of DATA and the Message-ID sent.
    /// - Throws: ``DeliveryError``; check ``DeliveryError/isPermanent`` before retrying.
    public func send(_ message: EmailMessage) async throws -> SMTPReceipt {
        let envelope = try message.envelope()
        let content = try message.rendered()
        return try await self.deliver(
            content: content,
            sender: envelope.sender,
            recipients: envelope.recipients,
            messageID: message.messageID
        )
    }

    /// Sends a plain-text message from the configured From address.
    ///
    /// - Parameters:
    ///   - to: The recipients.
    ///   - subject: The subject.
    ///   - body: The plain-text body.
    ///   - headers: Extra header fields, such as `X-Hikeshi-Engagement`.
    /// - Returns: The server's reply to the end of DATA and the Message-ID sent.
    /// - Throws: ``DeliveryError``; check ``DeliveryError/isPermanent`` before retrying.
    public func send(to: [String], subject: String, body: String, headers: [EmailMessage.Header] = []) async throws -> SMTPReceipt {
        try await self.send(EmailMessage(from: self.configuration.from, to: to, subject: subject, body: body, headers: headers))
    }

    /// Sends content that is already an RFC 5322 message (header fields, blank line, body). It is dot-stuffed and
    /// its line breaks made CRLF, but otherwise sent as it is.
    ///
    /// - Parameters:
    ///   - rawMessage: The message text.
    ///   - from: The envelope sender address.
    ///   - to: The envelope recipient addresses.
    /// - Returns: The server's reply to the end of DATA (``SMTPReceipt/messageID`` is nil).
    /// - Throws: ``DeliveryError``; check ``DeliveryError/isPermanent`` before retrying.
    public func send(rawMessage: String, from: String, to: [String]) async throws -> SMTPReceipt {
        let sender = try Mailbox(parsing: from).address
        let recipients = try to.map { try Mailbox(parsing: $0).address }
        guard !recipients.isEmpty else {
            throw DeliveryError.invalidMessage("an email needs at least one recipient")
        }
        return try await self.deliver(content: rawMessage, sender: sender, recipients: recipients, messageID: nil)
    }

    // MARK: - Conversation

    private func deliver(content: String, sender: String, recipients: [String], messageID: String?) async throws -> SMTPReceipt {
        var logger = self.logger
        logger[metadataKey: "smtp.host"] = "\(self.configuration.host)"
        logger[metadataKey: "smtp.port"] = "\(self.configuration.port)"
        logger[metadataKey: "smtp.recipient_count"] = "\(recipients.count)"
        if let messageID {
            logger[metadataKey: "delivery.message_id"] = "\(messageID)"
        }
        let started = ContinuousClock.now
        do {
            let receipt = try await self.converse(
                content: SMTPDotStuffing.encode(content),
                sender: sender,
                recipients: recipients,
                messageID: messageID,
                logger: logger
            )
            logger.info(
                "email accepted by SMTP server",
                metadata: [
                    "smtp.reply_code": "\(receipt.replyCode)",
                    "smtp.queue_id": "\(receipt.queueID ?? "")",
                    "delivery.duration_ms": "\((ContinuousClock.now - started).milliseconds)",
                ]
            )
            return receipt
        } catch {
            let failure = Self.deliveryError(error)
            logger.warning(
                "email delivery failed",
                metadata: [
                    "delivery.error": "\(failure)",
                    "delivery.permanent": "\(failure.isPermanent)",
                    "delivery.duration_ms": "\((ContinuousClock.now - started).milliseconds)",
                ]
            )
            if error is CancellationError {
                throw error
            }
            throw failure
        }
    }

    private func converse(
        content: [UInt8],
        sender: String,
        recipients: [String],
        messageID: String?,
        logger: Logger
    ) async throws -> SMTPReceipt {
        let configuration = self.configuration
        let sslContext = self.sslContext
        let serverHostname = Self.serverHostname(for: configuration.host)
        let implicitTLS = configuration.security == .implicitTLS
        let replyTimeout = TimeAmount(configuration.replyTimeout)
        let firstError = SMTPFirstError()
        let channel = try await ClientBootstrap(group: self.eventLoopGroup)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if implicitTLS, let sslContext {
                        try pipeline.addHandler(NIOSSLClientHandler(context: sslContext, serverHostname: serverHostname))
                    }
                    try pipeline.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    try pipeline.addHandler(SMTPReplyTimeoutHandler(timeout: replyTimeout, firstError: firstError))
                    return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        logger.debug("connected to SMTP server", metadata: ["smtp.tls": "\(implicitTLS ? "implicit" : "none")"])

        do {
            return try await self.conversation(
                over: channel,
                content: content,
                sender: sender,
                recipients: recipients,
                messageID: messageID,
                serverHostname: serverHostname,
                logger: logger
            )
        } catch {
            // A failure seen only as its aftermath (a write on the closed channel, the replies ending) is reported
            // as what the pipeline saw first: the TLS handshake error, the reply timeout.
            if let first = firstError.error, Self.isAftermath(error) {
                throw first
            }
            throw error
        }
    }

    private func conversation(
        over channel: NIOAsyncChannel<SMTPReply, ByteBuffer>,
        content: [UInt8],
        sender: String,
        recipients: [String],
        messageID: String?,
        serverHostname: String?,
        logger: Logger
    ) async throws -> SMTPReceipt {
        let configuration = self.configuration
        let sslContext = self.sslContext
        let implicitTLS = configuration.security == .implicitTLS
        return try await channel.executeThenClose { inbound, outbound in
            var session = SMTPSession(inbound: inbound, outbound: outbound, logger: logger)
            try session.expect(try await session.readReply(), [220], "greeting")
            var capabilities = try await session.hello(configuration.heloName)
            var encrypted = implicitTLS

            if !implicitTLS, configuration.security != .none, let sslContext {
                if capabilities.startTLS {
                    try session.expect(try await session.command("STARTTLS"), [220], "STARTTLS")
                    let underlying = channel.channel
                    try await underlying.eventLoop.submit {
                        let handler = try NIOSSLClientHandler(context: sslContext, serverHostname: serverHostname)
                        try underlying.pipeline.syncOperations.addHandler(handler, position: .first)
                    }.get()
                    encrypted = true
                    logger.debug("SMTP connection upgraded with STARTTLS")
                    capabilities = try await session.hello(configuration.heloName)
                } else if configuration.security == .startTLSRequired {
                    throw DeliveryError.tlsUnavailable("STARTTLS is required but the SMTP server does not offer it")
                } else {
                    logger.debug("SMTP server offers no STARTTLS; continuing without TLS")
                }
            }

            if let username = configuration.username {
                guard encrypted || configuration.allowsPlaintextAuthentication else {
                    throw DeliveryError.authenticationUnavailable(
                        "SMTP credentials are only sent over TLS; the connection is not encrypted "
                            + "(use starttls=required or smtps://, or auth_plaintext=true for a loopback test server)"
                    )
                }
                let mechanism = try await session.authenticate(
                    username: username,
                    password: configuration.password ?? "",
                    capabilities: capabilities
                )
                logger.debug("SMTP authenticated", metadata: ["smtp.auth_mechanism": "\(mechanism)"])
            }

            try session.expect(try await session.command("MAIL FROM:<\(sender)>"), [250], "MAIL FROM")
            for recipient in recipients {
                try session.expect(try await session.command("RCPT TO:<\(recipient)>"), [250, 251], "RCPT TO")
            }
            try session.expect(try await session.command("DATA"), [354], "DATA")
            let accepted = try await session.content(content)
            try session.expect(accepted, [250], "message content")
            let receipt = SMTPReceipt(messageID: messageID, replyCode: accepted.code, reply: accepted.text, recipients: recipients)

            // The message is accepted: say QUIT without waiting for the goodbye, so that the caller records the
            // delivery as soon as possible (a crash in between would send the page again). A failed QUIT changes nothing.
            do {
                try await session.commandWithoutReply("QUIT")
            } catch {
                logger.debug("SMTP QUIT failed after the message was accepted", metadata: ["delivery.error": "\(error)"])
            }
            return receipt
        }
    }

    /// The SNI and verification host name: the configured host unless it is an IP address (SNI forbids those; the
    /// certificate is then checked against the address).
    private static func serverHostname(for host: String) -> String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }

    /// Whether an error is only the consequence of the connection having been closed.
    private static func isAftermath(_ error: any Error) -> Bool {
        if let error = error as? DeliveryError {
            return error.errorCode == .connectionFailed
        }
        if let error = error as? ChannelError {
            return error == .ioOnClosedChannel || error == .alreadyClosed || error == .eof || error == .outputClosed
        }
        return error is NIOAsyncWriterError
    }

    /// Maps any error from a delivery attempt to a ``DeliveryError``.
    static func deliveryError(_ error: any Error) -> DeliveryError {
        switch error {
        case let error as DeliveryError:
            return error
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            return .tlsFailed("TLS with the SMTP server failed: \(error)")
        case let error as ChannelError:
            if case .connectTimeout = error {
                return .timeout("connecting to the SMTP server timed out")
            }
            return .connectionFailed("SMTP connection failed: \(error)")
        case is NIOConnectionError:
            return .connectionFailed("cannot connect to the SMTP server: \(error)")
        case is CancellationError:
            return .connectionFailed("cancelled")
        default:
            return .connectionFailed("SMTP connection failed: \(error)")
        }
    }
}
