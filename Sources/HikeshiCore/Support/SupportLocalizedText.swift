import Foundation

/// A short text in each of the four support languages, as the catalogue stores names.
struct SupportLocalizedText: Sendable, Hashable {
    /// The English text.
    let english: String
    /// The Japanese text.
    let japanese: String
    /// The Korean text.
    let korean: String
    /// The Chinese (simplified) text.
    let chinese: String

    /// The text in `language`.
    func text(in language: SupportLanguage) -> String {
        switch language {
        case .english: english
        case .japanese: japanese
        case .korean: korean
        case .chinese: chinese
        }
    }
}
