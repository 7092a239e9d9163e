extension ConsoleTemplates {
    /// The admin pages.
    static let admin: [String: String] = [:]
}
