import Synchronization

/// Request ids (`x-amzn-RequestId`): UUID-shaped lowercase hex, unique within a process and, with a random
/// per-process seed, across the nodes of a deployment.
///
/// `UUID()` asks the kernel for 16 random bytes on every call (a `getrandom` system call), which cost as much as a
/// tenth of a signed read. Here the id is a counter passed through a keyed permutation: a four-round Feistel network
/// whose round function is SipHash (`Hasher`, seeded at random in each process), so ids are distinct (a permutation
/// maps distinct counts to distinct values) and say nothing of the counter — two ids do not tell a caller how many
/// requests the server answered in between.
enum RequestID {
    private static let seed = UInt64.random(in: .min ... .max)
    private static let counter = Atomic<UInt64>(0)

    /// The next id, e.g. `3f2a9c1e-77b0-4d52-a1e9-0c6b3d8f4e21`.
    static func next() -> String {
        let count = counter.wrappingAdd(1, ordering: .relaxed).newValue
        let high = permute(count)
        let low = mix(high ^ seed)
        return format(high: high, low: low)
    }

    /// A keyed permutation of 64-bit values (Feistel, four rounds of SipHash on 32-bit halves).
    static func permute(_ value: UInt64) -> UInt64 {
        var left = UInt32(truncatingIfNeeded: value >> 32)
        var right = UInt32(truncatingIfNeeded: value)
        for round in 0..<4 {
            var hasher = Hasher()
            hasher.combine(round)
            hasher.combine(right)
            (left, right) = (right, left ^ UInt32(truncatingIfNeeded: hasher.finalize()))
        }
        return UInt64(left) << 32 | UInt64(right)
    }

    /// SplitMix64's finaliser: a bijection on 64-bit values that spreads every input bit over the output.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 128 bits as `8-4-4-4-12` lowercase hex.
    static func format(high: UInt64, low: UInt64) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var index = 0
            func put(_ value: UInt64, nibbles: Int) {
                for shift in stride(from: (nibbles - 1) * 4, through: 0, by: -4) {
                    buffer[index] = digits.utf8Start[Int((value >> UInt64(shift)) & 0xF)]
                    index += 1
                }
            }
            func dash() {
                buffer[index] = UInt8(ascii: "-")
                index += 1
            }
            put(high >> 32, nibbles: 8)
            dash()
            put(high >> 16, nibbles: 4)
            dash()
            put(high, nibbles: 4)
            dash()
            put(low >> 48, nibbles: 4)
            dash()
            put(low, nibbles: 12)
            return index
        }
    }
}
