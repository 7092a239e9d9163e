/// A console user on the users page.
struct UserRow: Sendable {
    let userID: String
    let userName: String
    let roleLabel: String
    let roles: [Choice]
    let disabled: Bool
    let stateLabel: String
    let created: TimeView
    let isSelf: Bool
}

/// The users page; `created` carries a just-made user's password (shown once).
struct UsersModel: Sendable {
    let users: [UserRow]
    let roles: [Choice]
    let created: String?
    let errors: [String]
}

/// An access key on the keys page.
struct KeyRow: Sendable {
    let accessKeyID: String
    let active: Bool
    let stateLabel: String
    let created: TimeView
}

/// The access keys page; `secret` is set only on the answer to creating a key.
struct KeysModel: Sendable {
    let keys: [KeyRow]
    let newKeyID: String?
    let secret: String?
}
