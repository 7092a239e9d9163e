import Foundation
import HikeshiCore

@testable import Console

extension Fixtures {
    /// The admin area's page templates with full models.
    static let adminModels: [String: any Sendable] = [
        "admin-users": UsersModel(
            users: [
                UserRow(
                    userID: "cu-1", userName: hostile, roleLabel: "Responder", roles: [choice], disabled: true, stateLabel: "Disabled", created: time,
                    isSelf: false)
            ], roles: [choice], created: hostile, errors: [hostile]),
        "admin-keys": KeysModel(
            keys: [KeyRow(accessKeyID: "AKIA1", active: true, stateLabel: "Active", created: time)], newKeyID: "AKIA2", secret: hostile),
    ]
    /// The admin area's partials.
    static let adminPartials: Set<String> = ["admin-tabs"]
}
