extension ConsoleTemplates {
    /// The on-call pages.
    static let oncall: [String: String] = [:]
}
