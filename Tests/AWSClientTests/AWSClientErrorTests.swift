import Foundation
import Testing

@testable import AWSClient

/// Reading AWS JSON 1.1 error answers the way botocore does, and deciding what is worth retrying.
@Suite("AWSClientError")
struct AWSClientErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var status: Int
        var headers: [(name: String, value: String)] = []
        var body: String
        var code: String?
        var message: String
        var retryable: Bool

        var testDescription: String { "\(status) \(body.prefix(60))" }
    }

    static let cases = [
        Case(
            status: 400, body: #"{"__type":"com.amazon#ThrottlingException","message":"Rate exceeded"}"#, code: "ThrottlingException",
            message: "Rate exceeded", retryable: true),
        Case(
            status: 400, body: #"{"__type":"ValidationException","Message":"1 validation error detected"}"#, code: "ValidationException",
            message: "1 validation error detected", retryable: false),
        Case(
            status: 400, body: #"{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException:extra"}"#,
            code: "ProvisionedThroughputExceededException", message: "", retryable: true),
        Case(
            status: 400, body: #"{"__type":"TooManyRequestsException","message":"slow"}"#, code: "TooManyRequestsException", message: "slow",
            retryable: true),
        Case(status: 400, body: #"{"__type":"RequestLimitExceeded"}"#, code: "RequestLimitExceeded", message: "", retryable: true),
        Case(
            status: 400, headers: [("X-Amzn-ErrorType", "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/")],
            body: "", code: "AccessDeniedException", message: "", retryable: false),
        Case(
            status: 404, headers: [("x-amzn-errortype", "WrongCode")],
            body: #"{"__type":"aws.protocoltests#ResourceNotFoundException","message":"gone"}"#, code: "ResourceNotFoundException",
            message: "gone", retryable: false),
        Case(
            status: 403, body: #"{"__type":"InvalidSignatureException","message":"The request signature we calculated does not match"}"#,
            code: "InvalidSignatureException", message: "The request signature we calculated does not match", retryable: false),
        Case(status: 429, body: "{}", code: nil, message: "", retryable: true),
        Case(status: 500, body: "", code: nil, message: "", retryable: true),
        Case(status: 500, body: #"{"__type":"InternalFailure","message":"boom"}"#, code: "InternalFailure", message: "boom", retryable: true),
        Case(
            status: 503, body: "<html>\n<body>Service Unavailable</body>\n</html>", code: nil,
            message: "<html> <body>Service Unavailable</body> </html>", retryable: true),
        Case(status: 400, body: #"{"__type":"com.amazon#","message":"no name"}"#, code: nil, message: "no name", retryable: false),
    ]

    @Test("codes, messages and retryability of error answers", arguments: cases)
    func serviceErrors(_ sample: Case) {
        let error = AWSClientError.service(status: sample.status, headers: sample.headers, body: Data(sample.body.utf8))
        #expect(error.kind == .service)
        #expect(error.code == sample.code)
        #expect(error.message == sample.message)
        #expect(error.statusCode == sample.status)
        #expect(error.isRetryable == sample.retryable)
    }

    @Test("the request id comes from x-amzn-RequestId")
    func requestID() {
        let error = AWSClientError.service(
            status: 400, headers: [("X-Amzn-RequestId", "7f1c-22")], body: Data(#"{"__type":"ValidationException"}"#.utf8))
        #expect(error.requestID == "7f1c-22")
    }

    @Test("a long non-JSON body is cut to 200 bytes")
    func longBody() {
        let error = AWSClientError.service(status: 502, headers: [], body: Data(String(repeating: "x", count: 1000).utf8))
        #expect(error.message == String(repeating: "x", count: 200) + "…")
    }

    @Test("transport failures and timeouts are retryable; the rest are not")
    func kinds() {
        #expect(AWSClientError.transport("connection refused").isRetryable)
        #expect(AWSClientError.timeout("no answer").isRetryable)
        #expect(!AWSClientError.invalidResponse("not JSON", statusCode: 200).isRetryable)
        #expect(!AWSClientError.invalidRequest("bad endpoint").isRetryable)
        #expect(!AWSClientError.credentials("no profile").isRetryable)
        #expect(!AWSClientError.cancelled().isRetryable)
        #expect(!AWSClientError(kind: .service, message: "no status").isRetryable)
    }

    @Test("descriptions are one line with the code, status, message, request id and retryability")
    func descriptions() {
        let throttled = AWSClientError.service(
            status: 400, headers: [("x-amzn-RequestId", "r-1")],
            body: Data(#"{"__type":"com.amazon#ThrottlingException","message":"Rate\nexceeded"}"#.utf8))
        #expect(throttled.description == "ThrottlingException (HTTP 400): Rate exceeded [request r-1] (retryable)")

        let invalid = AWSClientError.service(status: 400, headers: [], body: Data(#"{"__type":"ValidationException","message":"bad"}"#.utf8))
        #expect(invalid.description == "ValidationException (HTTP 400): bad")

        let bare = AWSClientError.service(status: 502, headers: [], body: Data())
        #expect(bare.description == "service error (HTTP 502) (retryable)")

        #expect(AWSClientError.timeout("no answer from x").description == "timed out: no answer from x (retryable)")
        #expect(AWSClientError.credentials("profile 'a'\nnot found").description == "credentials unavailable: profile 'a' not found")
        #expect(
            AWSClientError.invalidResponse("cannot decode", statusCode: 200, requestID: "r-2").description
                == "invalid response (HTTP 200): cannot decode [request r-2]")
    }
}
