import Foundation

/// The character sets a support desk's mail arrives in, by their MIME names, decoded with Foundation.
///
/// Japanese (ISO-2022-JP, Shift_JIS and its Windows form), Korean (EUC-KR and its superset CP949), Chinese (GB2312
/// and GBK read as GB18030, their superset; Big5) and the Unicode and Latin ones. An unknown or missing charset is
/// read as UTF-8, repairing what is not.
public enum MailCharset {
    /// Foundation's encodings beyond its named ones: CoreFoundation's encoding number with the high bit set (what
    /// `CFStringConvertEncodingToNSStringEncoding` gives), so that the domain needs Foundation only.
    static func coreFoundation(_ number: UInt) -> String.Encoding {
        String.Encoding(rawValue: 0x8000_0000 | number)
    }

    /// The encoding of a MIME charset name; nil when unknown.
    public static func encoding(named name: String) -> String.Encoding? {
        switch name.trimmingCharacters(in: .whitespaces).lowercased() {
        case "utf-8", "utf8": .utf8
        case "us-ascii", "ascii", "ansi_x3.4-1968": .ascii
        case "iso-8859-1", "latin1", "iso8859-1": .isoLatin1
        case "windows-1252", "cp1252": .windowsCP1252
        case "utf-16": .utf16
        case "iso-2022-jp", "csiso2022jp": .iso2022JP
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "windows-31j", "cp932", "ms932": .shiftJIS
        case "euc-kr", "ks_c_5601-1987", "cp949", "uhc", "ks_c_5601": coreFoundation(0x0940)  // kCFStringEncodingEUC_KR
        case "gb2312", "gbk", "gb18030", "cp936", "x-gbk", "euc-cn", "eucgb2312_cn", "euc_cn", "x-euc-cn", "csgb2312", "gb_2312-80":
            coreFoundation(0x0632)  // kCFStringEncodingGB_18030_2000
        case "big5", "big5-hkscs", "cp950": coreFoundation(0x0A03)  // kCFStringEncodingBig5
        default: nil
        }
    }

    /// `bytes` as text in `charset`; UTF-8 (repaired) when the charset is unknown or the bytes are not in it.
    public static func decode(_ bytes: [UInt8], charset: String?) -> String {
        if let charset, let encoding = encoding(named: charset), encoding != .utf8,
            let text = String(data: Data(bytes), encoding: encoding)
        {
            return text
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
