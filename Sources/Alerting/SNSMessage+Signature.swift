import Crypto
import Foundation
import X509
import _CryptoExtras

extension SNSMessage {
    /// Checks the message's signature: RSA PKCS#1 v1.5 over the SHA-1 (`SignatureVersion` 1) or SHA-256
    /// (`SignatureVersion` 2) digest of ``stringToSign()``, with the public key of the given certificate.
    ///
    /// The certificate is taken as given (the App configures the SNS signing certificate rather than fetching
    /// ``signingCertURL``); its validity period is not checked here. A server checking many messages parses the
    /// certificate once into an ``SNSSigningKey`` and calls ``verifySignature(key:)``.
    ///
    /// - Parameter certificatePEM: The signing certificate, PEM (`-----BEGIN CERTIFICATE-----`).
    /// - Throws: ``AlertingError/unsupportedSignatureVersion(_:)``, ``AlertingError/invalidCertificate(_:)`` or
    ///   ``AlertingError/invalidSignature(_:)``.
    public func verifySignature(certificatePEM: String) throws(AlertingError) {
        try verifySignature(key: try SNSSigningKey(certificatePEM: certificatePEM))
    }

    /// Checks the message's signature with an already-parsed signing key (see ``verifySignature(certificatePEM:)``).
    public func verifySignature(key: SNSSigningKey) throws(AlertingError) {
        guard let signatureBytes = Data(base64Encoded: signature, options: .ignoreUnknownCharacters), !signatureBytes.isEmpty else {
            throw .invalidSignature("the signature is not base64.")
        }
        let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: signatureBytes)
        let signed = Array(stringToSign().utf8)
        let valid: Bool
        switch signatureVersion {
        case "1":
            valid = key.publicKey.isValidSignature(rsaSignature, for: Insecure.SHA1.hash(data: signed), padding: .insecurePKCS1v1_5)
        case "2":
            valid = key.publicKey.isValidSignature(rsaSignature, for: SHA256.hash(data: signed), padding: .insecurePKCS1v1_5)
        default:
            throw .unsupportedSignatureVersion(signatureVersion)
        }
        guard valid else { throw .invalidSignature("it does not match the message and the certificate.") }
    }

    /// Whether a `SigningCertURL` is one SNS itself would use: `https`, no user, password or port other than 443,
    /// host `sns.<region>.amazonaws.com` or `sns.<region>.amazonaws.com.cn`, and a path ending in `.pem`.
    ///
    /// - Parameter url: The URL text.
    /// - Returns: Whether it can be trusted to name an SNS signing certificate.
    public static func isTrustedCertificateURL(_ url: String) -> Bool {
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "https" else { return false }
        guard components.user == nil, components.password == nil, components.port == nil || components.port == 443 else { return false }
        guard components.query == nil, components.fragment == nil else { return false }
        guard let host = components.host?.lowercased() else { return false }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let suffixOK: Bool
        switch labels.count {
        case 4: suffixOK = labels[2] == "amazonaws" && labels[3] == "com"
        case 5: suffixOK = labels[2] == "amazonaws" && labels[3] == "com" && labels[4] == "cn"
        default: suffixOK = false
        }
        guard suffixOK, labels[0] == "sns", AWSRegions.isRegionCode(labels[1]) else { return false }
        let path = components.path
        return path.hasPrefix("/") && path.count > ".pem".count + 1 && path.hasSuffix(".pem")
    }
}

/// The public key of the SNS signing certificate, parsed once.
public struct SNSSigningKey: Sendable {
    let publicKey: _RSA.Signing.PublicKey

    /// Parses a PEM X.509 certificate with an RSA key.
    ///
    /// - Throws: ``AlertingError/invalidCertificate(_:)``.
    public init(certificatePEM: String) throws(AlertingError) {
        let certificate: Certificate
        do {
            certificate = try Certificate(pemEncoded: certificatePEM)
        } catch {
            throw .invalidCertificate("it is not a PEM X.509 certificate.")
        }
        guard let publicKey = _RSA.Signing.PublicKey(certificate.publicKey) else {
            throw .invalidCertificate("its public key is not an RSA key.")
        }
        self.publicKey = publicKey
    }
}
