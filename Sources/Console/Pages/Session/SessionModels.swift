/// The sign-in form.
struct SignInModel: Sendable {
    let csrf: String
    let next: String
    let account: String
    let userName: String
    let refusal: String?
}

/// One choice of a `<select>` or radio group.
struct Choice: Sendable {
    let value: String
    let label: String
    let selected: Bool
}

/// The settings page.
struct SettingsModel: Sendable {
    let languages: [Choice]
    let timeZone: String
    let zones: [String]
    let themes: [Choice]
    let mustChange: Bool
    let errors: [String]
}
