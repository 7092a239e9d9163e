import HikeshiCore
import Mustache

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
///
/// The renderer reads it through `MustacheParent` rather than reflection: the string tables are flattened into
/// dictionaries once per language and the layout's facts once per page, because every `{{t.…}}` and `{{chrome.…}}` tag
/// inside a list row would otherwise reflect over a table of a hundred strings again; the page's model is turned into
/// dictionaries and arrays once, so each tag of each row is a dictionary lookup instead of a reflection (a page of 50
/// timeline events rendered in 20 ms before, in release).
///
/// A class: the renderer casts the root object at every tag it resolves from the root, and a struct holding every
/// string table would be copied (hundreds of retains) each time.
final class PageEnvelope: MustacheParent {
    let t: ConsoleStrings
    let chrome: Chrome
    let m: any Sendable
    private let chromeValues: [String: Any]
    private let modelTree: Any

    init(t: ConsoleStrings, chrome: Chrome, m: any Sendable) {
        self.t = t
        self.chrome = chrome
        self.m = m
        self.chromeValues = Reflection.values(of: chrome)
        self.modelTree = Reflection.tree(m)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "t": ConsoleStrings.rendered[t.language]
        case "chrome": chromeValues
        case "m": modelTree
        default: nil
        }
    }
}

/// Stored properties as dictionaries, for the renderer.
enum Reflection {
    /// A view model as nested dictionaries (structs), arrays and plain values (strings, numbers, booleans); nil optionals
    /// are left out, as reflection would leave them unrendered.
    static func tree(_ value: Any) -> Any {
        switch value {
        case is String, is Bool, is Int, is Double:
            return value
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { tree($0.value) } ?? Optional<Any>.none as Any
        case .collection, .set:
            return mirror.children.map { tree($0.value) }
        case .struct, .class:
            var values: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                let inner = Mirror(reflecting: child.value)
                if inner.displayStyle == .optional {
                    if let wrapped = inner.children.first?.value { values[label] = tree(wrapped) }
                } else {
                    values[label] = tree(child.value)
                }
            }
            return values
        default:
            return value
        }
    }

    /// The stored properties of `object` by name; nil optionals are left out (they render as absent, as reflection
    /// would), and nested values are kept as they are.
    static func values(of object: Any) -> [String: Any] {
        var values: [String: Any] = [:]
        for child in Mirror(reflecting: object).children {
            guard let label = child.label else { continue }
            let mirror = Mirror(reflecting: child.value)
            if mirror.displayStyle == .optional {
                if let wrapped = mirror.children.first?.value { values[label] = wrapped }
            } else {
                values[label] = child.value
            }
        }
        return values
    }
}
