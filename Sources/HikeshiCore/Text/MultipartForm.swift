import Foundation

/// A `multipart/form-data` body (RFC 7578) read into its text fields and its files, with limits: how many files, how
/// large each, how many parts. File names are reduced to a safe last path component; nothing in a part's headers is
/// trusted beyond its field name, file name and content type.
public struct MultipartForm: Sendable {
    /// One uploaded file.
    public struct File: Sendable, Equatable {
        /// The form field it came in.
        public let field: String
        /// The file's name as sent, reduced by ``MultipartForm/safeFileName(_:)``.
        public let fileName: String
        /// The part's content type (`application/octet-stream` when none was sent).
        public let contentType: String
        /// The bytes.
        public let data: Data

        /// A file of the given parts.
        public init(field: String, fileName: String, contentType: String, data: Data) {
            self.field = field
            self.fileName = fileName
            self.contentType = contentType
            self.data = data
        }
    }

    /// Why a body was refused.
    public enum Failure: Error, Sendable, Equatable {
        /// No boundary, no closing delimiter, or a part without headers or a name.
        case malformed
        /// More parts than allowed.
        case tooManyParts
    }

    /// A file left out, and why (the rest of the form is still read, so the page can say so).
    public enum Refusal: Sendable, Equatable {
        /// More files than allowed: this one (its safe name) came after the last allowed.
        case tooManyFiles(String)
        /// A file larger than allowed (its safe name).
        case tooLarge(String)
    }

    /// The limits of one body.
    public struct Limits: Sendable {
        /// Files with content (empty file inputs are ignored).
        public var maximumFiles = 3
        /// Bytes per file.
        public var maximumFileBytes = 5 * 1024 * 1024
        /// Parts in all.
        public var maximumParts = 200

        /// The defaults: 3 files of 5 MB, 200 parts.
        public init() {}
    }

    /// The text fields, as a form.
    public let fields: FormData
    /// The files with content, within the limits.
    public let files: [File]
    /// The files left out.
    public let refused: [Refusal]

    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` value, or nil when it is not multipart.
    public static func boundary(contentType: String?) -> String? {
        guard let contentType else { return nil }
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 70 ? nil : value
            }
        }
        return nil
    }

    /// Parses `body` with `boundary`.
    public init(body: Data, boundary: String, limits: Limits = Limits()) throws(Failure) {
        let delimiter = Data("--\(boundary)".utf8)
        let bytes = body
        guard var position = bytes.range(of: delimiter)?.upperBound else { throw .malformed }
        var fieldPairs: [(String, String)] = []
        var files: [File] = []
        var refused: [Refusal] = []
        var parts = 0
        let crlf = Data("\r\n".utf8)
        let separator = Data("\r\n\r\n".utf8)
        let next = Data("\r\n--\(boundary)".utf8)
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if bytes[position...].starts(with: Data("--".utf8)) { break }
            guard bytes[position...].starts(with: crlf) else { throw .malformed }
            position += 2
            parts += 1
            guard parts <= limits.maximumParts else { throw .tooManyParts }
            guard let headerEnd = bytes.range(of: separator, in: position..<bytes.endIndex) else { throw .malformed }
            let headers = String(decoding: bytes[position..<headerEnd.lowerBound], as: UTF8.self)
            guard let end = bytes.range(of: next, in: headerEnd.upperBound..<bytes.endIndex) else { throw .malformed }
            let content = bytes[headerEnd.upperBound..<end.lowerBound]
            position = end.upperBound
            let (name, fileName, type) = Self.describe(headers)
            guard let name else { throw .malformed }
            if let fileName {
                if content.isEmpty && fileName.isEmpty { continue }
                let safe = Self.safeFileName(fileName)
                if content.count > limits.maximumFileBytes {
                    refused.append(.tooLarge(safe))
                } else if files.count >= limits.maximumFiles {
                    refused.append(.tooManyFiles(safe))
                } else {
                    files.append(File(field: name, fileName: safe, contentType: type ?? "application/octet-stream", data: Data(content)))
                }
            } else {
                fieldPairs.append((name, String(decoding: content, as: UTF8.self)))
            }
        }
        self.fields = FormData(pairs: fieldPairs)
        self.files = files
        self.refused = refused
    }

    /// The name, file name and content type of a part's headers.
    public static func describe(_ headers: String) -> (name: String?, fileName: String?, type: String?) {
        var name: String?
        var fileName: String?
        var type: String?
        for line in headers.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            switch pair[0].lowercased() {
            case "content-disposition":
                for parameter in Self.parameters(pair[1]) {
                    if parameter.0 == "name" { name = parameter.1 }
                    if parameter.0 == "filename" { fileName = parameter.1 }
                }
            case "content-type":
                type = pair[1]
            default:
                continue
            }
        }
        return (name, fileName, type)
    }

    /// The `key="value"` parameters of a `Content-Disposition` value (quoted values may hold `;`; `\"` is a quote).
    public static func parameters(_ value: String) -> [(String, String)] {
        var out: [(String, String)] = []
        var rest = Substring(value)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...]
            var text = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if escaped {
                        text.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        break
                    } else {
                        text.append(character)
                    }
                }
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                text = String(rest[..<end]).trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            out.append((key, text))
        }
        return out
    }

    /// A file name safe to store and show: the last path component (either slash), without control characters,
    /// quotes or angle brackets, at most 200 characters; "attachment" when nothing is left.
    public static func safeFileName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = last.unicodeScalars.filter { scalar in
            !CharacterSet.controlCharacters.contains(scalar) && !"\"<>:*?|".unicodeScalars.contains(scalar)
        }
        var cleaned = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        cleaned = String(cleaned.prefix(200))
        return cleaned.isEmpty ? "attachment" : cleaned
    }
}
