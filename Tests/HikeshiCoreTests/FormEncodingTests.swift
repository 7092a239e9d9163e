import HikeshiCore
import Testing

/// `application/x-www-form-urlencoded`.
@Suite("FormEncoding")
struct FormEncodingTests {
    @Test("Encoding: '+' for space, %XX for everything outside letters, digits and *-._")
    func encoding() {
        #expect(FormEncoding.escape("a b&c=d/e+f%g~h*i-j.k_l") == "a+b%26c%3Dd%2Fe%2Bf%25g%7Eh*i-j.k_l")
        #expect(FormEncoding.escape("障害") == "%E9%9A%9C%E5%AE%B3")
        #expect(FormEncoding.escape("") == "")
        #expect(FormEncoding.encode([("To", "+81 90"), ("Body", "a&b")]) == "To=%2B81+90&Body=a%26b")
    }

    @Test("Decoding: '+' is a space, malformed escapes kept, empty pairs skipped, repeats kept")
    func decoding() {
        let fields = FormEncoding.decode("a=1&&b=x+y%20z&c&d=%E9%9A%9C&e=%ZZ%4&a=2&=v")
        #expect(fields.map(\.name) == ["a", "b", "c", "d", "e", "a", ""])
        #expect(fields.map(\.value) == ["1", "x y z", "", "障", "%ZZ%4", "2", "v"])
        #expect(FormEncoding.unescape("%ff%fe") == "\u{FFFD}\u{FFFD}")
        #expect(FormEncoding.decode("").isEmpty)
    }

    @Test(
        "Round trip",
        arguments: [
            "", " ", "+", "%", "&=&=", "a+b c", "line1\r\nline2", "障害が発生しました 🔥", "데이터베이스", "e\u{301} vs é",
            "~!@#$%^&*()_+-={}[]|\\:;\"'<>,.?/", "\u{0}\u{1F}",
        ]
    )
    func roundTrip(_ value: String) {
        let encoded = FormEncoding.encode([(value, value), ("k", value)])
        let decoded = FormEncoding.decode(encoded)
        #expect(decoded.count == 2)
        #expect(decoded.first?.name.unicodeScalars.elementsEqual(value.unicodeScalars) == true)
        #expect(decoded.first?.value.unicodeScalars.elementsEqual(value.unicodeScalars) == true)
        #expect(decoded.last?.value.unicodeScalars.elementsEqual(value.unicodeScalars) == true)
        #expect(encoded.utf8.allSatisfy { $0 < 0x80 && $0 > 0x20 })
    }
}
