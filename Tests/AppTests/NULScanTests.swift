import Foundation
import Testing

@testable import App

@Suite("NUL pre-check")
struct NULScanTests {
    @Test(
        "a raw NUL or the escape \\u0000 anywhere sends the body to the exact check; other bodies skip it",
        arguments: [
            (#"{"Name":"a"}"#, false),
            (#"{"Name":"a\u0000b"}"#, true),
            (#"{"Name":"\u0000"}"#, true),
            (#"{"Name":"\u00001"}"#, true),
            (#"{"Name":"\u0001"}"#, false),
            (#"{"Name":"\\u000"}"#, false),
            (#"\u000"#, false),
            ("", false),
        ])
    func scan(body: String, expected: Bool) {
        #expect(AWSEndpoint.mayHoldNUL(Data(body.utf8)) == expected)
    }

    @Test("a raw NUL byte, first or last")
    func rawByte() {
        #expect(AWSEndpoint.mayHoldNUL(Data([0])))
        #expect(AWSEndpoint.mayHoldNUL(Data([0x7B, 0x7D, 0])))
        #expect(!AWSEndpoint.mayHoldNUL(Data([0x7B, 0x7D])))
    }
}
