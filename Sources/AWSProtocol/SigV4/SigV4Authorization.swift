import Foundation

/// The signature parameters of a request, from its `Authorization` header or its presigned query.
struct SigV4Authorization: Sendable {
    /// The only algorithm accepted.
    static let algorithm = "AWS4-HMAC-SHA256"

    /// The access key id.
    var accessKeyID: String
    /// The scope's date, `yyyyMMdd`.
    var scopeDate: String
    /// The scope's region.
    var region: String
    /// The scope's service.
    var service: String
    /// The signed header names, lowercase, in the order given.
    var signedHeaders: [String]
    /// The signature, hex.
    var signature: String
    /// The signing instant in ISO 8601 basic form, as it enters the string to sign.
    var timestamp: String
    /// The signing instant.
    var date: Date
    /// `X-Amz-Expires` of a presigned URL; `nil` for header authentication.
    var expires: Int?

    /// Whether the signature came in the query string.
    var isPresigned: Bool { expires != nil }

    /// The longest `X-Amz-Expires` AWS accepts: seven days.
    static let maxExpires = 604_800

    /// Reads the signature parameters of `request`.
    ///
    /// - Throws: `MissingAuthenticationTokenException` when there are none, `IncompleteSignatureException`
    ///   when they are malformed.
    static func parse(_ request: SigV4Request) throws(AWSError) -> SigV4Authorization {
        let header = request.header("Authorization")
        let query = presignedParameters(request.query)
        switch (header, query) {
        case (nil, nil):
            throw SigV4Failure.missingToken
        case (.some, .some):
            throw SigV4Failure.incomplete(
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header "
                    + "should be specified"
            )
        case (let header?, nil):
            return try fromHeader(header, request: request)
        case (nil, let query?):
            return try fromQuery(query)
        }
    }

    /// The decoded query parameters when the query carries presigned authentication, else `nil`.
    private static func presignedParameters(_ query: String?) -> [String: String]? {
        guard let query, !query.isEmpty else { return nil }
        var parameters: [String: String] = [:]
        for parameter in SigV4Canonical.queryParameters(query) {
            let name = String(decoding: parameter.name, as: UTF8.self)
            guard name.hasPrefix("X-Amz-"), parameters[name] == nil else { continue }
            parameters[name] = String(decoding: parameter.value, as: UTF8.self)
        }
        let markers = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature"]
        return markers.contains { parameters[$0] != nil } ? parameters : nil
    }

    private static func fromHeader(_ header: String, request: SigV4Request) throws(AWSError) -> SigV4Authorization {
        // Byte-wise: every signed request passes here, and the separators are ASCII.
        let bytes = Array(header.utf8)
        var position = skipBlanks(bytes, from: 0)
        let algorithmStart = position
        while position < bytes.count, bytes[position] != 0x20, bytes[position] != 0x09 { position += 1 }
        guard bytes[algorithmStart..<position].elementsEqual(Self.algorithm.utf8) else {
            let algorithm = String(decoding: bytes[algorithmStart..<position], as: UTF8.self)
            throw SigV4Failure.incomplete(
                "Unsupported AWS 'algorithm': '\(algorithm)'; only \(Self.algorithm) is supported"
            )
        }
        // `Name=value` parts separated by commas; the first of a name counts, parts without `=` are ignored.
        var credential: String?
        var signedHeaders: String?
        var signature: String?
        for piece in pieces(of: bytes, from: position, separator: UInt8(ascii: ",")) {
            let part = trimmedBlanks(bytes, piece)
            if let equals = bytes[part].firstIndex(of: UInt8(ascii: "=")) {
                let name = bytes[part.lowerBound..<equals]
                let value = String(decoding: bytes[(equals + 1)..<part.upperBound], as: UTF8.self)
                if credential == nil, name.elementsEqual("Credential".utf8) {
                    credential = value
                } else if signedHeaders == nil, name.elementsEqual("SignedHeaders".utf8) {
                    signedHeaders = value
                } else if signature == nil, name.elementsEqual("Signature".utf8) {
                    signature = value
                }
            }
        }
        var missing: [String] = []
        for (name, value) in [("Credential", credential), ("Signature", signature), ("SignedHeaders", signedHeaders)]
        where (value ?? "").isEmpty {
            missing.append("Authorization header requires '\(name)' parameter.")
        }
        let amzDate = request.header("X-Amz-Date")
        let httpDate = amzDate == nil ? request.header("Date") : nil
        if amzDate == nil && httpDate == nil {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
        }
        guard missing.isEmpty, let credential, let signedHeaders, let signature else {
            throw SigV4Failure.incomplete(missing.joined(separator: " "))
        }
        let date: (timestamp: String, date: Date)
        if let amzDate {
            date = try basicDate(String(amzDate.trimmingASCIIWhitespace))
        } else if let httpDate, let parsed = SigV4Timestamp.parseHTTPDate(httpDate) {
            date = (SigV4Timestamp.formatBasic(parsed), parsed)
        } else {
            throw SigV4Failure.incomplete("Date must be in RFC 1123 format. Got '\(httpDate ?? "")'.")
        }
        return try make(credential: credential, signedHeaders: signedHeaders, signature: signature, date: date, expires: nil)
    }

