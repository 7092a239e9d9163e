/// The admin pages' words.
struct AdminStrings: Sendable {
    let title: String
}

extension AdminStrings {
    static let english = AdminStrings(title: "Admin")
    static let japanese = AdminStrings(title: "管理")
    static let korean = AdminStrings(title: "관리")
    static let chinese = AdminStrings(title: "管理")
}
