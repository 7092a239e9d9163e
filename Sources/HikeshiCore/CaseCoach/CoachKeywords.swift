/// Keyword fragments (regular expressions) for one signal, in each language AWS Support answers in.
///
/// The coach scans every draft with all four lists, whatever the draft's language: a Japanese body filed with
/// language `en` is still read sensibly. Only the advice follows the draft's language.
struct CoachKeywords: Sendable {
    /// English fragments.
    var english: [String]
    /// Japanese fragments.
    var japanese: [String]
    /// Korean fragments.
    var korean: [String]
    /// Chinese fragments.
    var chinese: [String]

    /// The fragments of every language.
    var all: [String] { english + japanese + korean + chinese }

    /// The fragments of one language.
    func fragments(in language: SupportLanguage) -> [String] {
        switch language {
        case .english: return english
        case .japanese: return japanese
        case .korean: return korean
        case .chinese: return chinese
        }
    }
}
