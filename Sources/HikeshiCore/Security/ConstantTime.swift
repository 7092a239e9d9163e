/// Comparison of secrets (signatures, codes) in time that depends only on their lengths.
public enum ConstantTime {
    /// Whether two byte strings are equal, looking at every byte.
    public static func equal(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices {
            difference |= lhs[index] ^ rhs[index]
        }
        return difference == 0
    }

    /// Whether two strings' UTF-8 bytes are equal, looking at every byte.
    public static func equal(_ lhs: String, _ rhs: String) -> Bool {
        equal(Array(lhs.utf8), Array(rhs.utf8))
    }
}
