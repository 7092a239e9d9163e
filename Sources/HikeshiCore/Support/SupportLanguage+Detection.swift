import Foundation

extension SupportLanguage {
    /// The language a text is written in, read from its script. Hangul is Korean; kana is Japanese; Han characters
    /// without kana are Chinese — or Japanese when `hint` (the account's language) is Japanese, since a terse
    /// Japanese message can be kanji alone. A sentence of CJK text is taken for the language even beside a long
    /// pasted log or stack trace, while a name or a word of Japanese in an English message does not make it
    /// Japanese. Anything else is English.
    public static func detected(in text: String, hint: SupportLanguage? = nil) -> SupportLanguage {
        var latin = 0
        var hangul = 0
        var kana = 0
        var han = 0
        for scalar in text.unicodeScalars.prefix(40_000) {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A: latin += 1
            case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F: hangul += 1
            case 0x3040...0x309F, 0x30A1...0x30FA, 0x31F0...0x31FF, 0xFF66...0xFF9D: kana += 1
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF: han += 1
            default: break
            }
        }
        let cjk = hangul + kana + han
        // A sentence or two of CJK makes the text CJK, however long the pasted log; a few characters do only in a
        // short text (one CJK character weighs about as much as ten Latin letters): a name or a word of Japanese in
        // an English message does not.
        guard cjk >= 10 || (cjk >= 3 && cjk * 10 >= latin) else { return .english }
        if hangul >= 3, hangul >= kana { return .korean }
        if kana >= 2 { return .japanese }
        guard han >= 3 else { return .english }
        return hint == .japanese ? .japanese : .chinese
    }
}
