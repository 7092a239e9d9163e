import AWSProtocol
import Foundation
import HikeshiTestSupport
import Identity
import SQLKit
import Storage
import Testing

@Suite("Identity")
struct IdentityTests {
    static let key = Data(repeating: 7, count: 32)

    @Test("sealed secrets open with their key only, and differ every time")
    func secretBox() throws {
        let box = try SecretBox(masterKey: Self.key)
        let first = try box.seal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        let second = try box.seal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        #expect(first != second)
        #expect(try box.open(first) == "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        let other = try SecretBox(masterKey: Data(repeating: 8, count: 32))
        #expect(throws: IdentityError.self) { try other.open(first) }
        #expect(throws: IdentityError.self) { try SecretBox(masterKey: Data(repeating: 1, count: 16)) }
    }

    @Test("keys are stored sealed and found by id", arguments: TestEngine.available)
    func keys(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let identity = IdentityService(store: SQLFamilyStore.identity(database), box: try SecretBox(masterKey: Self.key), logger: testLogger)
            try await identity.createAccount(id: "123456789012", name: "Customer")
            await #expect(throws: IdentityError.accountExists("123456789012")) {
                try await identity.createAccount(id: "123456789012", name: "Again")
            }
            await #expect(throws: IdentityError.invalidAccountID("12345")) {
                try await identity.createAccount(id: "12345", name: "Short")
            }
            let issued = try await identity.createAccessKey(accountID: "123456789012")
            #expect(issued.accessKeyID.hasPrefix("AKIA") && issued.accessKeyID.count == 20)
            #expect(issued.secretAccessKey.count == 40)
            #expect(try await identity.credential(for: issued.accessKeyID)?.secret == issued.secretAccessKey)
            #expect(try await identity.account(for: issued.accessKeyID) == "123456789012")
            #expect(
                try await identity.credential(for: issued.accessKeyID)
                    == SigV4Credential(secret: issued.secretAccessKey, owner: "123456789012"))
            #expect(try await identity.credential(for: "AKIANOSUCHKEY0000000") == nil)
            // A deactivated key signs nothing from then on (this node forgets it at once); reactivated, it works again.
            try await identity.setAccessKeyStatus(.inactive, accessKeyID: issued.accessKeyID, accountID: "123456789012")
            #expect(try await identity.credential(for: issued.accessKeyID) == nil)
            try await identity.setAccessKeyStatus(.active, accessKeyID: issued.accessKeyID, accountID: "123456789012")
            #expect(try await identity.credential(for: issued.accessKeyID)?.owner == "123456789012")
            #expect(try await identity.credential(for: "AKIANOSUCHKEY0000000")?.secret == nil)
            let stored = try await database.read { sql in
                try await sql.raw("SELECT sealed_secret FROM access_keys").all().map { try $0.decode(column: "sealed_secret", as: String.self) }
            }
            #expect(stored.count == 1)
            #expect(stored.allSatisfy { !$0.contains(issued.secretAccessKey) })
            await #expect(throws: IdentityError.noSuchAccount("999999999999")) {
                try await identity.createAccessKey(accountID: "999999999999")
            }
        }
    }

    @Test("bootstrap from the environment is idempotent and refuses a changed secret", arguments: TestEngine.available)
    func ensure(engine: TestEngine) async throws {
        try await withTestDatabase(engine) { database, _ in
            let identity = IdentityService(store: SQLFamilyStore.identity(database), box: try SecretBox(masterKey: Self.key), logger: testLogger)
            try await identity.ensure(accountID: "111111111111", name: "admin", accessKeyID: "AKIAADMIN00000000000", secret: "s3cret")
            try await identity.ensure(accountID: "111111111111", name: "admin", accessKeyID: "AKIAADMIN00000000000", secret: "s3cret")
            #expect(try await identity.credential(for: "AKIAADMIN00000000000")?.secret == "s3cret")
            let fresh = IdentityService(store: SQLFamilyStore.identity(database), box: try SecretBox(masterKey: Self.key), logger: testLogger)
            await #expect(throws: IdentityError.keyExists("AKIAADMIN00000000000")) {
                try await fresh.ensure(accountID: "111111111111", name: "admin", accessKeyID: "AKIAADMIN00000000000", secret: "changed")
            }
        }
    }

    @Test("the master key file is made once, read back, and never replaced when it cannot be read")
    func masterKeyFile() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "hikeshi-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let made = try MasterKey.load(base64: nil, dataDirectory: directory)
        #expect(made.count == 32)
        #expect(try MasterKey.load(base64: nil, dataDirectory: directory) == made)
        // Unreadable text (not UTF-8): an error that names the file; the file keeps its bytes.
        let file = directory.appending(path: "master.key")
        let garbage = Data([0xFF, 0xFE, 0x00, 0x80])
        try garbage.write(to: file)
        #expect(throws: IdentityError.self) { try MasterKey.load(base64: nil, dataDirectory: directory) }
        #expect(try Data(contentsOf: file) == garbage)
    }
}
