import Foundation
import HikeshiCore
import Testing

@testable import AWSProtocol

/// SigV4 verification against requests signed by botocore itself (see `SigV4Vectors.swift` and
/// `Vectors/make_sigv4_vectors.py`), and against every way of tampering with them.
@Suite("SigV4Verifier")
struct SigV4VerifierTests {
    // MARK: - Helpers

    static let mismatchMessage =
        "The request signature we calculated does not match the signature you provided. "
        + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details."

    static func vector(_ name: String) throws -> SigV4Vector {
        try #require(SigV4Vectors.all.first { $0.name == name }, "no vector named \(name)")
    }

    static func request(_ vector: SigV4Vector) -> SigV4Request {
        SigV4Request(
            method: vector.method,
            path: vector.path,
            query: vector.query,
            headers: vector.headers,
            authority: vector.authority,
            body: vector.body
        )
    }

    static func verifier(
        _ vector: SigV4Vector,
        now: TimeInterval? = nil,
        secrets: [String: String]? = nil
    ) -> SigV4Verifier {
        let instant = Date(timeIntervalSince1970: now ?? vector.now)
        return SigV4Verifier(
            keys: SigV4StaticKeyStore(secrets ?? [vector.accessKeyID: vector.secretKey]),
            now: { instant }
        )
    }

    /// The error `verify` throws, or `nil` when it succeeds.
    static func failure(
        _ request: SigV4Request,
        _ verifier: SigV4Verifier,
        service: String? = nil
    ) async -> AWSError? {
        do {
            _ = try await verifier.verify(request, service: service)
            return nil
        } catch let error as AWSError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    static func expectFailure(
        _ request: SigV4Request,
        _ verifier: SigV4Verifier,
        service: String? = nil,
        code: String,
        message: String? = nil,
        messageContains: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        guard let error = await failure(request, verifier, service: service) else {
            Issue.record("expected \(code), but the request verified", sourceLocation: sourceLocation)
            return
        }
        #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
        #expect(error.status == 403, sourceLocation: sourceLocation)
        if let message {
            #expect(error.message == message, sourceLocation: sourceLocation)
        }
        if let messageContains {
            #expect(error.message.contains(messageContains), "\(error.message)", sourceLocation: sourceLocation)
        }
    }

    static func replacingHeader(
        _ request: SigV4Request,
        _ name: String,
        with transform: (String) -> String?
    ) -> SigV4Request {
        var copy = request
        copy.headers = request.headers.compactMap { field in
            guard field.name.caseInsensitiveCompare(name) == .orderedSame else { return field }
            return transform(field.value).map { (name: field.name, value: $0) }
        }
        return copy
    }

    // MARK: - botocore vectors

    @Test("every botocore vector verifies", arguments: SigV4Vectors.all)
    func botocoreVector(_ vector: SigV4Vector) async throws {
        let verifier = Self.verifier(vector)
        if vector.expectsSuccess {
            let identity = try await verifier.verify(Self.request(vector), service: vector.service)
            #expect(
                identity
                    == SigV4Identity(
                        accessKeyID: vector.accessKeyID,
                        region: vector.region,
                        service: vector.service,
                        date: Date(timeIntervalSince1970: vector.signedAt)
                    )
            )
        } else {
            await #expect(throws: AWSError.self) { try await verifier.verify(Self.request(vector)) }
        }
    }

