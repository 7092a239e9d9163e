import Testing

@testable import Delivery

/// Parsing `HIKESHI_SMTP_URL` and `HIKESHI_SMTP_FROM`.
@Suite("SMTPConfiguration")
struct SMTPConfigurationTests {
    static let from = "alerts@hikeshi.test"

    @Test("smtp:// defaults: port 25, opportunistic STARTTLS, verification on, no plaintext auth")
    func smtpDefaults() throws {
        let configuration = try SMTPConfiguration(url: "smtp://mail.example.com", from: Self.from)
        #expect(configuration.host == "mail.example.com")
        #expect(configuration.port == 25)
        #expect(configuration.username == nil)
        #expect(configuration.password == nil)
        #expect(configuration.security == .startTLSOpportunistic)
        #expect(configuration.verifiesCertificates)
        #expect(configuration.trustRootsFile == nil)
        #expect(!configuration.allowsPlaintextAuthentication)
        #expect(configuration.connectTimeout == .seconds(10))
        #expect(configuration.replyTimeout == .seconds(30))
        #expect(!configuration.heloName.isEmpty)
    }

    @Test("smtps:// defaults to port 465 and implicit TLS")
    func smtpsDefaults() throws {
        let configuration = try SMTPConfiguration(url: "smtps://u:p@mail.example.com/", from: Self.from)
        #expect(configuration.port == 465)
        #expect(configuration.security == .implicitTLS)
        #expect(configuration.username == "u")
        #expect(configuration.password == "p")
    }

    @Test("User and password are percent-decoded; '+' stays a plus")
    func credentials() throws {
        let configuration = try SMTPConfiguration(url: "smtp://ops%40example.com:p%40ss%3Aw+rd%25@[::1]:2525", from: Self.from)
        #expect(configuration.username == "ops@example.com")
        #expect(configuration.password == "p@ss:w+rd%")
        #expect(configuration.host == "::1")
        #expect(configuration.port == 2525)
        let unicode = try SMTPConfiguration(url: "smtp://%E7%81%AB%E6%B6%88:%ED%82%A4@127.0.0.1:1025", from: Self.from)
        #expect(unicode.username == "火消")
        #expect(unicode.password == "키")
    }

    @Test("Query parameters")
    func queryParameters() throws {
        let configuration = try SMTPConfiguration(
            url: "smtp://127.0.0.1:1025?starttls=required&tls_verify=false&auth_plaintext=true&helo=me.example&timeout=2.5"
                + "&connect_timeout=1&tls_ca=/etc/ssl/ca.pem",
            from: Self.from
        )
        #expect(configuration.security == .startTLSRequired)
        #expect(!configuration.verifiesCertificates)
        #expect(configuration.allowsPlaintextAuthentication)
        #expect(configuration.heloName == "me.example")
        #expect(configuration.replyTimeout == .milliseconds(2500))
        #expect(configuration.connectTimeout == .seconds(1))
        #expect(configuration.trustRootsFile == "/etc/ssl/ca.pem")
        #expect(try SMTPConfiguration(url: "smtp://h?starttls=never", from: Self.from).security == SMTPConfiguration.Security.none)
        #expect(try SMTPConfiguration(url: "smtp://h?starttls=opportunistic", from: Self.from).security == .startTLSOpportunistic)
    }

    @Test(
        "Invalid URLs are configuration errors that never echo the password",
        arguments: [
            "mail.example.com", "http://mail.example.com", "smtp://", "smtp://:25", "smtp://h:0", "smtp://h:70000", "smtp://h:2x",
            "smtp://h/path", "smtp://h?starttls=sometimes", "smtp://h?tls_verify=maybe", "smtp://h?unknown=1",
            "smtps://h?starttls=required", "smtp://h?timeout=0", "smtp://h?timeout=abc", "smtp://u:hunter%2@h", "smtp://[::1",
        ])
    func invalid(_ url: String) {
        #expect(throws: DeliveryError.invalidConfiguration()) { try SMTPConfiguration(url: url, from: Self.from) }
        do {
            _ = try SMTPConfiguration(url: url, from: Self.from)
        } catch {
            #expect(!"\(error)".contains("hunter"))
        }
    }

    @Test("The From address must be a mailbox")
    func invalidFrom() throws {
        #expect(throws: DeliveryError.invalidMessage()) { try SMTPConfiguration(url: "smtp://h", from: "not an address") }
        #expect(try SMTPConfiguration(url: "smtp://h", from: "Hikeshi Alerts <alerts@hikeshi.test>").from == "Hikeshi Alerts <alerts@hikeshi.test>")
    }

    @Test("optional settings: nil without a URL, an error without a From")
    func settings() throws {
        #expect(try SMTPConfiguration.optional(url: nil, from: nil) == nil)
        #expect(try SMTPConfiguration.optional(url: "", from: Self.from) == nil)
        #expect(throws: DeliveryError.invalidConfiguration()) {
            try SMTPConfiguration.optional(url: "smtp://h", from: nil)
        }
        let configuration = try #require(try SMTPConfiguration.optional(url: "smtp://u:pw@h:587?starttls=required", from: Self.from))
        #expect(configuration.port == 587)
        #expect(configuration.from == Self.from)
    }

    @Test("description and dump never show the password")
    func passwordHidden() throws {
        let configuration = try SMTPConfiguration(url: "smtp://user:hunter2@mail.example.com:587?starttls=required", from: Self.from)
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [configuration.description, String(reflecting: configuration), dumped] {
            #expect(!text.contains("hunter2"))
            #expect(text.contains("mail.example.com"))
        }
        #expect(configuration.description == "smtp://user:<redacted>@mail.example.com:587?starttls=required from alerts@hikeshi.test")
    }
}
