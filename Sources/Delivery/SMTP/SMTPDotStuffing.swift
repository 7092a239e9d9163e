/// SMTP transparency (RFC 5321 section 4.5.2): how message content is sent after DATA.
enum SMTPDotStuffing {
    /// The content as sent after DATA: every line break made CRLF (a bare CR or LF never reaches the server, which
    /// closes the door on SMTP smuggling), a `.` doubled at the start of every line, a final CRLF added when
    /// missing, then the `.` CRLF terminator.
    static func encode(_ message: String) -> [UInt8] {
        var bytes: [UInt8] = []
        let normalized = MIMEEncoding.crlfNormalized(message)
        bytes.reserveCapacity(normalized.count + 64)
        var atLineStart = true
        for byte in normalized {
            if atLineStart && byte == UInt8(ascii: ".") {
                bytes.append(UInt8(ascii: "."))
            }
            bytes.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !atLineStart {
            bytes.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
        }
        bytes.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "\r"), UInt8(ascii: "\n")])
        return bytes
    }
}
