import NIOCore

/// Fails the connection with ``DeliveryError/Code/timeout`` when a reply is awaited for too long: from when the
/// channel becomes active (the greeting) and from every write (a command) until the next reply arrives. Records
/// the first error that passes through it (its own timeouts included) in an ``SMTPFirstError``.
final class SMTPReplyTimeoutHandler: ChannelDuplexHandler {
    typealias InboundIn = SMTPReply
    typealias InboundOut = SMTPReply
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let timeout: TimeAmount
    private let firstError: SMTPFirstError
    private var pending: Scheduled<Void>?

    /// Makes a handler that allows `timeout` for each reply and records the first error in `firstError`.
    init(timeout: TimeAmount, firstError: SMTPFirstError) {
        self.timeout = timeout
        self.firstError = firstError
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive {
            self.arm(context: context)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.disarm()
    }

    func channelActive(context: ChannelHandlerContext) {
        self.arm(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.disarm()
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.firstError.record(error)
        context.fireErrorCaught(error)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        self.arm(context: context)
        context.write(data, promise: promise)
    }

    private func arm(context: ChannelHandlerContext) {
        self.pending?.cancel()
        let timeout = self.timeout
        self.pending = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            self.pending = nil
            let seconds = Double(timeout.nanoseconds) / 1_000_000_000
            let error = DeliveryError.timeout("no reply from the SMTP server within \(seconds) s")
            self.firstError.record(error)
            context.fireErrorCaught(error)
            context.close(promise: nil)
        }
    }

    private func disarm() {
        self.pending?.cancel()
        self.pending = nil
    }
}

@available(*, unavailable)
extension SMTPReplyTimeoutHandler: Sendable {}
