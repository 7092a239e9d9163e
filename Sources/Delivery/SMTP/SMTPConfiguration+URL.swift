import HikeshiCore

extension SMTPConfiguration {
    /// Parses a configuration from an `smtp://` or `smtps://` URL (see ``SMTPConfiguration`` for the forms and
    /// query parameters).
    ///
    /// - Parameters:
    ///   - url: The URL, such as `smtp://user:pass@mail.example.com:587?starttls=required`.
    ///   - from: The From mailbox: `alerts@example.com` or `Hikeshi <alerts@example.com>`.
    /// - Throws: ``DeliveryError/Code/invalidConfiguration`` for an unknown scheme or parameter, a bad port, a
    ///   missing host or an invalid From address. The error never repeats the password.
    public init(url: String, from: String) throws {
        let schemeEnd = url.range(of: "://")
        guard let schemeEnd else {
            throw DeliveryError.invalidConfiguration("SMTP URL must start with smtp:// or smtps://")
        }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        let implicitTLS: Bool
        switch scheme {
        case "smtp": implicitTLS = false
        case "smtps": implicitTLS = true
        default: throw DeliveryError.invalidConfiguration("SMTP URL scheme must be smtp or smtps, not \(scheme)")
        }
        var rest = url[schemeEnd.upperBound...]
        if let fragment = rest.firstIndex(of: "#") {
            rest = rest[..<fragment]
        }
        var query: Substring = ""
        if let questionMark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: questionMark)...]
            rest = rest[..<questionMark]
        }
        var authority = rest
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            guard rest[slash...].allSatisfy({ $0 == "/" }) else {
                throw DeliveryError.invalidConfiguration("SMTP URL must not have a path")
            }
        }

        var username: String?
        var password: String?
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                username = try Self.percentDecoded(userInfo[..<colon], what: "user name")
                password = try Self.percentDecoded(userInfo[userInfo.index(after: colon)...], what: "password")
            } else {
                username = try Self.percentDecoded(userInfo, what: "user name")
            }
            if username?.isEmpty == true {
                username = nil
            }
        }

        let (host, port) = try Self.hostAndPort(authority)
        var security: Security = implicitTLS ? .implicitTLS : .startTLSOpportunistic
        var verifiesCertificates = true
        var trustRootsFile: String?
        var allowsPlaintextAuthentication = false
        var heloName: String?
        var connectTimeout = Duration.seconds(10)
        var replyTimeout = Duration.seconds(30)
        for (name, value) in FormEncoding.decode(String(query)) {
            switch name {
            case "starttls":
                guard !implicitTLS else {
                    throw DeliveryError.invalidConfiguration("starttls= does not apply to smtps:// (TLS from the start)")
                }
                switch value.lowercased() {
                case "required": security = .startTLSRequired
                case "opportunistic": security = .startTLSOpportunistic
                case "never": security = .none
                default: throw DeliveryError.invalidConfiguration("starttls must be required, opportunistic or never, not \(value)")
                }
            case "tls_verify":
                verifiesCertificates = try Self.boolean(value, name: name)
            case "tls_ca":
                guard !value.isEmpty else {
                    throw DeliveryError.invalidConfiguration("tls_ca needs a file path")
                }
                trustRootsFile = value
            case "auth_plaintext":
                allowsPlaintextAuthentication = try Self.boolean(value, name: name)
            case "helo":
                guard !value.isEmpty, !value.contains(where: { $0.isWhitespace || $0.isNewline }) else {
                    throw DeliveryError.invalidConfiguration("helo must be a host name")
                }
                heloName = value
            case "timeout":
                replyTimeout = try Self.seconds(value, name: name)
            case "connect_timeout":
                connectTimeout = try Self.seconds(value, name: name)
            default:
                throw DeliveryError.invalidConfiguration("unknown SMTP URL parameter \(name)")
            }
        }

        _ = try Mailbox(parsing: from)
        self.init(
            host: host,
            port: port,
            username: username,
            password: password,
            security: security,
            verifiesCertificates: verifiesCertificates,
            trustRootsFile: trustRootsFile,
            allowsPlaintextAuthentication: allowsPlaintextAuthentication,
            from: from,
            heloName: heloName,
            connectTimeout: connectTimeout,
            replyTimeout: replyTimeout
        )
    }

    private static func hostAndPort(_ authority: Substring) throws -> (String, Int?) {
        var host = authority
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw DeliveryError.invalidConfiguration("SMTP URL has an unterminated [IPv6] host")
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                portText = after.dropFirst()
            } else if !after.isEmpty {
                throw DeliveryError.invalidConfiguration("SMTP URL has junk after the [IPv6] host")
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !host.isEmpty else {
            throw DeliveryError.invalidConfiguration("SMTP URL has no host")
        }
        var port: Int?
        if let portText, !portText.isEmpty {
            guard portText.allSatisfy(\.isASCII), let number = Int(portText), (1...65535).contains(number) else {
                throw DeliveryError.invalidConfiguration("SMTP URL port must be 1-65535, not \(portText)")
            }
            port = number
        }
        return (try Self.percentDecoded(host, what: "host"), port)
    }

    private static func boolean(_ value: String, name: String) throws -> Bool {
        switch value.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw DeliveryError.invalidConfiguration("\(name) must be true or false, not \(value)")
        }
    }

    private static func seconds(_ value: String, name: String) throws -> Duration {
        guard let seconds = Double(value), seconds > 0, seconds <= 3600 else {
            throw DeliveryError.invalidConfiguration("\(name) must be a number of seconds (0-3600], not \(value)")
        }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// Percent-decodes a URL component; `+` stays a plus. Fails on a malformed escape without echoing the text,
    /// which may be a password.
    private static func percentDecoded(_ text: Substring, what: String) throws -> String {
        let input = Array(text.utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "%") {
                guard index + 2 < input.count, let high = Self.hexValue(input[index + 1]), let low = Self.hexValue(input[index + 2]) else {
                    throw DeliveryError.invalidConfiguration("SMTP URL \(what) has a malformed % escape")
                }
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(input[index])
                index += 1
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw DeliveryError.invalidConfiguration("SMTP URL \(what) is not UTF-8 once decoded")
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
