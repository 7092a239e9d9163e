extension CoachLexicon {
    /// An AWS access key id: `AKIA` (long-term) or `ASIA` (temporary) and 16 more characters.
    static let accessKeyID = CoachPattern(#"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])"#, caseSensitive: true)
    /// A 40-character base64 run, the shape of an AWS secret access key; group 1 is the run.
    static let secretAccessKey = CoachPattern(#"(?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"#, caseSensitive: true)
    /// A label that says a secret follows.
    static let secretLabel = CoachPattern(
        CoachPattern.alternation([
            "secret", "aws_secret_access_key", "シークレット", #"비밀\s?키"#, "보안 액세스 키", "시크릿", "密钥", "秘密",
        ])
    )
    /// A password written after a label; group 1 is the value (never reported).
    static let password = CoachPattern(
        CoachPattern.asciiStart + #"(?:password|passwd|pwd|passphrase|pass)\s*[:=]\s*["'`]?([!-~]{4,})"#
            + "|" + CoachPattern.asciiStart + #"password\s+is\s+["'`]?([!-~]*[0-9!@#$%^&*_+=-][!-~]*)"#
            + #"|(?:パスワード|暗証番号)\s*(?:は|:|=)\s*["'`「]?([!-~]{4,})"#
            + #"|(?:비밀번호|패스워드|암호)\s*(?:는|은|:|=)\s*["'`]?([!-~]{4,})"#
            + #"|(?:密码|口令)\s*(?:是|为|:|=)\s*["'`“]?([!-~]{4,})"#
    )
    /// A password on a command line or in a connection string; group 1 is the value: `mysql … -pSecret` (not `-P3306`,
    /// the port), `--password=…`, `PGPASSWORD=…`, `IDENTIFIED BY '…'`, `postgres://user:secret@host`.
    static let commandPassword = CoachPattern(
        #"(?<![A-Za-z0-9_])mysql(?:admin|dump)?(?![A-Za-z0-9_])[^\n]{0,200}?\s(?-i:-p)(?!\s)["']?([^\s"']{4,})"#
            + #"|--password=["']?([^\s"']{4,})|PGPASSWORD=["']?([^\s"']{4,})|IDENTIFIED BY ["']([^"'\n]{4,})["']"#
            + #"|://[^:/\s@]+:([^@\s/]{4,})@"#
    )
    /// A password word and the rest of its line, at most 80 characters (group 1), in which a token that looks like a
    /// password and is given as the value (``CaseCoach/passwordToken(in:)``) counts: `changed the master password to Xk9#mP2v!q`,
    /// `비밀번호를 … Qwer!2345 로`.
    static let passwordNearby = CoachPattern(#"(?:password|passwd|パスワード|비밀번호|패스워드|密码|密碼|口令)([^\n]{0,80})"#)
    /// A user name, a spaced slash and a token (group 1), as `admin / Qw3rty!2026`; it counts only when the token looks
    /// like a password.
    static let userAndPassword = CoachPattern(#"(?<![!-~])[a-z][a-z0-9_-]{1,30}\s/\s?([!-~]{8,64})(?![!-~])"#)
    /// A PEM private key block header.
    static let privateKey = CoachPattern(#"-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY-----"#, caseSensitive: true)
    /// A run of 13 to 19 digits, optionally grouped by spaces or hyphens; checked further with Luhn.
    static let cardNumber = CoachPattern(#"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])"#)
    /// An email address.
    static let email = CoachPattern(
        #"(?<![A-Za-z0-9._%+!:/-])([A-Za-z0-9._%+-]{1,64})@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24})(?![A-Za-z0-9-])"#
    )
    /// A formatted phone number: `090-1234-5678`, `03-1234-5678`, `+81 90 1234 5678`, `(206) 555-0100`, `138 0013 8000`.
    static let phone = CoachPattern(
        #"(?<![\w.+-])(?:\+\d{1,3}[ -]?)?(?:\(\d{1,4}\)[ -]?|\d{2,4}[ -])\d{3,4}[ -]\d{4}(?![\w-])"#
    )
    /// A phone number after a label, formatted or not: `phone: 13800138000`, `電話 09012345678`, `전화 01012345678`.
    static let labeledPhone = CoachPattern(
        #"(?:phone|tel|mobile|cell|電話|携帯|전화|휴대폰|핸드폰|연락처|电话|手机)[^0-9\n]{0,12}\+?\d[\d -]{8,16}\d"#
    )
    /// Email domains and local parts that do not belong to a person.
    static let impersonalEmailDomains = ["example.com", "example.org", "example.net", "example.jp", "amazonaws.com", "amazon.com"]
    /// Local parts of addresses that do not belong to a person.
    static let impersonalEmailLocalParts = ["noreply", "no-reply", "donotreply", "do-not-reply", "mailer-daemon", "postmaster", "git"]
}
