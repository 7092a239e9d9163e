import Crypto
import Foundation
import Testing
import X509
import _CryptoExtras

@testable import Alerting

@Suite("SNS signatures")
struct SNSSignatureTests {
    /// A key and a self-signed certificate for it, made for the test.
    struct Signer {
        let key: _RSA.Signing.PrivateKey
        let certificatePEM: String

        init() throws {
            key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            let name = try DistinguishedName {
                CountryName("US")
                OrganizationName("Amazon")
                CommonName("sns.us-east-1.amazonaws.com")
            }
            let now = Date()
            let certificate = try Certificate(
                version: .v3,
                serialNumber: Certificate.SerialNumber(),
                publicKey: Certificate.PublicKey(key.publicKey),
                notValidBefore: now.addingTimeInterval(-3600),
                notValidAfter: now.addingTimeInterval(86_400),
                issuer: name,
                subject: name,
                signatureAlgorithm: .sha256WithRSAEncryption,
                extensions: Certificate.Extensions(),
                issuerPrivateKey: Certificate.PrivateKey(key)
            )
            certificatePEM = try certificate.serializeAsPEM().pemString
        }

        /// The base64 signature SNS would send for the message with the given signature version.
        func sign(_ message: SNSMessage, version: String) throws -> String {
            let bytes = Array(message.stringToSign().utf8)
            let signature =
                version == "1"
                ? try key.signature(for: Insecure.SHA1.hash(data: bytes), padding: .insecurePKCS1v1_5)
                : try key.signature(for: SHA256.hash(data: bytes), padding: .insecurePKCS1v1_5)
            return signature.rawRepresentation.base64EncodedString()
        }
    }

    /// The fixture as SNS would post it, signed by `signer`, read back from its JSON.
    static func signedBody(_ fixture: String, version: String, signer: Signer) throws -> [UInt8] {
        var object = try Fixture.object(fixture)
        object["SignatureVersion"] = version
        var message = try SNSMessage.parse(Fixture.encode(object))
        message.signatureVersion = version
        object["Signature"] = try signer.sign(message, version: version)
        return try Fixture.encode(object)
    }

    @Test(
        "A message signed with SHA1withRSA (1) or SHA256withRSA (2) verifies, and fails once changed",
        arguments: ["1", "2"], ["sns-cloudwatch-alarm.json", "sns-subscription-confirmation.json"])
    func roundTrip(version: String, fixture: String) throws {
        let signer = try Signer()
        let message = try SNSMessage.parse(Self.signedBody(fixture, version: version, signer: signer))
        #expect(message.signatureVersion == version)
        try message.verifySignature(certificatePEM: signer.certificatePEM)

        var tampered = message
        tampered.message += " "
        #expect(throws: AlertingError.invalidSignature("it does not match the message and the certificate.")) {
            try tampered.verifySignature(certificatePEM: signer.certificatePEM)
        }
        var retimed = message
        retimed.timestamp = "2030-01-01T00:00:00.000Z"
        #expect(throws: AlertingError.self) { try retimed.verifySignature(certificatePEM: signer.certificatePEM) }
        var otherVersion = message
        otherVersion.signatureVersion = version == "1" ? "2" : "1"
        #expect(throws: AlertingError.self) { try otherVersion.verifySignature(certificatePEM: signer.certificatePEM) }
    }

    @Test("A subject added to a notification breaks its signature")
    func subjectIsSigned() throws {
        let signer = try Signer()
        var message = try SNSMessage.parse(Self.signedBody("sns-cloudwatch-alarm.json", version: "2", signer: signer))
        message.subject = nil
        #expect(throws: AlertingError.self) { try message.verifySignature(certificatePEM: signer.certificatePEM) }
    }

    @Test("Another key's certificate does not verify")
    func wrongCertificate() throws {
        let signer = try Signer()
        let other = try Signer()
        let message = try SNSMessage.parse(Self.signedBody("sns-cloudwatch-alarm.json", version: "2", signer: signer))
        #expect(throws: AlertingError.invalidSignature("it does not match the message and the certificate.")) {
            try message.verifySignature(certificatePEM: other.certificatePEM)
        }
    }

    @Test("Unusable certificates, signatures and versions are refused")
    func refusals() throws {
        let signer = try Signer()
        let message = try SNSMessage.parse(Self.signedBody("sns-cloudwatch-alarm.json", version: "1", signer: signer))
        #expect(throws: AlertingError.invalidCertificate("it is not a PEM X.509 certificate.")) {
            try message.verifySignature(certificatePEM: "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n")
        }
        #expect(throws: AlertingError.invalidCertificate("it is not a PEM X.509 certificate.")) {
            try message.verifySignature(certificatePEM: "")
        }
        var version3 = message
        version3.signatureVersion = "3"
        #expect(throws: AlertingError.unsupportedSignatureVersion("3")) { try version3.verifySignature(certificatePEM: signer.certificatePEM) }
        var garbage = message
        garbage.signature = "%%%"
        #expect(throws: AlertingError.invalidSignature("the signature is not base64.")) {
            try garbage.verifySignature(certificatePEM: signer.certificatePEM)
        }
        var short = message
        short.signature = Data([1, 2, 3]).base64EncodedString()
        #expect(throws: AlertingError.self) { try short.verifySignature(certificatePEM: signer.certificatePEM) }
    }

    @Test("A certificate with a non-RSA key is refused")
    func ellipticCurveCertificate() throws {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName { CommonName("sns.us-east-1.amazonaws.com") }
        let now = Date()
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: now.addingTimeInterval(3600),
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: Certificate.Extensions(),
            issuerPrivateKey: Certificate.PrivateKey(key)
        )
        let pem = try certificate.serializeAsPEM().pemString
        let message = try SNSMessage.parse(Fixture.bytes("sns-cloudwatch-alarm.json"))
        #expect(throws: AlertingError.invalidCertificate("its public key is not an RSA key.")) { try message.verifySignature(certificatePEM: pem) }
    }
}
