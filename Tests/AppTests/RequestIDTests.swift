import Foundation
import Testing

@testable import App

@Suite("request ids")
struct RequestIDTests {
    @Test("the mixer is SplitMix64 (its published first output for seed 0)")
    func mixer() {
        #expect(RequestID.mix(0) == 0xE220_A839_7B1D_CDAF)
        #expect(RequestID.mix(0x9E37_79B9_7F4A_7C15) == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("ids are UUID-shaped lowercase hex, and distinct")
    func shapeAndUniqueness() throws {
        let pattern = try Regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
        var seen = Set<String>()
        for _ in 0..<20_000 {
            let id = RequestID.next()
            #expect(id.wholeMatch(of: pattern) != nil, "\(id)")
            seen.insert(id)
        }
        #expect(seen.count == 20_000)
    }

    @Test("the permutation maps distinct counts to distinct values and does not keep their order or distance")
    func permutation() {
        let values = (0..<50_000).map { RequestID.permute(UInt64($0)) }
        #expect(Set(values).count == values.count)
        // Consecutive counts do not give consecutive (or evenly spaced) values.
        let steps = Set(zip(values, values.dropFirst()).map { $1 &- $0 })
        #expect(steps.count > 49_000)
    }

    @Test("the 128 bits are printed in order, 8-4-4-4-12")
    func format() {
        #expect(
            RequestID.format(high: 0x0123_4567_89AB_CDEF, low: 0xFEDC_BA98_7654_3210) == "01234567-89ab-cdef-fedc-ba9876543210")
        #expect(RequestID.format(high: 0, low: 0) == "00000000-0000-0000-0000-000000000000")
    }
}
