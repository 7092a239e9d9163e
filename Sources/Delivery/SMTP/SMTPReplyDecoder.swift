import NIOCore

/// Decodes SMTP replies from the server's bytes: lines ending with CRLF (a lone LF is tolerated), continued while
/// the fourth character is `-` (`250-PIPELINING`), ended by a line whose fourth character is a space or missing.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    /// The longest line accepted (RFC 5321 allows 512; servers are sometimes generous).
    static let maximumLineLength = 4096
    /// The most lines accepted in one reply.
    static let maximumLineCount = 256

    private var lines: [String] = []

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maximumLineLength {
                throw DeliveryError.protocolViolation("SMTP reply line longer than \(Self.maximumLineLength) bytes")
            }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        guard length <= Self.maximumLineLength, var line = buffer.readBytes(length: length) else {
            throw DeliveryError.protocolViolation("SMTP reply line longer than \(Self.maximumLineLength) bytes")
        }
        buffer.moveReaderIndex(forwardBy: 1)
        if line.last == UInt8(ascii: "\r") {
            line.removeLast()
        }
        guard line.count >= 3, line.prefix(3).allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            line.count == 3 || line[3] == UInt8(ascii: " ") || line[3] == UInt8(ascii: "-")
        else {
            throw DeliveryError.protocolViolation("malformed SMTP reply line")
        }
        let code = line.prefix(3).reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        self.lines.append(String(decoding: line.dropFirst(4), as: UTF8.self))
        guard self.lines.count <= Self.maximumLineCount else {
            throw DeliveryError.protocolViolation("SMTP reply longer than \(Self.maximumLineCount) lines")
        }
        if line.count > 3 && line[3] == UInt8(ascii: "-") {
            return .continue
        }
        context.fireChannelRead(Self.wrapInboundOut(SMTPReply(code: code, lines: self.lines)))
        self.lines = []
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try self.decode(context: context, buffer: &buffer) == .continue, buffer.readableBytes > 0 {}
        return .needMoreData
    }
}
