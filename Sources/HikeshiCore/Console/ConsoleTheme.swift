/// A console user's colour scheme.
public enum ConsoleTheme: String, CaseIterable, Sendable, Codable, Hashable {
    /// Follows the device (`prefers-color-scheme`).
    case system
    /// Light.
    case light
    /// Dark.
    case dark
}
