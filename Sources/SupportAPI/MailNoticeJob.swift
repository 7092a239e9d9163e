import Foundation
import HikeshiCore
import Logging
import Scheduler
import Storage

/// The payload of an unknown-sender notice.
struct MailNotice: Codable, Sendable {
    /// The sender to answer.
    var address: String
    /// The language the sender wrote in.
    var language: SupportLanguage
    /// Its `Message-ID`, for `In-Reply-To`.
    var messageID: String?
}

/// Answers an email from an address no account has registered — once per address per day (the mail gate decides
/// that in the transaction that queues this job) — saying that no case was opened and how to register. The notice is
/// marked `Auto-Submitted: auto-replied`, so that well-behaved auto-responders do not answer it, and quotes nothing
/// of the message it answers (a forged sender cannot use the desk to reflect text).
public struct MailNoticeJob: JobHandler {
    /// The job kind.
    public static let jobKind = "support.mail-notice"
    /// The job kind.
    public let kind = Self.jobKind
    let mailer: (any CaseMailer)?
    let logger: Logger

    /// Creates the handler; without a mailer the notice is logged and dropped.
    public init(mailer: (any CaseMailer)?, logger: Logger) {
        self.mailer = mailer
        self.logger = logger
    }

    /// Sends one notice.
    public func run(_ job: Job) async throws {
        let notice = try job.payload(as: MailNotice.self)
        guard let mailer else {
            logger.warning("unknown-sender notice not sent: no SMTP configured", metadata: ["mail.language": .string(notice.language.rawValue)])
            return
        }
        var headers = [DeskMail.Header(DeskMail.markerHeader, "notice"), DeskMail.Header("Auto-Submitted", "auto-replied")]
        if let id = notice.messageID {
            headers.append(DeskMail.Header("In-Reply-To", "<\(id)>"))
        }
        let (subject, body) = Self.text(notice)
        try await mailer.send(DeskMail(recipients: [notice.address], subject: subject, body: body, headers: headers))
        logger.info("unknown-sender notice sent", metadata: ["mail.language": .string(notice.language.rawValue)])
    }

    /// The notice's subject and body, in the sender's language.
    static func text(_ notice: MailNotice) -> (String, String) {
        switch notice.language {
        case .japanese:
            return (
                "サポート窓口: お問い合わせは受け付けられませんでした",
                """
                サポート窓口へのメールをありがとうございます。

                このメールアドレス（\(notice.address)）はどのアカウントにも登録されていないため、ケースは作成されていません。
                アカウントの管理者か販売代理店に、このアドレスまたはドメインをサポート窓口に登録するよう依頼してください。
                登録後にもう一度お送りいただくか、コンソールまたは `aws support create-case` からケースを作成してください。

                このお知らせは自動送信です。同じアドレスには 1 日 1 回まで送られます。
                """
            )
        case .korean:
            return (
                "지원 창구: 문의가 접수되지 않았습니다",
                """
                지원 창구로 메일을 보내 주셔서 감사합니다.

                이 메일 주소(\(notice.address))는 어떤 계정에도 등록되어 있지 않아 케이스가 생성되지 않았습니다.
                계정 관리자나 리셀러에게 이 주소 또는 도메인을 지원 창구에 등록해 달라고 요청하십시오.
                등록 후 다시 보내 주시거나, 콘솔 또는 `aws support create-case`로 케이스를 생성하십시오.

                이 안내는 자동으로 발송되며, 같은 주소에는 하루에 한 번까지만 발송됩니다.
                """
            )
        case .chinese:
            return (
                "支持服务台：您的请求未被受理",
                """
                感谢您发送邮件至支持服务台。

                此邮件地址（\(notice.address)）未注册到任何账户，因此未创建支持案例。
                请联系您的账户管理员或经销商，将此地址或其域名注册到支持服务台。
                注册后请重新发送，或通过控制台或 `aws support create-case` 创建案例。

                本通知为自动发送，同一地址每天最多收到一次。
                """
            )
        case .english:
            return (
                "Support desk: your message did not open a case",
                """
                Thank you for writing to the support desk.

                Your address (\(notice.address)) is not registered to any account, so no case was opened.
                Ask your account's administrator or reseller to register this address or its domain with the desk,
                then send your message again — or open a case in the console or with `aws support create-case`.

                This notice is sent automatically, at most once a day to the same address.
                """
            )
        }
    }
}