    /// The first index at or after `start` that is not a space or a tab.
    private static func skipBlanks(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index
    }

    /// The ranges of `bytes` from `start` between `separator`s, empty ones included (the standard library's `split`
    /// over slices cost a third more of this parse).
    private static func pieces(of bytes: [UInt8], from start: Int = 0, separator: UInt8) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var pieceStart = start
        for index in start..<bytes.count where bytes[index] == separator {
            ranges.append(pieceStart..<index)
            pieceStart = index + 1
        }
        ranges.append(pieceStart..<bytes.count)
        return ranges
    }

    /// `range` without leading and trailing spaces and tabs.
    private static func trimmedBlanks(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return lower..<upper
    }

    private static func fromQuery(_ parameters: [String: String]) throws(AWSError) -> SigV4Authorization {
        let required = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Expires"]
        let missing = required.filter { (parameters[$0] ?? "").isEmpty }
        guard missing.isEmpty, let algorithm = parameters["X-Amz-Algorithm"], let credential = parameters["X-Amz-Credential"],
            let signature = parameters["X-Amz-Signature"], let amzDate = parameters["X-Amz-Date"],
            let signedHeaders = parameters["X-Amz-SignedHeaders"], let expiresText = parameters["X-Amz-Expires"]
        else {
            throw SigV4Failure.incomplete(
                missing.map { "AWS query-string parameters must include '\($0)'." }.joined(separator: " ")
            )
        }
        guard algorithm == Self.algorithm else {
            throw SigV4Failure.incomplete(
                "X-Amz-Algorithm only supports \"\(Self.algorithm)\"; got '\(algorithm)'"
            )
        }
        guard let expires = Int(expiresText), expires >= 1, expires <= maxExpires else {
            throw SigV4Failure.incomplete(
                "X-Amz-Expires must be a whole number of seconds from 1 to \(maxExpires); got '\(expiresText)'"
            )
        }
        let date = try basicDate(amzDate)
        return try make(credential: credential, signedHeaders: signedHeaders, signature: signature, date: date, expires: expires)
    }

    private static func basicDate(_ text: String) throws(AWSError) -> (timestamp: String, date: Date) {
        guard let date = SigV4Timestamp.parseBasic(text) else {
            throw SigV4Failure.incomplete(
                "Date must be in ISO-8601 'basic format'. Got '\(text)'. See http://en.wikipedia.org/wiki/ISO_8601"
            )
        }
        return (text, date)
    }

    private static func make(
        credential: String,
        signedHeaders: String,
        signature: String,
        date: (timestamp: String, date: Date),
        expires: Int?
    ) throws(AWSError) -> SigV4Authorization {
        // Byte-wise splits: the separators are ASCII, and a Character split pays for grapheme breaking.
        let credentialBytes = Array(credential.utf8)
        let scope = pieces(of: credentialBytes, separator: UInt8(ascii: "/")).map {
            String(decoding: credentialBytes[$0], as: UTF8.self)
        }
        guard scope.count == 5 else {
            throw SigV4Failure.incomplete(
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '\(credential)'"
            )
        }
        guard !scope[0].isEmpty else {
            throw SigV4Failure.incomplete("Credential should include an access key id.")
        }
        guard scope[1].utf8.count == 8, scope[1].utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw SigV4Failure.incomplete("Credential should be scoped to a valid date, not '\(scope[1])'.")
        }
        // A region as AWS spells them (us-east-1, ap-northeast-1, us-gov-west-1, cn-north-1): lowercase ASCII letters,
        // digits and hyphens, at most 32, starting with a letter. Anything else never reaches ARNs or logs.
        guard Self.isRegion(scope[2]) else {
            throw SigV4Failure.incomplete("Credential should be scoped to a valid region.")
        }
        guard !scope[3].isEmpty else {
            throw SigV4Failure.incomplete("Credential should be scoped to a valid service.")
        }
        guard scope[4] == "aws4_request" else {
            throw SigV4Failure.incomplete("Credential should be scoped with a valid terminator: 'aws4_request', not '\(scope[4])'.")
        }
        // Names are lowercased as ASCII: header names are tokens, and a name with other bytes matches no field.
        // Empty pieces (`;;`) are skipped; a piece of blanks stays, as an empty name.
        let headerBytes = Array(signedHeaders.utf8)
        let headers = pieces(of: headerBytes, separator: UInt8(ascii: ";")).filter { !$0.isEmpty }.map { piece in
            String(decoding: headerBytes[trimmedBlanks(headerBytes, piece)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        guard headers.contains("host") else {
            throw SigV4Failure.incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")
        }
        return SigV4Authorization(
            accessKeyID: scope[0],
            scopeDate: scope[1],
            region: scope[2],
            service: scope[3],
            signedHeaders: headers,
            signature: String(signature.trimmingASCIIWhitespace),
            timestamp: date.timestamp,
            date: date.date,
            expires: expires
        )
    }

    /// Whether `text` is a well-formed region name: 1 to 32 lowercase ASCII letters, digits and hyphens, a letter first.
    static func isRegion(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...32).contains(bytes.count), let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }
}
