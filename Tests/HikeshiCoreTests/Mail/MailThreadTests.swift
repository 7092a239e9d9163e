import Foundation
import HikeshiCore
import Testing

/// How a desk email finds its case and what of a reply is new.
@Suite("Mail threads")
struct MailThreadTests {
    @Test(
        "The display id in a subject",
        arguments: [
            ("Re: [Case 1234567890] Instance unreachable", "1234567890"),
            ("RE: Case #1234567890 – still failing", "1234567890"),
            ("case: 1234567890", "1234567890"),
            ("［Ｃａｓｅ １２３４５６７８９０］ 返信", "1234567890"),
            ("Showcase 1234567890", nil),
            ("Case 12345678901 is not ten digits", nil),
            ("Case 123456789", nil),
            ("Invoice 1234567890", nil),
        ] as [(String, String?)])
    func subject(_ subject: String, _ expected: String?) {
        #expect(MailThread.displayID(inSubject: subject) == expected)
    }

    @Test("A reference to one of the desk's messages names its case before the subject does")
    func references() throws {
        let raw = """
            From: ops@example.com
            Subject: Re: [Case 1111111111] old subject
            In-Reply-To: <case.2222222222.comm-abc@desk.example.com>
            References: <other@example.com> <case.2222222222.comm-abc@desk.example.com>

            thanks
            """
        let message = try MailMessage(parsing: Array(raw.utf8))
        #expect(MailThread.displayIDs(of: message) == ["2222222222", "1111111111"])
        #expect(MailThread.messageIDLocalPart(displayID: "2222222222", communicationID: "comm-abc") == "case.2222222222.comm-abc")
    }

    @Test(
        "Reply prefixes and the case tag leave the subject",
        arguments: [
            ("Re: Re: [Case 1234567890] EC2 down", "EC2 down"),
            ("RE[2]: Fwd: RDS slow", "RDS slow"),
            ("返信: 転送：S3 のアクセス拒否", "S3 のアクセス拒否"),
            ("답장: 문의드립니다", "문의드립니다"),
            ("回复：数据库连接失败", "数据库连接失败"),
            ("Report on reread", "Report on reread"),
            ("  [Important] Rebooting  ", "[Important] Rebooting"),
        ])
    func cleanSubject(_ subject: String, _ expected: String) {
        #expect(MailThread.cleanSubject(subject) == expected)
    }

    @Test("A reply keeps only what is above the quoted message")
    func newText() {
        let english =
            "It happens again at 10:15 JST.\n\nOn Mon, 7 Dec 2026 at 09:00, Desk <desk@example.com> wrote:\n> Please send the log.\n> Thanks"
        #expect(MailThread.newText(ofReply: english) == "It happens again at 10:15 JST.")
        let japanese = "ログを添付します。\n\n2026年12月7日(月) 9:00 Desk <desk@example.com>:\n> ログを送ってください。"
        #expect(MailThread.newText(ofReply: japanese) == "ログを添付します。")
        let outlook = "Done.\n-----Original Message-----\nFrom: Desk\nSubject: x"
        #expect(MailThread.newText(ofReply: outlook) == "Done.")
        let outlookHeader =
            "Done, rebooted.\n\n________________________________\nFrom: Desk <desk@example.com>\nSent: Monday, December 7, 2026 9:00\nTo: ops\nSubject: x\n\nPlease reboot."
        #expect(MailThread.newText(ofReply: outlookHeader) == "Done, rebooted.")
        let outlookJapanese = "再起動しました。\n\n差出人: Desk <desk@example.com>\n送信日時: 2026年12月7日 9:00\n宛先: ops\n件名: x\n\n再起動してください。"
        #expect(MailThread.newText(ofReply: outlookJapanese) == "再起動しました。")
        let inline = "> Is it still happening?\nYes, every hour.\n> Which region?\nap-northeast-1"
        #expect(MailThread.newText(ofReply: inline) == inline, "answers between quotes are kept whole")
        let onlyQuote = "> quoted only"
        #expect(MailThread.newText(ofReply: onlyQuote) == onlyQuote, "nothing new: the whole text is kept rather than nothing")
    }

    @Test(
        "The language of a message, from its script",
        arguments: [
            ("EC2 instance i-0abc is unreachable since 10:15 JST", SupportLanguage.english),
            ("EC2 インスタンスに接続できません。", .japanese),
            ("本番環境の障害について", .japanese),
            ("EC2 인스턴스에 접속할 수 없습니다.", .korean),
            ("无法连接到 EC2 实例，请帮忙检查。", .chinese),
            ("Our service in 東京 is down; the error says AccessDenied for every request we send.", .english),
            ("", .english),
        ])
    func language(_ text: String, _ expected: SupportLanguage) {
        #expect(SupportLanguage.detected(in: text) == expected)
    }

    @Test("Japanese with a long stack trace is Japanese; kanji alone is Japanese for a Japanese account, Chinese otherwise")
    func languageEdges() {
        let trace = (1...60).map { "    at com.example.orders.Pool.acquire(Pool.java:\($0))" }.joined(separator: "\n")
        #expect(SupportLanguage.detected(in: "接続プールが枯渇します。ログを貼ります。\n" + trace) == .japanese)
        #expect(SupportLanguage.detected(in: "本番環境停止中。至急対応願。", hint: .japanese) == .japanese)
        #expect(SupportLanguage.detected(in: "本番環境停止中。至急対応願。") == .chinese)
        #expect(SupportLanguage.detected(in: "生产环境停止，请尽快处理。", hint: .english) == .chinese)
        #expect(SupportLanguage.detected(in: "Thanks for the quick answer! ありがとう from the Osaka team, we will reboot tonight.") == .english)
    }
}

/// The null sender, as mail servers write it.
@Suite("Mail bounces")
struct MailBounceTests {
    @Test(
        "an empty Return-Path and Postfix pipe's MAILER-DAEMON stand-in are the null sender; an address is not",
        arguments: [
            ("<>", true), ("<MAILER-DAEMON>", true), ("mailer-daemon", true), ("<ops@example.com>", false),
            ("<mailer-daemon.ops@example.com>", false),
        ])
    func nullSender(_ returnPath: String, _ automatic: Bool) throws {
        let raw = "Return-Path: \(returnPath)\nFrom: ops@example.com\nSubject: EC2\n\ni-0abc does not answer."
        #expect(try MailMessage(parsing: Array(raw.utf8)).isAutomatic == automatic)
    }
}
