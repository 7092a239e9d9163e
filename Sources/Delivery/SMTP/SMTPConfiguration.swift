#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where and how to send email: an SMTP server, its security and credentials, the From address and timeouts.
///
/// Usually parsed from a URL (see ``init(url:from:)``) given in `HIKESHI_SMTP_URL`:
///
/// - `smtp://user:pass@host:port`: plain SMTP (default port 25), upgraded with STARTTLS when the server offers
///   it. User and password are optional and percent-decoded (write `@` as `%40`, `:` as `%3A`).
/// - `smtps://user:pass@host:port`: TLS from the first byte ("implicit TLS", default port 465).
///
/// Query parameters:
///
/// - `starttls=required|opportunistic|never` (`smtp://` only; default `opportunistic`): whether to upgrade with
///   STARTTLS. `required` fails with ``DeliveryError/Code/tlsUnavailable`` when the server does not offer it.
/// - `tls_verify=false`: accept any certificate (test servers with self-signed certificates). Default `true`.
/// - `tls_ca=/path/ca.pem`: trust the certificates in this PEM file instead of the system's roots.
/// - `auth_plaintext=true`: allow AUTH over an unencrypted connection. Without it credentials are only ever sent
///   over TLS and a send that would need them on a plain connection fails with
///   ``DeliveryError/Code/authenticationUnavailable``. Meant for loopback test servers.
/// - `helo=name`: the name given in EHLO/HELO (default: this machine's host name).
/// - `timeout=seconds`: how long to wait for each reply (default 30).
/// - `connect_timeout=seconds`: how long to wait for the TCP (and DNS) connect (default 10).
public struct SMTPConfiguration: Sendable, CustomStringConvertible, CustomReflectable {
    /// How the connection is protected.
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// TLS from the first byte (`smtps://`).
        case implicitTLS = "implicit"
        /// Upgrade with STARTTLS; fail when the server does not offer it.
        case startTLSRequired = "required"
        /// Upgrade with STARTTLS when the server offers it, otherwise stay in plain text.
        case startTLSOpportunistic = "opportunistic"
        /// Never use TLS.
        case none = "never"
    }

    /// The server's host name or IP address.
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// The user name for SMTP AUTH; nil to send without authenticating.
    public var username: String?
    /// The password for SMTP AUTH.
    public var password: String?
    /// How the connection is protected.
    public var security: Security
    /// Whether the server's certificate is verified (chain and host name).
    public var verifiesCertificates: Bool
    /// A PEM file of CA certificates to trust instead of the system's roots; nil for the system's roots.
    public var trustRootsFile: String?
    /// Whether credentials may be sent over a connection without TLS.
    public var allowsPlaintextAuthentication: Bool
    /// The From mailbox: `alerts@example.com` or `Hikeshi <alerts@example.com>`.
    public var from: String
    /// The name this client gives in EHLO/HELO.
    public var heloName: String
    /// How long connecting may take.
    public var connectTimeout: Duration
    /// How long to wait for each reply from the server.
    public var replyTimeout: Duration

    /// Makes a configuration from its parts.
    ///
    /// - Parameters:
    ///   - host: The server's host name or IP address.
    ///   - port: The server's port; nil for 465 with implicit TLS, 25 otherwise.
    ///   - username: The AUTH user name, or nil.
    ///   - password: The AUTH password, or nil.
    ///   - security: How the connection is protected.
    ///   - verifiesCertificates: Whether the server's certificate is verified.
    ///   - trustRootsFile: A PEM file of CA certificates to trust instead of the system's roots.
    ///   - allowsPlaintextAuthentication: Whether credentials may be sent without TLS.
    ///   - from: The From mailbox.
    ///   - heloName: The EHLO/HELO name; nil for this machine's host name.
    ///   - connectTimeout: How long connecting may take.
    ///   - replyTimeout: How long to wait for each reply.
    public init(
        host: String,
        port: Int? = nil,
        username: String? = nil,
        password: String? = nil,
        security: Security = .startTLSOpportunistic,
        verifiesCertificates: Bool = true,
        trustRootsFile: String? = nil,
        allowsPlaintextAuthentication: Bool = false,
        from: String,
        heloName: String? = nil,
        connectTimeout: Duration = .seconds(10),
        replyTimeout: Duration = .seconds(30)
    ) {
        self.host = host
        self.port = port ?? (security == .implicitTLS ? 465 : 25)
        self.username = username
        self.password = password
        self.security = security
        self.verifiesCertificates = verifiesCertificates
        self.trustRootsFile = trustRootsFile
        self.allowsPlaintextAuthentication = allowsPlaintextAuthentication
        self.from = from
        self.heloName = heloName ?? Self.localHostName()
        self.connectTimeout = connectTimeout
        self.replyTimeout = replyTimeout
    }

    /// The configuration as a URL with the password left out, for logs.
    public var description: String {
        var text = self.security == .implicitTLS ? "smtps://" : "smtp://"
        if let username = self.username {
            text += username + (self.password == nil ? "@" : ":<redacted>@")
        }
        text += self.host.contains(":") ? "[\(self.host)]" : self.host
        text += ":\(self.port)"
        var query: [String] = []
        if self.security != .implicitTLS && self.security != .startTLSOpportunistic {
            query.append("starttls=\(self.security.rawValue)")
        }
        if !self.verifiesCertificates {
            query.append("tls_verify=false")
        }
        if let trustRootsFile = self.trustRootsFile {
            query.append("tls_ca=\(trustRootsFile)")
        }
        if self.allowsPlaintextAuthentication {
            query.append("auth_plaintext=true")
        }
        if !query.isEmpty {
            text += "?" + query.joined(separator: "&")
        }
        return text + " from \(self.from)"
    }

    /// The fields for `dump` and debuggers, the password redacted.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "host": self.host, "port": self.port, "username": self.username as Any,
                "password": self.password == nil ? "nil" : "<redacted>", "security": self.security,
                "verifiesCertificates": self.verifiesCertificates, "trustRootsFile": self.trustRootsFile as Any,
                "allowsPlaintextAuthentication": self.allowsPlaintextAuthentication, "from": self.from,
                "heloName": self.heloName, "connectTimeout": self.connectTimeout, "replyTimeout": self.replyTimeout,
            ]
        )
    }

    /// This machine's host name, or `localhost` when it has none.
    static func localHostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else {
            return "localhost"
        }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        let name = String(decoding: bytes, as: UTF8.self)
        let valid =
            !name.isEmpty
            && name.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            }
        return valid ? name : "localhost"
    }
}