    @Test("canonical URI and query string equal botocore's", arguments: SigV4Vectors.all)
    func canonicalPieces(_ vector: SigV4Vector) {
        #expect(SigV4Canonical.uri(path: vector.path) == vector.canonicalURI)
        #expect(
            SigV4Canonical.query(vector.query, excluding: vector.presigned ? "X-Amz-Signature" : nil) == vector.canonicalQuery
        )
    }

    @Test("header names may arrive in any case", arguments: SigV4Vectors.all)
    func headerNameCase(_ vector: SigV4Vector) async throws {
        var lower = Self.request(vector)
        lower.headers = lower.headers.map { (name: $0.name.lowercased(), value: $0.value) }
        var upper = Self.request(vector)
        upper.headers = upper.headers.map { (name: $0.name.uppercased(), value: $0.value) }
        _ = try await Self.verifier(vector).verify(lower)
        _ = try await Self.verifier(vector).verify(upper)
    }

    @Test("a precomputed payload hash works like the body", arguments: SigV4Vectors.all)
    func precomputedPayloadHash(_ vector: SigV4Vector) async throws {
        var request = Self.request(vector)
        request.payload = .sha256Hex(SigV4Canonical.sha256Hex(vector.body).uppercased())
        _ = try await Self.verifier(vector).verify(request)
    }

    @Test("the vectors cover what they should")
    func coverage() {
        let all = SigV4Vectors.all
        #expect(all.count >= 12)
        #expect(all.contains { $0.presigned })
        #expect(all.contains { $0.path.contains("%3A") })
        #expect(all.contains { $0.body.isEmpty && $0.method == "POST" })
        #expect(all.contains { String(decoding: $0.body, as: UTF8.self).contains("当番") })
        #expect(all.contains { ($0.query ?? "").contains("%2B") && ($0.query ?? "").contains("~") })
        #expect(all.contains { $0.authority.contains(":") })
        #expect(all.contains { !$0.authority.contains(":") })
    }

    // MARK: - Tampering

    @Test("a changed body byte fails")
    func changedBody() async throws {
        let vector = try Self.vector("json11-create-contact-client")
        var request = Self.request(vector)
        var body = vector.body
        body[body.startIndex + 10] ^= 0x01
        request.payload = .body(body)
        await Self.expectFailure(
            request, Self.verifier(vector), code: "InvalidSignatureException", message: Self.mismatchMessage
        )
    }

    @Test("a changed non-ASCII body fails")
    func changedUTF8Body() async throws {
        let vector = try Self.vector("json11-utf8-body")
        var request = Self.request(vector)
        let text = String(decoding: vector.body, as: UTF8.self).replacingOccurrences(of: "당직", with: "당번")
        request.payload = .body(Data(text.utf8))
        await Self.expectFailure(request, Self.verifier(vector), code: "InvalidSignatureException")
    }

    @Test("a changed signed header fails")
    func changedSignedHeader() async throws {
        let vector = try Self.vector("json11-create-contact-client")
        let request = Self.replacingHeader(Self.request(vector), "X-Amz-Target") { _ in "SSMContacts.DeleteContact" }
        await Self.expectFailure(
            request, Self.verifier(vector), code: "InvalidSignatureException", message: Self.mismatchMessage
        )
    }

    @Test("a repeated signed header counts all of its fields")
    func repeatedSignedHeader() async throws {
        let vector = try Self.vector("header-whitespace-and-repeats")
        var request = Self.request(vector)
        request.headers.removeAll { $0.name == "X-HIKESHI-LIST" }
        await Self.expectFailure(request, Self.verifier(vector), code: "InvalidSignatureException")
    }

    @Test("changed or added unsigned headers do not matter")
    func unsignedHeaders() async throws {
        let vector = try Self.vector("json11-create-contact-client")
        var request = Self.replacingHeader(Self.request(vector), "User-Agent") { _ in "something else" }
        request.headers.append((name: "X-Forwarded-For", value: "10.0.0.1"))
        request.headers.removeAll { $0.name == "Content-Length" }
        _ = try await Self.verifier(vector).verify(request)
    }

    @Test("a changed Host fails")
    func changedHost() async throws {
        let vector = try Self.vector("json11-create-contact-client")
        var request = Self.request(vector)
        request.authority = "127.0.0.1:4751"
        await Self.expectFailure(request, Self.verifier(vector), code: "InvalidSignatureException")
    }

    @Test("without authority the Host header field is used")
    func hostFromHeaders() async throws {
        let vector = try Self.vector("host-default-port")
        var request = Self.request(vector)
        request.authority = nil
        request.headers.append((name: "Host", value: vector.authority))
        _ = try await Self.verifier(vector).verify(request)
    }

    @Test("a changed query value fails")
    func changedQueryValue() async throws {
        let vector = try Self.vector("restjson-get-query")
        var request = Self.request(vector)
        request.query = vector.query?.replacingOccurrences(of: "maxResults=10", with: "maxResults=11")
        #expect(request.query != vector.query)
        await Self.expectFailure(
            request, Self.verifier(vector), code: "InvalidSignatureException", message: Self.mismatchMessage
        )
    }

    @Test("reordered query parameters still verify; a dropped one does not")
    func queryOrder() async throws {
        let vector = try Self.vector("restjson-get-query")
        let parameters = (vector.query ?? "").split(separator: "&").map(String.init)
        var request = Self.request(vector)
        request.query = parameters.reversed().joined(separator: "&")
        _ = try await Self.verifier(vector).verify(request)
        request.query = parameters.dropLast().joined(separator: "&")
        await Self.expectFailure(request, Self.verifier(vector), code: "InvalidSignatureException")
    }

    @Test("a changed path fails, including %2F versus /")
    func changedPath() async throws {
        let vector = try Self.vector("restjson-list-tags-arn-client")
        var request = Self.request(vector)
        request.path = vector.path.replacingOccurrences(of: "%2F", with: "/")
        await Self.expectFailure(request, Self.verifier(vector), code: "InvalidSignatureException")
        request.path = vector.path.replacingOccurrences(of: "my-plan", with: "other-plan")
        await Self.expectFailure(request, Self.verifier(vector), code: "InvalidSignatureException")
    }

    @Test("a wrong secret fails")
    func wrongSecret() async throws {
        let vector = try Self.vector("json11-create-contact-client")
        let verifier = Self.verifier(vector, secrets: [vector.accessKeyID: vector.secretKey + "x"])
        await Self.expectFailure(
            Self.request(vector), verifier, code: "InvalidSignatureException", message: Self.mismatchMessage
        )
    }

    @Test("an unknown access key fails")
    func unknownKey() async throws {
        let vector = try Self.vector("json11-create-contact-client")
        let verifier = Self.verifier(vector, secrets: ["AKIDSOMEONEELSE00000": vector.secretKey])
        await Self.expectFailure(
            Self.request(vector),
            verifier,
            code: "UnrecognizedClientException",
            message: "The security token included in the request is invalid."
        )
    }

    @Test("key store errors pass through")
    func keyStoreError() async throws {
        struct Broken: Error {}
        struct BrokenStore: SigV4KeyStore {
            func credential(for accessKeyID: String) async throws -> SigV4Credential? { throw Broken() }
        }
        let vector = try Self.vector("json11-create-contact-client")
        let verifier = SigV4Verifier(keys: BrokenStore(), now: { Date(timeIntervalSince1970: vector.now) })
        await #expect(throws: Broken.self) { try await verifier.verify(Self.request(vector)) }
    }

    @Test("16 minutes of skew either way fails, with AWS's wording")
    func skew16Minutes() async throws {
        let vector = try Self.vector("json11-create-contact-client")
        #expect(vector.signedAt == 1_715_938_200)  // 20240517T093000Z
        await Self.expectFailure(
            Self.request(vector),
            Self.verifier(vector, now: vector.signedAt + 16 * 60),
            code: "InvalidSignatureException",
            message: "Signature expired: 20240517T093000Z is now earlier than 20240517T093100Z (20240517T094600Z - 15 min.)"
        )
        await Self.expectFailure(
            Self.request(vector),
            Self.verifier(vector, now: vector.signedAt - 16 * 60),
            code: "InvalidSignatureException",
            message: "Signature not yet current: 20240517T093000Z is still later than 20240517T092900Z (20240517T091400Z + 15 min.)"
        )
    }

    @Test("14 minutes of skew either way passes")
    func skew14Minutes() async throws {
        let vector = try Self.vector("json11-create-contact-client")
        _ = try await Self.verifier(vector, now: vector.signedAt + 14 * 60).verify(Self.request(vector))
        _ = try await Self.verifier(vector, now: vector.signedAt - 14 * 60).verify(Self.request(vector))
    }

    @Test("a custom skew is honoured")
    func customSkew() async throws {
        let vector = try Self.vector("json11-create-contact-client")
        let instant = Date(timeIntervalSince1970: vector.signedAt + 120)
        let verifier = SigV4Verifier(
            keys: SigV4StaticKeyStore([vector.accessKeyID: vector.secretKey]),
            maxSkew: 90,
            now: { instant }
        )
        await Self.expectFailure(
            Self.request(vector), verifier, code: "InvalidSignatureException", messageContains: "(20240517T093200Z - 90 sec.)"
        )
    }

    @Test("a missing Authorization header fails")
    func missingAuthorization() async throws {
        let vector = try Self.vector("json11-create-contact-client")
        let request = Self.replacingHeader(Self.request(vector), "Authorization") { _ in nil }
        await Self.expectFailure(
            request,
            Self.verifier(vector),
            code: "MissingAuthenticationTokenException",
            message: "Missing Authentication Token"
        )
    }

    @Test("host missing from SignedHeaders fails")
    func hostNotSigned() async throws {
        let vector = try Self.vector("json11-create-contact-client")
        let request = Self.replacingHeader(Self.request(vector), "Authorization") {
            $0.replacingOccurrences(of: "SignedHeaders=content-type;host;", with: "SignedHeaders=content-type;")
        }
        #expect(request.header("Authorization") != Self.request(vector).header("Authorization"))
        await Self.expectFailure(
            request,
            Self.verifier(vector),
            code: "IncompleteSignatureException",
            message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."
        )
    }

    @Test("the Authorization header's parts: blanks around them, the first of a name, unknown and bare parts ignored")
    func authorizationParts() throws {
        let vector = try Self.vector("json11-create-contact-client")
        let parsed = try SigV4Authorization.parse(Self.request(vector))
        let credential = "AKIDEXAMPLE/20240517/us-east-1/ssm-contacts/aws4_request"
        let rewritten = Self.replacingHeader(Self.request(vector), "Authorization") { _ in
            "\t AWS4-HMAC-SHA256  Credential=\(credential) ,\tFoo=bar, bare ,SignedHeaders= Content-Type;;HOST ; x-amz-date ,"
                + " Signature=\(parsed.signature), Credential=ignored/20240101/eu-west-1/other/aws4_request,"
                + " Signature=0000 \t"
        }
        let auth = try SigV4Authorization.parse(rewritten)
        #expect(auth.accessKeyID == "AKIDEXAMPLE")
        #expect(auth.scopeDate == "20240517")
        #expect(auth.region == "us-east-1")
        #expect(auth.service == "ssm-contacts")
        #expect(auth.signedHeaders == ["content-type", "host", "x-amz-date"])
        #expect(auth.signature == parsed.signature)
        // A piece of blanks between semicolons is an (empty) name, as before; `;;` is no name.
        let blank = Self.replacingHeader(Self.request(vector), "Authorization") { _ in
            "AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=host; ;x-amz-date, Signature=00"
        }
        #expect(try SigV4Authorization.parse(blank).signedHeaders == ["host", "", "x-amz-date"])
        for (header, message) in [
            ("AWS4-HMAC-SHA1 Credential=\(credential)", "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA1'"),
            ("AWS4-HMAC-SHA256 Credential=a/b, SignedHeaders=host, Signature=00", "Credential must have exactly 5 slash-delimited elements"),
            ("AWS4-HMAC-SHA256 Credential=\(credential), SignedHeaders=, Signature=00", "requires 'SignedHeaders' parameter"),
        ] {
            let bad = Self.replacingHeader(Self.request(vector), "Authorization") { _ in header }
            #expect(throws: AWSError.self) { try SigV4Authorization.parse(bad) }
            do {
                _ = try SigV4Authorization.parse(bad)
            } catch {
                #expect(error.message.contains(message), "\(header)")
            }
        }
    }

    @Test("a credential scoped to another service fails")
    func wrongService() async throws {
        let vector = try Self.vector("json11-create-contact-client")
        await Self.expectFailure(
            Self.request(vector),
            Self.verifier(vector),
            service: "ssm-incidents",
            code: "InvalidSignatureException",
            message: "Credential should be scoped to correct service: 'ssm-incidents'"
        )
    }

    @Test("a scope date other than X-Amz-Date's date fails")
    func scopeDateMismatch() async throws {
        let vector = try Self.vector("json11-create-contact-client")
        let request = Self.replacingHeader(Self.request(vector), "Authorization") {
            $0.replacingOccurrences(of: "/20240517/", with: "/20240516/")
        }
        await Self.expectFailure(
            request,
            Self.verifier(vector),
            code: "InvalidSignatureException",
            message: "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                + "'20240516' != '20240517', from '20240517T093000Z'."
        )
    }

    @Test(
        "malformed Authorization headers fail as incomplete",
        arguments: [
            ("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512", "Unsupported AWS 'algorithm'"),
            ("Credential=", "Cred=", "Authorization header requires 'Credential' parameter."),
            ("SignedHeaders=", "Signed=", "Authorization header requires 'SignedHeaders' parameter."),
            ("Signature=", "Sig=", "Authorization header requires 'Signature' parameter."),
            ("/aws4_request", "/aws4_request/extra", "Credential must have exactly 5 slash-delimited elements"),
            ("/aws4_request", "/aws5_request", "valid terminator"),
            ("/us-east-1/", "//", "Credential should be scoped to a valid region."),
        ]
    )
    func malformedAuthorization(_ original: String, _ replacement: String, _ expected: String) async throws {
        let vector = try Self.vector("json11-create-contact-client")
        let request = Self.replacingHeader(Self.request(vector), "Authorization") {
            $0.replacingOccurrences(of: original, with: replacement)
        }
        await Self.expectFailure(
            request, Self.verifier(vector), code: "IncompleteSignatureException", messageContains: expected
        )
    }

    @Test("a missing or malformed X-Amz-Date fails as incomplete")
    func missingDate() async throws {
        let vector = try Self.vector("json11-create-contact-client")
        await Self.expectFailure(
            Self.replacingHeader(Self.request(vector), "X-Amz-Date") { _ in nil },
            Self.verifier(vector),
            code: "IncompleteSignatureException",
            message: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
        )
        await Self.expectFailure(
            Self.replacingHeader(Self.request(vector), "X-Amz-Date") { _ in "2024-05-17T09:30:00Z" },
            Self.verifier(vector),
            code: "IncompleteSignatureException",
            messageContains: "ISO-8601 'basic format'"
        )
    }

    @Test("a changed Date header fails when Date was signed instead of X-Amz-Date")
    func changedDateHeader() async throws {
        let vector = try Self.vector("date-header-instead-of-x-amz-date")
        #expect(Self.request(vector).header("X-Amz-Date") == nil)
        let request = Self.replacingHeader(Self.request(vector), "Date") { _ in "Fri, 17 May 2024 09:30:01 GMT" }
        await Self.expectFailure(request, Self.verifier(vector), code: "InvalidSignatureException")
    }

    @Test("both an Authorization header and a presigned query is refused")
    func twoMechanisms() async throws {
        let header = try Self.vector("json11-create-contact-client")
        let presigned = try Self.vector("presigned-get")
        var request = Self.request(header)
        request.query = presigned.query
        await Self.expectFailure(request, Self.verifier(header), code: "IncompleteSignatureException")
    }

    // MARK: - Payload hash

    @Test("X-Amz-Content-SHA256 must match the body")
    func contentSHA256Mismatch() async throws {
        let vector = try Self.vector("explicit-content-sha256")
        var request = Self.request(vector)
        request.payload = .body(Data("{\"Alias\":\"shb\"}".utf8))
        await Self.expectFailure(
            request,
            Self.verifier(vector),
            code: "InvalidSignatureException",
            message: "The provided 'x-amz-content-sha256' header does not match what was computed."
        )
    }

    @Test("UNSIGNED-PAYLOAD leaves the body unchecked, as AWS does")
    func unsignedPayload() async throws {
        let vector = try Self.vector("unsigned-payload-https")
        #expect(Self.request(vector).header("X-Amz-Content-SHA256") == "UNSIGNED-PAYLOAD")
        var request = Self.request(vector)
        request.payload = .body(Data("{\"Alias\":\"other\"}".utf8))
        _ = try await Self.verifier(vector).verify(request)
    }

    @Test("an unsupported X-Amz-Content-SHA256 value fails as incomplete")
    func streamingPayloadRefused() async throws {
        let vector = try Self.vector("explicit-content-sha256")
        let request = Self.replacingHeader(Self.request(vector), "X-Amz-Content-SHA256") { _ in
            "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"
        }
        await Self.expectFailure(request, Self.verifier(vector), code: "IncompleteSignatureException")
    }

    // MARK: - Presigned URLs

    @Test("an expired presigned URL fails; one second before expiry passes")
    func presignedExpiry() async throws {
        let vector = try Self.vector("presigned-get")
        let expires = try #require(vector.expires)
        _ = try await Self.verifier(vector, now: vector.signedAt + TimeInterval(expires) - 1).verify(Self.request(vector))
        await Self.expectFailure(
            Self.request(vector),
            Self.verifier(vector, now: vector.signedAt + TimeInterval(expires) + 1),
            code: "InvalidSignatureException",
            message: "Signature expired: 20240517T093000Z is now earlier than 20240517T093001Z (20240517T094501Z - 15 min.)"
        )
    }

    @Test("a presigned URL with a long expiry outlives the 15-minute skew")
    func presignedLongExpiry() async throws {
        let vector = try Self.vector("presigned-arn-path-default-expiry")
        #expect(vector.now - vector.signedAt > 15 * 60)
        _ = try await Self.verifier(vector).verify(Self.request(vector))
        await Self.expectFailure(
            Self.request(vector),
            Self.verifier(vector, now: vector.signedAt + 3601),
            code: "InvalidSignatureException",
            messageContains: "(20240517T103001Z - 60 min.)"
        )
    }

    @Test("a presigned URL dated in the future fails")
    func presignedFuture() async throws {
        let vector = try Self.vector("presigned-get")
        await Self.expectFailure(
            Self.request(vector),
            Self.verifier(vector, now: vector.signedAt - 16 * 60),
            code: "InvalidSignatureException",
            messageContains: "Signature not yet current"
        )
    }

    @Test("a tampered presigned URL fails")
    func presignedTampered() async throws {
        let vector = try Self.vector("presigned-get")
        var request = Self.request(vector)
        request.query = vector.query?.replacingOccurrences(of: "maxResults=5", with: "maxResults=50")
        await Self.expectFailure(request, Self.verifier(vector), code: "InvalidSignatureException")
        request.query = vector.query?.replacingOccurrences(of: "X-Amz-Expires=900", with: "X-Amz-Expires=901")
        await Self.expectFailure(request, Self.verifier(vector), code: "InvalidSignatureException")
        request.query = vector.query?.replacingOccurrences(of: "X-Amz-Expires=900", with: "X-Amz-Expires=604801")
        await Self.expectFailure(request, Self.verifier(vector), code: "IncompleteSignatureException")
        request.query = vector.query.map { query in
            query.split(separator: "&").filter { !$0.hasPrefix("X-Amz-Signature=") }.joined(separator: "&")
        }
        await Self.expectFailure(
            request,
            Self.verifier(vector),
            code: "IncompleteSignatureException",
            message: "AWS query-string parameters must include 'X-Amz-Signature'."
        )
    }

    @Test("a presigned URL signed with UNSIGNED-PAYLOAD (the S3 way) verifies too")
    func presignedUnsignedPayloadVariant() async throws {
        // The same URL re-signed here the S3 way: only the payload line of the canonical request differs.
        let vector = try Self.vector("presigned-get")
        let query = try #require(vector.query)
        let auth = try SigV4Authorization.parse(Self.request(vector))
        let canonical = [
            "GET", vector.canonicalURI, vector.canonicalQuery, "host:\(vector.authority)", "", "host", "UNSIGNED-PAYLOAD",
        ].joined(separator: "\n")
        let stringToSign = SigV4Verifier.stringToSign(
            timestamp: auth.timestamp,
            scope: "\(auth.scopeDate)/\(auth.region)/\(auth.service)/aws4_request",
            canonicalRequest: Array(canonical.utf8)
        )
        let authenticator = SigV4SigningKeyCache().authenticator(
            secret: vector.secretKey, date: auth.scopeDate, region: auth.region, service: auth.service
        )
        let signature = String(decoding: SigV4Verifier.signature(for: stringToSign, authenticator: authenticator), as: UTF8.self)
        var request = Self.request(vector)
        request.query =
            query.split(separator: "&").filter { !$0.hasPrefix("X-Amz-Signature=") }.joined(separator: "&")
            + "&X-Amz-Signature=\(signature)"
        _ = try await Self.verifier(vector).verify(request)
    }

    // MARK: - Signing keys and secrets

    @Test("the signing key derivation matches AWS's documented example")
    func signingKeyDerivation() {
        let key = SigV4SigningKeyCache.derive(
            secret: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", date: "20120215", region: "us-east-1", service: "iam"
        )
        let hex = key.withUnsafeBytes { SigV4Canonical.hex($0) }
        #expect(hex == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
    }

    @Test("the signing key cache is bounded and reuses keys")
    func cacheBounded() {
        let cache = SigV4SigningKeyCache(capacity: 2)
        let first = cache.signingKey(secret: "s1", date: "20240517", region: "us-east-1", service: "ssm-contacts")
        let again = cache.signingKey(secret: "s1", date: "20240517", region: "us-east-1", service: "ssm-contacts")
        #expect(first == again)
        #expect(cache.count == 1)
        _ = cache.signingKey(secret: "s2", date: "20240517", region: "us-east-1", service: "ssm-contacts")
        _ = cache.signingKey(secret: "s1", date: "20240518", region: "us-east-1", service: "ssm-contacts")
        #expect(cache.count == 2)
        let other = cache.signingKey(secret: "s1", date: "20240517", region: "us-east-1", service: "ssm-incidents")
        #expect(other != first)
        #expect(cache.count == 2)
    }

    @Test("descriptions and mirrors never show secrets")
    func noSecretsInDescriptions() async throws {
        let vector = try Self.vector("json11-create-contact-client")
        let verifier = Self.verifier(vector)
        _ = try await verifier.verify(Self.request(vector))
        let store = SigV4StaticKeyStore([vector.accessKeyID: vector.secretKey])
        let cache = SigV4SigningKeyCache()
        _ = cache.signingKey(secret: vector.secretKey, date: "20240517", region: "us-east-1", service: "ssm-contacts")
        var dumped = ""
        dump(verifier, to: &dumped)
        dump(store, to: &dumped)
        dump(cache, to: &dumped)
        let texts = [
            String(describing: verifier), String(reflecting: verifier), String(describing: store), String(reflecting: store),
            String(describing: cache), dumped,
        ]
        for text in texts {
            #expect(!text.contains(vector.secretKey))
            #expect(!text.contains("wJalrXUtnFEMI"))
        }
        #expect(String(describing: store).contains(vector.accessKeyID))
    }

    @Test("constant-time comparison")
    func constantTimeEqual() {
        #expect(ConstantTime.equal(Array("abc".utf8), Array("abc".utf8)))
        #expect(!ConstantTime.equal(Array("abc".utf8), Array("abd".utf8)))
        #expect(!ConstantTime.equal(Array("abc".utf8), Array("ab".utf8)))
    }

    // MARK: - Canonicalization details

    @Test(
        "path normalization follows botocore",
        arguments: [
            ("", "/"), ("/", "/"), ("//", "/"), ("/a/./b/../c", "/a/c"), ("/a//b/", "/a/b/"), ("/../a", "/a"),
            ("/a/b/..", "/a"), ("/.", "/"),
        ]
    )
    func normalize(_ path: String, _ expected: String) {
        #expect(SigV4Canonical.normalize(path: path) == expected)
    }

    @Test("the wire path is encoded a second time")
    func doubleEncoding() {
        #expect(SigV4Canonical.uri(path: "/tags/arn%3Aaws%2Fx") == "/tags/arn%253Aaws%252Fx")
        #expect(SigV4Canonical.uri(path: "/a b/~x/:") == "/a%20b/~x/%3A")
        #expect(SigV4Canonical.uri(path: "/日本") == "/%E6%97%A5%E6%9C%AC")
    }

    @Test("query canonicalization re-encodes per RFC 3986 and sorts by name then value")
    func queryCanonicalization() {
        #expect(SigV4Canonical.query("b=2&a=1&a=0&c") == "a=0&a=1&b=2&c=")
        #expect(SigV4Canonical.query("x=a+b&y=%7e&z=%41%zz") == "x=a%2Bb&y=~&z=A%25zz")
        #expect(SigV4Canonical.query("q=caf%C3%A9&r=café") == "q=caf%C3%A9&r=caf%C3%A9")
        #expect(SigV4Canonical.query("") == "")
        #expect(SigV4Canonical.query(nil) == "")
        #expect(SigV4Canonical.query("a=1&X-Amz-Signature=abc", excluding: "X-Amz-Signature") == "a=1")
    }

    @Test("header values are trimmed, whitespace runs collapsed, repeats joined by commas")
    func headerValues() {
        #expect(SigV4Canonical.headerValue(["  a   b \t c  "]) == "a b c")
        #expect(SigV4Canonical.headerValue(["one", "two  three"]) == "one,two three")
        #expect(SigV4Canonical.headerValue([]) == "")
        // ASCII values take a byte-wise path; the separators Python's split() knows are whitespace there too.
        #expect(SigV4Canonical.headerValue(["\u{1C}x\u{0B}\u{0C}y\r\n"]) == "x y")
        #expect(SigV4Canonical.headerValue(["\t\t"]) == "")
        // Unicode whitespace (an ideographic space, a no-break space) is whitespace to Python too.
        #expect(SigV4Canonical.headerValue(["東京\u{3000}大阪\u{A0} x"]) == "東京 大阪 x")
    }

    @Test("timestamps parse and print in UTC")
    func timestamps() {
        #expect(SigV4Timestamp.parseBasic("20240517T093000Z") == Date(timeIntervalSince1970: 1_715_938_200))
        #expect(SigV4Timestamp.parseBasic("20240230T000000Z") == nil)
        #expect(SigV4Timestamp.parseBasic("20240517T093000") == nil)
        #expect(SigV4Timestamp.parseHTTPDate("Fri, 17 May 2024 09:30:00 GMT") == Date(timeIntervalSince1970: 1_715_938_200))
        #expect(SigV4Timestamp.parseHTTPDate("Fri, 17 May 2024 11:30:00 +0200") == Date(timeIntervalSince1970: 1_715_938_200))
        #expect(SigV4Timestamp.formatBasic(Date(timeIntervalSince1970: 1_715_938_200)) == "20240517T093000Z")
        #expect(SigV4Timestamp.formatBasic(Date(timeIntervalSince1970: 951_782_400)) == "20000229T000000Z")
        #expect(SigV4Timestamp.formatBasic(Date(timeIntervalSince1970: -1)) == "19691231T235959Z")
    }
}
