/// Checks for account ids: twelve decimal digits, as AWS has them.
public enum AccountID {
    /// Whether `text` is a valid account id.
    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
