/// Random identifiers and secrets in the alphabets AWS uses.
public enum RandomToken {
    private static let upperAlphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    private static let secretAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    /// An access key id: `AKIA` or the given prefix followed by 16 upper-case base-32 characters.
    public static func accessKeyID(prefix: String = "AKIA") -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix + String((0..<16).map { _ in upperAlphanumerics.randomElement(using: &generator) ?? "A" })
    }

    /// A 40-character secret access key.
    public static func secretAccessKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<40).map { _ in secretAlphabet.randomElement(using: &generator) ?? "A" })
    }

    /// A numeric code of `digits` digits, such as a channel activation code.
    public static func numericCode(digits: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }

    /// `bytes` random bytes as lower-case hex (ids and URL secrets).
    public static func hex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes * 2)
        for _ in 0..<bytes {
            let byte = Int(UInt8.random(in: 0...255, using: &generator))
            text.append(digits[byte >> 4])
            text.append(digits[byte & 0xF])
        }
        return text
    }
}
