import Foundation

extension DocumentValue {
    /// JSON text as a value; nil when the text is not JSON (or nests deeper than ``jsonDepthLimit``).
    init?(json text: String) {
        guard Self.nestingDepth(of: text) <= Self.jsonDepthLimit, let decoded = try? JSONDecoder().decode(DocumentValue.self, from: Data(text.utf8))
        else { return nil }
        self = decoded
    }

    /// The deepest nesting JSON read here may have (decoding recurses).
    public static let jsonDepthLimit = 64

    /// The deepest bracket nesting of JSON text, outside strings (checked before decoding, which recurses).
    public static func nestingDepth(of json: String) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in json.utf8 {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}
