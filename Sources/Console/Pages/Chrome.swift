import HikeshiCore

/// What the layout shows around every page: language, theme, navigation, the signed-in user and the CSRF token.
struct Chrome: Sendable {
    /// One link of the main navigation.
    struct NavItem: Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    /// One entry of the language menu.
    struct LanguageItem: Sendable {
        let code: String
        let name: String
        let htmlLang: String
        let current: Bool
    }

    let htmlLang: String
    let title: String
    let theme: String
    let cssPath: String
    let jsPath: String
    let path: String
    let csrf: String
    let signedIn: Bool
    let userName: String
    let roleLabel: String
    let accountID: String
    let nav: [NavItem]
    let languages: [LanguageItem]
    let notice: String?
    let zoneNote: String

    /// The languages of the menu, each written in itself.
    static func languages(current: SupportLanguage) -> [LanguageItem] {
        SupportLanguage.allCases.map { LanguageItem(code: $0.rawValue, name: $0.nativeName, htmlLang: $0.htmlLang, current: $0 == current) }
    }
}

/// The value a page template renders: the strings, the layout's facts and the page's own typed model.
struct PageEnvelope: Sendable {
    let t: ConsoleStrings
    let chrome: Chrome
    let m: any Sendable
}
