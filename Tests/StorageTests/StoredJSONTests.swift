import Foundation
import Storage
import Testing

@Suite("Stored JSON")
struct StoredJSONTests {
    @Test(
        "a stored list of strings reads as the decoder reads it",
        arguments: [
            [], [""], ["a"],
            ["arn:aws:ssm-contacts:us-east-1:111122223333:contact/alice", "arn:aws:ssm-contacts:us-east-1:111122223333:contact/bob"],
            ["東京", "서울", "😀"], ["a\"b", "c\\d", "line\nbreak", "\u{1}"], ["\u{301}x", "x\u{301}"], ["", "", ""], [",", "\",\"", "[", "]"],
        ] as [[String]])
    func strings(_ value: [String]) throws {
        let text = try StoredJSON.encode(value)
        #expect(try StoredJSON.strings(from: text, what: "test") == value)
    }

    @Test("text that is not a list of strings is refused as the decoder refuses it")
    func refused() throws {
        for text in [#"["]"#, #"["a""]"#, #"["a"],["b"]"#, "[1]", "", "[", #"{"a":"b"}"#, #"["a" ,"b"]x"#] {
            #expect(throws: StorageError.self, "\(text)") { try StoredJSON.strings(from: text, what: "test") }
        }
        // Spacing the encoder never writes still reads, through the decoder.
        #expect(try StoredJSON.strings(from: #"[ "a" , "b" ]"#, what: "test") == ["a", "b"])
    }
}
