import Foundation
import Testing

@testable import Console

@Suite("Password hasher")
struct PasswordHasherTests {
    @Test("the decoy is a hash at the hasher's own cost, so an unknown name costs what a wrong password costs")
    func decoyCost() async throws {
        #expect(PasswordHasher(cost: 12).decoy.hasPrefix("$2b$12$"))
        let cheap = PasswordHasher(cost: 4)
        let decoy = cheap.decoy
        #expect(decoy.hasPrefix("$2b$04$"))
        // Made once, then the same for every unknown name.
        #expect(cheap.decoy == decoy)
        #expect(try await cheap.verify("any password", hash: decoy) == false)
    }

    @Test("the production decoy is a well-formed cost-12 hash that no password tried here matches")
    func productionDecoy() async throws {
        let hasher = PasswordHasher(cost: 12)
        #expect(try await hasher.verify("", hash: PasswordHasher.productionDecoy) == false)
        #expect(try await hasher.hash("x").hasPrefix("$2b$12$"))
        // A malformed constant would also fail to verify, but instantly: check its form (22 characters of salt and 31 of
        // hash in bcrypt's base64 alphabet after `$2b$12$`).
        let body = PasswordHasher.productionDecoy.dropFirst("$2b$12$".count)
        let alphabet = Set("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        #expect(PasswordHasher.productionDecoy.hasPrefix("$2b$12$"))
        #expect(body.count == 53 && body.allSatisfy { alphabet.contains($0) })
    }
}
