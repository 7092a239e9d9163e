import HikeshiCore
import Testing

/// Secrets and personal data are reported by kind, in every advice language, and never echoed.
@Suite("CaseCoach sensitive data")
struct CaseCoachSensitiveDataTests {
    /// One draft body, the kinds it must report, and the secret texts that must not appear in any finding.
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var body: String
        var kinds: [SensitiveDataKind]
        var secrets: [String]

        var testDescription: String { name }
    }

    static let keyID = "AKIAIOSFODNN7EXAMPLE"
    static let secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

    static let rows: [Row] = [
        Row(name: "access key id", body: "The CLI runs with key \(keyID) and fails.", kinds: [.awsAccessKeyID], secrets: [keyID]),
        Row(
            name: "temporary access key id", body: "Session credentials ASIAY34FZKBOKMUTVV7A were used.", kinds: [.awsAccessKeyID],
            secrets: ["ASIAY34FZKBOKMUTVV7A"]),
        Row(name: "secret key after label", body: "aws_secret_access_key = \(secretKey)", kinds: [.awsSecretAccessKey], secrets: [secretKey]),
        Row(
            name: "key pair", body: "~/.aws/credentials has\n\(keyID)\n\(secretKey)\n", kinds: [.awsAccessKeyID, .awsSecretAccessKey],
            secrets: [keyID, secretKey]),
        Row(
            name: "secret key, Japanese label", body: "シークレットアクセスキーは \(secretKey) です。", kinds: [.awsSecretAccessKey],
            secrets: [secretKey]),
        Row(
            name: "password, English", body: "The DB user is admin, password: Sup3r-Secret! and it fails.", kinds: [.password],
            secrets: ["Sup3r-Secret!"]),
        Row(name: "password is", body: "The password is hunter2!", kinds: [.password], secrets: ["hunter2!"]),
        Row(name: "password, Japanese", body: "マスターユーザーのパスワードは Hunter2xyz です。", kinds: [.password], secrets: ["Hunter2xyz"]),
        Row(name: "password, Korean", body: "마스터 사용자 비밀번호: qwerty123 입니다.", kinds: [.password], secrets: ["qwerty123"]),
        Row(name: "password, Chinese", body: "主用户的密码是 abc12345，无法登录。", kinds: [.password], secrets: ["abc12345"]),
        Row(
            name: "RSA private key",
            body: "Key file:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx1vZ9s8bQ0m\n-----END RSA PRIVATE KEY-----",
            kinds: [.privateKey], secrets: ["MIIEowIBAAKCAQEAx1vZ9s8bQ0m"]),
        Row(
            name: "OpenSSH private key", body: "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
            kinds: [.privateKey], secrets: ["b3BlbnNzaC1rZXktdjEAAAAA"]),
        Row(
            name: "card with spaces", body: "We were charged on card 4111 1111 1111 1111.", kinds: [.creditCardNumber],
            secrets: ["4111 1111 1111 1111"]),
        Row(name: "card with hyphens", body: "カード番号 5500-0000-0000-0004 で支払いました。", kinds: [.creditCardNumber], secrets: ["5500-0000-0000-0004"]),
        Row(name: "card digits only", body: "카드 번호 378282246310005 로 결제했습니다.", kinds: [.creditCardNumber], secrets: ["378282246310005"]),
        Row(
            name: "email", body: "Please reply to taro.yamada@corp-mail.co.jp directly.", kinds: [.emailAddress],
            secrets: ["taro.yamada@corp-mail.co.jp"]),
        Row(name: "Japanese mobile", body: "担当者の携帯は 090-1234-5678 です。", kinds: [.phoneNumber], secrets: ["090-1234-5678"]),
        Row(name: "international", body: "Call me at +1 206-555-0100.", kinds: [.phoneNumber], secrets: ["206-555-0100"]),
        Row(name: "Korean mobile", body: "연락처는 010-1234-5678 입니다.", kinds: [.phoneNumber], secrets: ["010-1234-5678"]),
        Row(name: "Chinese mobile, labelled", body: "联系人手机：13800138000。", kinds: [.phoneNumber], secrets: ["13800138000"]),
        Row(
            name: "mysql -p on a command line", body: "mysql -h db.example.internal -u admin -pS3cure!Pass2026 fails.", kinds: [.password],
            secrets: ["S3cure!Pass2026"]),
        Row(name: "--password flag", body: "psql --password=Tr0ub4dor&3 -h db", kinds: [.password], secrets: ["Tr0ub4dor&3"]),
        Row(
            name: "connection string", body: "DATABASE_URL=postgres://app:R3dW1ne!x@db.internal:5432/shop", kinds: [.password],
            secrets: ["R3dW1ne!x"]),
        Row(
            name: "password a few words on", body: "I changed the master password of prod-db-01 (ap-southeast-1) to Xk9#mP2v!qLw today.",
            kinds: [.password], secrets: ["Xk9#mP2v!qLw"]),
        Row(
            name: "password a few words on, Korean", body: "마스터 비밀번호를 콘솔에서 Qwer!2345678 로 변경했습니다.", kinds: [.password],
            secrets: ["Qwer!2345678"]),
        Row(name: "user / password", body: "用 admin / Qw3rty!2026 连接报错。", kinds: [.password], secrets: ["Qw3rty!2026"]),
        Row(
            name: "everything at once",
            body: "key \(keyID) / \(secretKey), password: Pa55word!, card 4111111111111111, mail hanako@corp.example.co, tel 03-1234-5678",
            kinds: [.awsAccessKeyID, .awsSecretAccessKey, .password, .creditCardNumber, .emailAddress, .phoneNumber],
            secrets: [keyID, secretKey, "Pa55word!", "4111111111111111", "hanako@corp.example.co", "03-1234-5678"]),
    ]

    @Test("reported by kind and never echoed", arguments: rows, SupportLanguage.allCases)
    func detected(_ row: Row, _ language: SupportLanguage) {
        let report = CaseCoach().review(CaseDraft(subject: "Help", body: row.body, language: language.rawValue))
        let findings = report.findings.filter { $0.code == "sensitive-data" }
        #expect(findings.map(\.detail) == row.kinds.map(\.rawValue))
        #expect(findings.allSatisfy { $0.kind == .mask })
        for finding in report.findings {
            for secret in row.secrets {
                #expect(!finding.message.contains(secret))
                #expect(!(finding.detail ?? "").contains(secret))
                #expect(!(finding.evidence ?? []).contains { $0.contains(secret) || (secret.count > 8 && $0.count > 5) })
            }
        }
        #expect(findings.allSatisfy { ($0.evidence ?? []).count == 1 }, "each kind quotes the start of what it found")
        for (finding, kind) in zip(findings, row.kinds) {
            #expect(finding.message == CoachMessages.message(for: kind, in: language))
            #expect(finding.message.contains(CoachMessages.name(of: kind, in: language)))
        }
    }

    static let harmless: [String] = [
        "password: ****",
        "password: <your-password>",
        "password=${DB_PASSWORD}",
        "I reset the password yesterday and the password is required for login.",
        "パスワードを変更しましたが、パスワードは正しいはずです。",
        "비밀번호는 변경했습니다.",
        "密码是正确的。",
        "commit da39a3ee5e6b4b0d3255bfef95601890afd80709 changed the secret rotation lambda",
        "Card 4111 1111 1111 1112 was declined.",
        "Mail noreply@example.com and no-reply@sns.amazonaws.com sent it.",
        "Account 1234-5678-9012 owns the role.",
        "Since 2026-01-05 10:30 JST, at epoch 1767607800000.",
        "Instance i-0123456789abcdef0 in account 123456789012, case 1234567890.",
        "AKIA**************** was rotated.",
        "Request id 8f2c1e7a-3b4d-4e5f-9a6b-7c8d9e0f1a2b.",
        "ERROR 1045 (28000): Access denied for user 'app'@'10.0.0.5' (using password: YES)",
        "mysql -h db -u admin -p'********' fails",
        "The password of prod-db-01 was rotated by Secrets Manager.",
        "logs / ap-northeast-1 / prod-app-2026 are kept",
    ]

    @Test("harmless text is not reported", arguments: harmless)
    func harmlessText(_ body: String) {
        let report = CaseCoach().review(CaseDraft(subject: "", body: body))
        #expect(!report.contains(.sensitiveData), "\(report.findings.compactMap(\.detail))")
    }

    @Test("masking costs more score than anything else")
    func scoreOfMasking() {
        var draft = CaseFixture.english.good
        draft.body += " The database password: Pa55word!"
        let report = CaseCoach().review(draft)
        #expect(report.codes == ["sensitive-data"])
        #expect(report.score == 100 - (CaseCoach.scorePenalties[.mask] ?? 0))
        #expect(report.findings.first?.kind == .mask)
    }
}
