import Console
import HikeshiCore
import Identity

/// The console's admin pages over the identity service: list, create and (de)activate an account's access keys.
struct IdentityAccessKeys: ConsoleAccessKeys {
    let identity: IdentityService

    func accessKeys(accountID: String) async throws -> [ConsoleAccessKey] {
        try await identity.accessKeys(accountID: accountID).map {
            ConsoleAccessKey(accessKeyID: $0.accessKeyID, status: $0.status, createdAt: $0.createdAt)
        }
    }

    func createAccessKey(accountID: String) async throws -> (accessKeyID: String, secret: String) {
        let issued = try await identity.createAccessKey(accountID: accountID)
        return (issued.accessKeyID, issued.secretAccessKey)
    }

    func setStatus(_ status: AccessKeyStatus, accessKeyID: String, accountID: String) async throws -> Bool {
        do {
            try await identity.setAccessKeyStatus(status, accessKeyID: accessKeyID, accountID: accountID)
            return true
        } catch let error as IdentityError where error == .noSuchKey(accessKeyID) {
            return false
        }
    }
}
