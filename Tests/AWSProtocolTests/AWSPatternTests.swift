import AWSProtocol
import Foundation
import Testing

@Suite("Model patterns")
struct AWSPatternTests {
    /// Every pattern literal the generated validators pass to `validator.pattern(_:_:at:)`, read from the sources.
    static func generatedPatterns() throws -> Set<String> {
        let sources = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "Sources")
        let call = #/validator\.pattern\(\s*[^,]+,\s*(#+)"(.*?)"\1,\s*at:/#
        var patterns: Set<String> = []
        let modules = try FileManager.default.contentsOfDirectory(atPath: sources.path()).filter { $0.hasSuffix("Model") }
        for module in modules {
            let generated = sources.appending(path: module).appending(path: "Generated")
            for file in try FileManager.default.contentsOfDirectory(atPath: generated.path()) where file.hasSuffix(".swift") {
                let text = try String(contentsOf: generated.appending(path: file), encoding: .utf8)
                for match in text.matches(of: call) {
                    patterns.insert(String(match.output.2))
                }
            }
        }
        return patterns
    }

    @Test func everyGeneratedPatternCompiles() throws {
        let patterns = try Self.generatedPatterns()
        // The models hold 33 distinct patterns today (the ssm model carries only the operations served); finding fewer
        // means the scan broke.
        #expect(patterns.count >= 33)
        for pattern in patterns {
            #expect(AWSPattern.compiles(pattern), "pattern does not compile: \(pattern)")
        }
    }

    @Test func aPatternThatDoesNotCompileRefusesTheValue() {
        #expect(!AWSPattern.compiles("[unclosed"))
        var validator = AWSValidator()
        validator.pattern("anything", "[unclosed", at: AWSFieldPath())
        #expect(validator.violations.count == 1)
    }
}
