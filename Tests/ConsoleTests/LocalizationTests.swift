import Foundation
import HikeshiCore
import Testing

@testable import Console

@Suite("Console languages and times")
struct LocalizationTests {
    @Test(
        "Accept-Language picks the best supported language by q-value",
        arguments: [
            ("ja-JP,ja;q=0.9,en;q=0.8", SupportLanguage.japanese), ("fr-FR,ko;q=0.7,en;q=0.3", .korean), ("en-US", .english),
            ("zh-TW,zh;q=0.9", .chinese), ("de,fr;q=0.5", nil), ("en;q=0.1, ja;q=0.2", .japanese), ("ja;q=0, en", .english), ("", nil),
        ])
    func acceptLanguage(header: String, expected: SupportLanguage?) {
        #expect(LanguageNegotiation.preferred(header) == expected)
    }

    @Test("the user's setting beats the menu's cookie, which beats the browser")
    func precedence() {
        #expect(LanguageNegotiation.language(setting: .korean, cookie: "ja", acceptLanguage: "zh") == .korean)
        #expect(LanguageNegotiation.language(setting: nil, cookie: "ja", acceptLanguage: "zh") == .japanese)
        #expect(LanguageNegotiation.language(setting: nil, cookie: "xx", acceptLanguage: "zh-CN") == .chinese)
        #expect(LanguageNegotiation.language(setting: nil, cookie: nil, acceptLanguage: nil) == .english)
    }

    @Test("offsets follow daylight saving time, and zones are named by id and offset")
    func offsets() throws {
        let winter = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00Z
        let summer = Date(timeIntervalSince1970: 1_782_864_000)  // 2026-07-01T00:00Z
        let newYork = TimeFormatter(language: .english, timeZoneID: "America/New_York")
        #expect(newYork.offset(at: winter) == "UTC-05:00")
        #expect(newYork.offset(at: summer) == "UTC-04:00")
        let berlin = TimeFormatter(language: .english, timeZoneID: "Europe/Berlin")
        #expect(berlin.offset(at: winter) == "UTC+01:00")
        #expect(berlin.offset(at: summer) == "UTC+02:00")
        let tokyo = TimeFormatter(language: .japanese, timeZoneID: "Asia/Tokyo")
        #expect(tokyo.zoneName(at: summer) == "Asia/Tokyo (UTC+09:00)")
        #expect(tokyo.time(winter) == "9:00:00")
        #expect(TimeFormatter(language: .english, timeZoneID: "Not/AZone").zoneName(at: winter) == "UTC (UTC+00:00)")
    }

    @Test("a datetime-local value is read in the viewer's zone, and an impossible date is refused")
    func localDateTime() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tokyo") ?? .gmt
        #expect(ConsoleRoutes.localDateTime("2026-01-01T09:00", calendar: calendar) == Date(timeIntervalSince1970: 1_767_225_600))
        #expect(ConsoleRoutes.localDateTime("2026-02-30T09:00", calendar: calendar) == nil)
        #expect(ConsoleRoutes.localDateTime("yesterday", calendar: calendar) == nil)
    }

    @Test("only console paths are followed after sign-in")
    func safeNext() {
        #expect(ConsoleRoutes.safeNext("/console/incidents") == "/console/incidents")
        #expect(ConsoleRoutes.safeNext("https://evil.example/") == "/console/")
        #expect(ConsoleRoutes.safeNext("//evil.example/console/") == "/console/")
        #expect(ConsoleRoutes.safeNext("/console/\\evil") == "/console/")
        #expect(ConsoleRoutes.safeNext(nil) == "/console/")
    }

    @Test("form bodies decode plus signs, percent escapes and repeated fields")
    func formData() {
        let form = FormData(urlEncoded: "a=1+2%21&b=&b=x&c")
        #expect(form["a"] == "1 2!")
        #expect(form.all("b") == ["", "x"])
        #expect(form.text("b") == nil)
        #expect(form["c"] == "")
        #expect(form["d"] == nil)
    }
}

@Suite("Runbook step Markdown")
struct MarkdownBlockTests {
    @Test("headings, paragraphs joined across lines, list items and fenced code become text blocks; markup stays text")
    func blocks() {
        let blocks = MarkdownBlock.parse("# Triage\nDetermine **customer**\nimpact.\n\n- one\n2. two\n```\n<b>x</b>\n```\n<script>")
        #expect(blocks.map(\.text) == ["Triage", "Determine customer impact.", "one", "two", "<b>x</b>", "<script>"])
        #expect(blocks.map(\.isHeading) == [true, false, false, false, false, false])
        #expect(blocks.map(\.isItem) == [false, false, true, true, false, false])
        #expect(blocks.map(\.isCode) == [false, false, false, false, true, false])
        #expect(MarkdownBlock.parse("") == [])
    }
}

@Suite("Console cookies")
struct CookieTests {
    @Test("cookies are HttpOnly and SameSite=Lax under /console, Secure only when asked; a header is read by name")
    func cookies() {
        #expect(Cookies.set("a", "b", secure: false) == "a=b; Path=/console; SameSite=Lax; HttpOnly")
        #expect(Cookies.set("a", "b", secure: true, maxAge: 60) == "a=b; Path=/console; SameSite=Lax; HttpOnly; Secure; Max-Age=60")
        #expect(Cookies.clear("a", secure: false).hasSuffix("Max-Age=0"))
        #expect(Cookies.value("hikeshi_session", in: "x=1; hikeshi_session=abc; y=2") == "abc")
        #expect(Cookies.value("hikeshi_session", in: "hikeshi_sessionx=abc") == nil)
        #expect(Cookies.value("a", in: nil) == nil)
    }
}
