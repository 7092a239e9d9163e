/// A country whose public holidays `HolidayRules` knows, by ISO 3166-1 alpha-2 code.
public enum HolidayCountry: String, CaseIterable, Codable, Sendable {
    /// Japan (国民の祝日).
    case jp = "JP"
    /// South Korea (공휴일).
    case kr = "KR"
    /// The United States (federal holidays with their observed days).
    case us = "US"
    /// China, mainland (法定节假日, with the State Council's yearly arrangements).
    case cn = "CN"

    /// The country for a code, in any letter case (`"jp"`, `"JP"`); nil when unknown.
    public init?(code: String) {
        self.init(rawValue: code.uppercased())
    }
}
