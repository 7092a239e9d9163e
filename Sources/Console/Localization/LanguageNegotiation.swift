import HikeshiCore

/// Chooses a page's language: the user's setting, then the `hikeshi_lang` cookie (the language menu), then the browser's
/// `Accept-Language` by its q-values, then English.
enum LanguageNegotiation {
    /// The language for a request.
    static func language(setting: SupportLanguage?, cookie: String?, acceptLanguage: String?) -> SupportLanguage {
        if let setting { return setting }
        if let cookie, let language = SupportLanguage(code: cookie) { return language }
        return acceptLanguage.flatMap(preferred) ?? .english
    }

    /// The best supported language of an `Accept-Language` header (`ja-JP,ja;q=0.9,en;q=0.8`); ties keep header order.
    static func preferred(_ header: String) -> SupportLanguage? {
        var best: (language: SupportLanguage, q: Double, index: Int)?
        for (index, part) in header.split(separator: ",").prefix(32).enumerated() {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty else { continue }
            var q = 1.0
            for parameter in pieces.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                q = Double(parameter.dropFirst(2)) ?? 0
            }
            let primary = String(tag.split(separator: "-").first ?? Substring(tag))
            guard q > 0, let language = SupportLanguage(code: primary) else { continue }
            if q > (best?.q ?? -1) { best = (language, q, index) }
        }
        return best?.language
    }
}

extension SupportLanguage {
    /// The value of `<html lang>`: Chinese is written in Simplified characters.
    var htmlLang: String {
        switch self {
        case .english: "en"
        case .japanese: "ja"
        case .korean: "ko"
        case .chinese: "zh-Hans"
        }
    }

    /// The ICU locale for dates, times and numbers.
    var localeIdentifier: String {
        switch self {
        case .english: "en_US"
        case .japanese: "ja_JP"
        case .korean: "ko_KR"
        case .chinese: "zh_Hans_CN"
        }
    }
}
