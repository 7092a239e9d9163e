import Foundation
import HikeshiCore
import Mustache
import Testing

@testable import Console

@Suite("Console templates")
struct TemplateTests {
    @Test("every template parses, and every page or fragment has a full fixture")
    func everyTemplateHasAFixture() throws {
        _ = try ConsoleTemplates.library()
        let covered = Set(Fixtures.models.keys).union(Fixtures.partials)
        #expect(Set(ConsoleTemplates.sources.keys).subtracting(covered).sorted() == [])
        #expect(covered.subtracting(ConsoleTemplates.sources.keys).sorted() == [])
    }

    @Test("every tag of every template names a field of its view model, the strings or the layout", arguments: SupportLanguage.allCases)
    func tagsResolve(language: SupportLanguage) {
        var checker = TemplateChecker(sources: ConsoleTemplates.sources)
        for (name, model) in Fixtures.models.sorted(by: { $0.key < $1.key }) {
            let envelope = PageEnvelope(t: ConsoleStrings.table(for: language), chrome: Fixtures.chrome(language), m: model)
            checker.check(name, root: envelope)
            checker.check("layout", root: envelope)
        }
        #expect(checker.problems == [])
    }

    @Test("pages render in every language with html lang, and user text is escaped", arguments: SupportLanguage.allCases)
    func rendersEscaped(language: SupportLanguage) throws {
        let library = try ConsoleTemplates.library()
        for (name, model) in Fixtures.models {
            let envelope = PageEnvelope(t: ConsoleStrings.table(for: language), chrome: Fixtures.chrome(language), m: model)
            let html = try #require(library.render(envelope, withTemplate: name), "\(name)")
            #expect(!html.contains("{{"), "\(name)")
            #expect(!html.contains("<script>alert"), "\(name) shows a script unescaped")
            #expect(!html.contains("<img src=x"), "\(name) shows markup unescaped")
            if !name.contains("rows") && !name.contains("tiles") {
                #expect(html.contains("<html lang=\"\(language.htmlLang)\""), "\(name)")
            }
        }
    }

    @Test("no string is empty in any language, and placeholders agree across languages")
    func stringsComplete() {
        let tables = SupportLanguage.allCases.map { ($0, Self.flatten(ConsoleStrings.table(for: $0))) }
        let english = Dictionary(uniqueKeysWithValues: tables[0].1)
        for (language, strings) in tables {
            for (key, value) in strings {
                #expect(!value.isEmpty, "\(language) \(key) is empty")
                #expect(
                    value.components(separatedBy: "%@").count == english[key]?.components(separatedBy: "%@").count, "\(language) \(key) placeholders")
            }
        }
    }

    @Test("a Japanese, Korean or Chinese table repeats no English sentence (the untranslated-text check)")
    func translated() {
        let english = Self.flatten(ConsoleStrings.table(for: .english))
        let allowed: Set<String> = ["Hikeshi", "ARN"]
        for language in [SupportLanguage.japanese, .korean, .chinese] {
            for (key, value) in Self.flatten(ConsoleStrings.table(for: language)) where !allowed.contains(value) {
                let same = english.first { $0.0 == key }?.1 == value
                #expect(!same, "\(language) \(key) is still English: \(value)")
            }
        }
    }

    static func flatten(_ strings: ConsoleStrings) -> [(String, String)] {
        Mirror(reflecting: strings).children.flatMap { area in
            Mirror(reflecting: area.value).children.compactMap { child in
                (child.value as? String).map { ("\(area.label ?? "").\(child.label ?? "")", $0) }
            }
        }
    }
}

@Suite("The template checker")
struct TemplateCheckerTests {
    struct Item { let name: String }
    struct Model {
        let items: [Item]
        let none: String?
        let flag: Bool
    }

    @Test("it reports a misspelt name, a name missing inside a section, an empty fixture list and a nil optional")
    func reports() {
        let sources = [
            "page":
                "{{m.itemz}}{{#m.items}}{{name}}{{nam}}{{/m.items}}{{m.none}}{{#m.flag}}{{m.flag}}{{/m.flag}}{{^empty(m.items)}}{{/empty(m.items)}}",
            "other": "{{#m.items}}{{name}}{{/m.items}}",
        ]
        var wrapped = TemplateChecker(sources: sources)
        struct Root { let m: Model }
        wrapped.check("page", root: Root(m: Model(items: [Item(name: "a")], none: nil, flag: true)))
        #expect(wrapped.problems == ["page: {{m.itemz}} does not resolve", "page: {{nam}} does not resolve", "page: fixture leaves {{m.none}} nil"])
        var empty = TemplateChecker(sources: sources)
        empty.check("other", root: Root(m: Model(items: [], none: "x", flag: false)))
        #expect(empty.problems == ["other: fixture list m.items is empty", "other: {{name}} does not resolve"])
    }
}

@Suite("Console escaping")
struct EscapingTests {
    @Test("a quote with a combining mark cannot close an attribute, in a page, a partial or the layout")
    func combiningQuote() throws {
        let library = try ConsoleTemplates.library()
        let payload = "x\"\u{301} autofocus data-x=\"y"
        let row = IncidentRow(
            href: "/console/incidents/p/1", title: payload, impact: 1, impactLabel: payload, statusLabel: payload, statusRaw: payload,
            statusClass: "open", created: Fixtures.time, age: payload)
        var chrome = Fixtures.chrome(.english)
        chrome = Chrome(
            htmlLang: "en", title: payload, theme: "dark", cssPath: chrome.cssPath, jsPath: chrome.jsPath, path: payload, csrf: payload,
            signedIn: true,
            userName: payload, roleLabel: payload, accountID: payload, nav: chrome.nav, languages: chrome.languages, notice: payload,
            zoneNote: payload)
        let model = IncidentListModel(open: [row], resolved: [row], canStart: true, fragmentHref: payload, moreHref: payload, firstHref: payload)
        let html = try #require(
            library.render(PageEnvelope(t: ConsoleStrings.table(for: .english), chrome: chrome, m: model), withTemplate: "incident-list"))
        // Compared by scalar: String comparison would see the quote and its mark as one Character.
        let scalars = Array(html.unicodeScalars.map(\.value))
        func has(_ text: String) -> Bool {
            let needle = Array(text.unicodeScalars.map(\.value))
            return scalars.indices.contains { start in scalars[start...].starts(with: needle) }
        }
        let mark = String(UnicodeScalar(0x301) ?? " ")
        let raw = "\"" + mark + " autofocus"
        let escaped = "&quot;" + mark + " autofocus"
        let rawFound = has(raw)
        let escapedFound = has(escaped)
        #expect(!rawFound, "a raw quote before the combining mark closes an attribute")
        #expect(escapedFound)
        let sample = "a\"" + mark + "<b>&'"
        let expected = "a&quot;" + mark + "&lt;b&gt;&amp;&#39;"
        let result = ScalarHTMLContentType().escapeText(sample)
        #expect(result == expected)
    }
}
