import Crypto
import Foundation

/// A client-side SigV4 signer for tests (the server only verifies).
struct TestSigner {
    var accessKeyID: String
    var secret: String
    var region: String
    var service: String

    /// Returns `headers` plus `X-Amz-Date` and `Authorization` for the request.
    func sign(
        method: String,
        path: String,
        query: String? = nil,
        headers: [String: String],
        host: String,
        body: Data,
        date: Date
    ) -> [String: String] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let amzDate = formatter.string(from: date)
        let day = String(amzDate.prefix(8))
        var all = headers
        all["X-Amz-Date"] = amzDate
        var canonicalHeaders = Dictionary(uniqueKeysWithValues: all.map { ($0.key.lowercased(), $0.value.trimmingCharacters(in: .whitespaces)) })
        canonicalHeaders["host"] = host
        let names = canonicalHeaders.keys.sorted()
        let signedHeaders = names.joined(separator: ";")
        let canonicalQuery = (query ?? "").split(separator: "&").map(String.init).sorted().joined(separator: "&")
        let canonicalPath = path.addingPercentEncoding(withAllowedCharacters: Self.pathAllowed) ?? path
        let canonicalRequest = [
            method,
            canonicalPath,
            canonicalQuery,
            names.map { "\($0):\(canonicalHeaders[$0] ?? "")\n" }.joined(),
            signedHeaders,
            Self.hex(SHA256.hash(data: body)),
        ].joined(separator: "\n")
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, Self.hex(SHA256.hash(data: Data(canonicalRequest.utf8)))].joined(separator: "\n")
        var key = SymmetricKey(data: Data("AWS4\(secret)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
        all["Authorization"] = "AWS4-HMAC-SHA256 Credential=\(accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        return all
    }

    private static let pathAllowed: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        set.insert(charactersIn: "-_.~/")
        return set
    }()

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
