/// A small, stable, platform-independent hash for keys that must be the same on every run and machine (not for
/// security): 64-bit FNV-1a.
public enum StableHash {
    /// The 64-bit FNV-1a hash of `bytes`.
    public static func fnv1a64(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The same hash as lower-case hex.
    public static func fnv1a64Hex(_ bytes: some Sequence<UInt8>) -> String {
        String(fnv1a64(bytes), radix: 16)
    }
}
