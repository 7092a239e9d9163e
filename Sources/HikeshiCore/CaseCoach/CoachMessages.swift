import Foundation

/// The localized advice texts of the case coach, in English, Japanese, Korean and Chinese.
///
/// The wording is the coach's own, after AWS's guidelines for technical support cases.
public enum CoachMessages {
    /// The advice for `check` in `language`.
    public static func message(for check: CoachCheck, in language: SupportLanguage) -> String {
        table(for: language).checks[check] ?? english.checks[check] ?? check.code
    }

    /// The advice for a kind of sensitive data in `language`; it names the kind, never the data.
    public static func message(for kind: SensitiveDataKind, in language: SupportLanguage) -> String {
        let table = table(for: language)
        let text = table.sensitiveTemplate.replacingOccurrences(of: "{kind}", with: name(of: kind, in: language))
        return kind.isCredential ? text + table.credentialNote : text
    }

    /// The name of a kind of sensitive data in `language`, e.g. "a password" or "パスワード".
    public static func name(of kind: SensitiveDataKind, in language: SupportLanguage) -> String {
        table(for: language).sensitiveNames[kind] ?? english.sensitiveNames[kind] ?? kind.rawValue
    }

    static func table(for language: SupportLanguage) -> CoachMessageTable {
        switch language {
        case .english: return english
        case .japanese: return japanese
        case .korean: return korean
        case .chinese: return chinese
        }
    }
}
