/// Fast ASCII helpers for the signature path, which runs on every request: they avoid Foundation's
/// Unicode-aware `CharacterSet` trimming and locale-aware comparison.
extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingASCIIWhitespace: Substring {
        let view = Substring(self)
        var start = view.utf8.startIndex
        var end = view.utf8.endIndex
        while start < end, view.utf8[start] == 0x20 || view.utf8[start] == 0x09 {
            start = view.utf8.index(after: start)
        }
        while end > start {
            let before = view.utf8.index(before: end)
            guard view.utf8[before] == 0x20 || view.utf8[before] == 0x09 else { break }
            end = before
        }
        return view[start..<end]
    }

    /// Whether the text equals `other`, ignoring the case of ASCII letters.
    func equalsIgnoringASCIICase(_ other: some StringProtocol) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        let contiguous = utf8.withContiguousStorageIfAvailable { left in
            other.utf8.withContiguousStorageIfAvailable { right in
                for index in 0..<left.count where left[index] != right[index] {
                    guard Self.lowered(left[index]) == Self.lowered(right[index]) else { return false }
                }
                return true
            }
        }
        if let contiguous = contiguous ?? nil { return contiguous }
        for (left, right) in zip(utf8, other.utf8) where left != right {
            guard Self.lowered(left) == Self.lowered(right) else { return false }
        }
        return true
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
