import Foundation

/// Why a message cannot be read.
public enum MailParseError: Error, Sendable, Equatable {
    /// Larger than the gate reads.
    case tooLarge(limit: Int)
    /// No header at all: not a message.
    case noHeaders
}

extension MailMessage {
    /// The largest message read: 25 MiB, what the common mail services accept.
    public static let maximumSize = 25 * 1024 * 1024
    /// How deep multiparts may nest, and how many parts a message may have; deeper or further parts are skipped.
    static let maximumDepth = 8
    static let maximumParts = 200

    /// Reads a message (CRLF or LF line ends). Malformed parts are read as well as they can be, never refused: a
    /// broken base64 run or an unknown charset gives what it can.
    public init(parsing bytes: [UInt8]) throws(MailParseError) {
        guard bytes.count <= Self.maximumSize else { throw .tooLarge(limit: Self.maximumSize) }
        let (head, body) = Self.split(bytes[...])
        let headers = Self.headers(head)
        guard !headers.isEmpty else { throw .noHeaders }
        var reader = PartReader()
        reader.read(headers: headers, body: body, depth: 0)
        self.headers = headers
        self.text = reader.plain ?? reader.html.map(Self.text(ofHTML:)) ?? ""
        self.attachments = reader.attachments
    }

    /// The header block and the body: split at the first empty line.
    static func split(_ bytes: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var index = bytes.startIndex
        var lineStart = index
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                let line = bytes[lineStart..<index]
                if line.isEmpty || line == [UInt8(ascii: "\r")] {
                    return (bytes[bytes.startIndex..<lineStart], bytes[(index + 1)...])
                }
                lineStart = index + 1
            }
            index += 1
        }
        return (bytes, [])
    }

    /// The header fields of a header block, unfolded, encoded words decoded; lines without a colon are skipped.
    static func headers(_ block: ArraySlice<UInt8>) -> [Header] {
        var fields: [String] = []
        for rawLine in block.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var line = String(decoding: rawLine, as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
                fields[fields.count - 1] += line
            } else if !line.isEmpty {
                fields.append(line)
            }
        }
        return fields.compactMap { field in
            guard let colon = field.firstIndex(of: ":") else { return nil }
            let name = field[..<colon].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains(" ") else { return nil }
            let value = field[field.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return Header(name: name, value: MailEncodedWords.decode(value))
        }
    }

    /// The text of an HTML body: tags dropped, line-breaking tags as line breaks, entities decoded.
    static func text(ofHTML html: String) -> String {
        var text = ""
        var inTag = false
        var tag = ""
        var skipping = false  // inside <style> or <script>
        for character in html {
            if inTag {
                if character == ">" {
                    inTag = false
                    let name = tag.lowercased().split(whereSeparator: { $0 == " " || $0 == "/" && !tag.hasPrefix("/") }).first.map(String.init) ?? ""
                    if ["br", "p", "/p", "div", "/div", "li", "tr", "/tr"].contains(name) { text += "\n" }
                    if ["style", "script"].contains(name) { skipping = true }
                    if ["/style", "/script"].contains(name) { skipping = false }
                } else {
                    tag.append(character)
                }
            } else if character == "<" {
                inTag = true
                tag = ""
            } else if !skipping {
                text.append(character)
            }
        }
        let entities = ["&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&nbsp;": " ", "&amp;": "&"]
        for (entity, character) in entities {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Walks a message's MIME tree, keeping the first plain and HTML texts and every attachment.
struct PartReader {
    var plain: String?
    var html: String?
    var attachments: [MailMessage.Attachment] = []
    var parts = 0

    mutating func read(headers: [MailMessage.Header], body: ArraySlice<UInt8>, depth: Int) {
        parts += 1
        guard parts <= MailMessage.maximumParts else { return }
        let contentType = MIMEParameters(MailMessage.value(of: "Content-Type", in: headers) ?? "text/plain")
        let disposition = MIMEParameters(MailMessage.value(of: "Content-Disposition", in: headers) ?? "")
        let transfer = MailMessage.value(of: "Content-Transfer-Encoding", in: headers)?.lowercased() ?? "7bit"
        if contentType.value.hasPrefix("multipart/") {
            // Deeper than any mailer nests: skipped, not read as text.
            guard let boundary = contentType["boundary"], !boundary.isEmpty, depth < MailMessage.maximumDepth else { return }
            for part in Self.parts(of: body, boundary: boundary) {
                let (head, partBody) = MailMessage.split(part)
                read(headers: MailMessage.headers(head), body: partBody, depth: depth + 1)
            }
            return
        }
        let data = Self.decode(body, transfer: transfer.trimmingCharacters(in: .whitespaces))
        let fileName = disposition["filename"] ?? contentType["name"]
        let isText = contentType.value == "text/plain" || contentType.value == "text/html"
        if disposition.value == "attachment" || !isText && !contentType.value.hasPrefix("multipart/")
            || fileName != nil && disposition.value != "inline"
        {
            attachments.append(MailMessage.Attachment(fileName: fileName ?? "attachment", contentType: contentType.value, data: data))
            return
        }
        let text = MailCharset.decode(data, charset: contentType["charset"])
        if contentType.value == "text/html" {
            if html == nil { html = text }
        } else if plain == nil {
            plain = text.replacingOccurrences(of: "\r\n", with: "\n")
        }
    }

    /// The parts between `--boundary` lines, up to `--boundary--`.
    static func parts(of body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        var index = body.startIndex
        while index <= body.endIndex {
            if index == body.endIndex || body[index] == UInt8(ascii: "\n") {
                var line = body[lineStart..<index]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                if line.starts(with: delimiter) {
                    let rest = line.dropFirst(delimiter.count)
                    if let start = partStart {
                        // The line break before the delimiter belongs to it.
                        var end = lineStart
                        if end > start, body[end - 1] == UInt8(ascii: "\n") { end -= 1 }
                        if end > start, body[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                        parts.append(body[start..<max(start, end)])
                    }
                    if rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { return parts }
                    partStart = min(index + 1, body.endIndex)
                }
                lineStart = index + 1
            }
            index += 1
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start...]) }
        return parts
    }

    /// A body decoded from its transfer encoding.
    static func decode(_ body: ArraySlice<UInt8>, transfer: String) -> [UInt8] {
        switch transfer {
        case "base64": return MailEncodedWords.base64(body)
        case "quoted-printable": return MailEncodedWords.quotedPrintable(body, underscoreIsSpace: false)
        default: return Array(body)
        }
    }
}

/// A MIME header value with parameters: `text/plain; charset="iso-2022-jp"`, `attachment; filename*=UTF-8''%E2%82%AC.txt`.
struct MIMEParameters {
    /// The value before the parameters, lower-cased.
    var value: String
    private var parameters: [String: String] = [:]

    init(_ header: String) {
        value = header.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
        for (key, raw) in MultipartForm.parameters(header) {
            var name = key
            var text = raw
            if name.hasSuffix("*") {
                // RFC 2231: charset'language'percent-encoded.
                name.removeLast()
                let parts = raw.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if parts.count == 3 {
                    text = MailCharset.decode(Self.percentDecoded(String(parts[2])), charset: String(parts[0]))
                }
            } else {
                text = MailEncodedWords.decode(raw)
            }
            if parameters[name] == nil { parameters[name] = text }
        }
    }

    subscript(name: String) -> String? { parameters[name] }

    static func percentDecoded(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var utf8 = text.utf8[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }
}
