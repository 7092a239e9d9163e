import HikeshiCore
import Testing

@testable import Delivery

/// `TwilioSignature` against vectors made by Twilio's own `RequestValidator` (see `TwilioSignatureVectors.swift`
/// and `Vectors/make_twilio_vectors.py`).
@Suite("TwilioSignature")
struct TwilioSignatureTests {
    static func algorithm(_ name: String) throws -> TwilioSignature.Algorithm {
        try #require(TwilioSignature.Algorithm(rawValue: name))
    }

    static func vector(_ name: String) throws -> TwilioSignatureVector {
        try #require(TwilioSignatureVectors.all.first { $0.name == name }, "no vector named \(name)")
    }

    @Test("compute matches Twilio's library", arguments: TwilioSignatureVectors.all.map(\.name))
    func compute(_ name: String) throws {
        let vector = try Self.vector(name)
        let signer = TwilioSignature(authToken: vector.token)
        let parameters = vector.parameters.map { (name: $0.0, value: $0.1) }
        let algorithm = try Self.algorithm(vector.algorithm)
        #expect(signer.compute(url: vector.url, parameters: parameters, algorithm: algorithm) == vector.signature)
        #expect(signer.isValid(vector.signature, url: vector.url, parameters: parameters, algorithm: algorithm))
        // The same fields in reverse order sign the same.
        #expect(signer.isValid(vector.signature, url: vector.url, parameters: parameters.reversed(), algorithm: algorithm))
        // The raw form body, as it arrives.
        let body = FormEncoding.encode(parameters)
        #expect(signer.isValid(vector.signature, url: vector.url, formBody: body, algorithm: algorithm))
    }

    @Test("validate agrees with Twilio's library", arguments: TwilioSignatureVectors.validations.map(\.name))
    func validate(_ name: String) throws {
        let validation = try #require(TwilioSignatureVectors.validations.first { $0.name == name })
        let signed = try Self.vector(validation.vector)
        let signer = TwilioSignature(authToken: validation.token)
        let parameters = validation.parameters.map { (name: $0.0, value: $0.1) }
        let algorithm = try Self.algorithm(signed.algorithm)
        #expect(signer.isValid(signed.signature, url: validation.url, parameters: parameters, algorithm: algorithm) == validation.valid)
    }

    @Test("JSON bodies: bodySHA256 and the URL's signature, as Twilio's library checks them", arguments: TwilioSignatureVectors.json.map(\.name))
    func json(_ name: String) throws {
        let vector = try #require(TwilioSignatureVectors.json.first { $0.name == name })
        let signer = TwilioSignature(authToken: vector.token)
        #expect(signer.isValid(vector.signature, url: vector.url, jsonBody: vector.body) == vector.valid)
    }

    @Test("A signature for another algorithm, a truncated or empty signature, is refused")
    func refusals() throws {
        let vector = try Self.vector("twilio-docs")
        let signer = TwilioSignature(authToken: vector.token)
        let parameters = vector.parameters.map { (name: $0.0, value: $0.1) }
        #expect(!signer.isValid(vector.signature, url: vector.url, parameters: parameters, algorithm: .hmacSHA256))
        #expect(!signer.isValid(String(vector.signature.dropLast()), url: vector.url, parameters: parameters))
        #expect(!signer.isValid("", url: vector.url, parameters: parameters))
        #expect(!signer.isValid(vector.signature, url: vector.url, jsonBody: "{}"))
    }

    @Test("The algorithm from X-Twilio-Webhooks-Signature-Settings")
    func settingsHeader() {
        #expect(TwilioSignature.Algorithm(settingsHeader: nil) == .hmacSHA1)
        #expect(TwilioSignature.Algorithm(settingsHeader: "") == .hmacSHA1)
        #expect(TwilioSignature.Algorithm(settingsHeader: "key=webhooks_sharedkey_1") == .hmacSHA1)
        #expect(TwilioSignature.Algorithm(settingsHeader: "key=webhooks_sharedkey_1,algorithm=HMAC_SHA256") == .hmacSHA256)
        #expect(TwilioSignature.Algorithm(settingsHeader: " algorithm = hmac_sha1 ") == .hmacSHA1)
        #expect(TwilioSignature.Algorithm(settingsHeader: "algorithm=HMAC_SHA512") == nil)
    }

    @Test("URL variants with and without the port")
    func urlVariants() {
        #expect(TwilioSignature.urlVariants("https://a.example/x?y=1") == ["https://a.example/x?y=1", "https://a.example:443/x?y=1"])
        #expect(TwilioSignature.urlVariants("http://a.example") == ["http://a.example", "http://a.example:80"])
        #expect(TwilioSignature.urlVariants("https://a.example:8443/x") == ["https://a.example:8443/x", "https://a.example/x"])
        #expect(TwilioSignature.urlVariants("https://u:p@a.example:8443/x") == ["https://u:p@a.example:8443/x", "https://u:p@a.example/x"])
        #expect(TwilioSignature.urlVariants("https://[::1]:8443/x") == ["https://[::1]:8443/x", "https://[::1]/x"])
        #expect(TwilioSignature.urlVariants("https://[::1]/x") == ["https://[::1]/x", "https://[::1]:443/x"])
        #expect(TwilioSignature.urlVariants("not a url") == ["not a url"])
    }

    @Test("Constant-time comparison")
    func constantTime() {
        #expect(ConstantTime.equal("abc", "abc"))
        #expect(!ConstantTime.equal("abc", "abd"))
        #expect(!ConstantTime.equal("abc", "abcd"))
        #expect(ConstantTime.equal("", ""))
    }
}
