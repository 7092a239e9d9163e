extension CoachLexicon {
    // MARK: Questions

    /// Phrases that ask a question or make a request, besides `?`.
    static let questionKeywords = CoachKeywords(
        english: English.question, japanese: Japanese.question, korean: Korean.question, chinese: Chinese.question
    )
    /// A question or request phrase.
    static let questionPhrase = CoachPattern(keywords: questionKeywords)
    /// A question mark, half or full width.
    static let questionMark = CoachPattern("[?？]")
    /// A URL, removed before counting question marks (query strings have `?`).
    static let url = CoachPattern(#"(?:https?|s3)://[^\s<>"'「」“”]+"#)
    /// A numbered item at the start of a line: `1.`, `2)`, `(3)`, `Q4`, `一、` (`①` arrives as `(1)`, see ``CoachText``).
    static let numberedItem = CoachPattern(#"^[ \t]*(?:\d{1,2}[.)、](?!\d)|\(\d{1,2}\)|Q\d{1,2}(?![0-9])|[一二三四五六七八九十][、.])"#)
    /// Words that open another matter in the same draft: `Separately:`, `別件ですが`, `그리고 별건으로`, `另外一个问题`.
    static let anotherMatter = CoachPattern(
        CoachPattern.alternation([
            #"separately[:,]"#, #"(?:another|a different|an unrelated|a separate) (?:question|matter|topic|issue)"#,
            #"on a different (?:note|topic)"#, #"unrelated(?: to (?:this|the above))?[:,]"#, "別件", "別の質問", "話は変わ", "それとは別に",
            "별건", "별개로", #"다른\s?질문"#, "另外", "另一个问题", "另一個問題", "还有一个问题",
        ])
    )

    // MARK: Problems and errors

    /// Words that describe a problem or an event (a failure, an outage, an error).
    static let problemKeywords = CoachKeywords(
        english: English.problem, japanese: Japanese.problem, korean: Korean.problem, chinese: Chinese.problem
    )
    /// A problem or event is described.
    static let problem = CoachPattern(keywords: problemKeywords)

    /// Words that mention an error.
    static let errorKeywords = CoachKeywords(
        english: English.error, japanese: Japanese.error, korean: Korean.error, chinese: Chinese.error
    )
    /// An error is mentioned.
    static let errorMention = CoachPattern(keywords: errorKeywords)
    /// A quoted message: double quotes, curly quotes, corner brackets, backticks.
    static let quotedText = CoachPattern(
        #""[^"\n]{3,300}"|“[^”\n]{3,300}”|「[^」\n]{3,300}」|『[^』\n]{3,300}』|`[^`\n]{3,300}`"#
            + #"|(?<![A-Za-z0-9])'[^'\n]{8,300}'(?![A-Za-z0-9])"#
    )
    /// A line of pasted output: led by a log level, a timestamp, an exception name, or a program's `name: ` prefix
    /// with an error word further on (`ssh: connect to host…: Connection timed out`, `ERROR 1045 (28000): …`; not
    /// `region: ap-northeast-1`).
    static let pastedLine = CoachPattern(
        #"^(?:[ \t]*(?:【[^】\n]{1,16}】|\[[^\]\n]{1,16}\])?[ \t]*"#
            + #"(?:\[?\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}|(?:ERROR|FATAL|CRITICAL|WARN(?:ING)?|PANIC)(?![A-Za-z])"#
            + #"|(?:[A-Z][A-Za-z]+)?(?:Error|Exception)\b|Traceback|[a-z][a-z0-9_.-]{1,20}: (?=[^\n]*"#
            + #"(?i:error|fail|denied|refused|timed? ?out|unable|cannot|can't|invalid|not found|exception|reset|unreachable)))"#
            + #"[!-~ ]{6,})"#,
        caseSensitive: true
    )
    /// A run of printable ASCII of four words or more: in a draft written in Japanese, Korean or Chinese, a message,
    /// log line or command pasted as it was shown when it also holds a colon, a digit or a parenthesis
    /// (``CaseCoach/holdsPastedOutput(_:)``; ids, ARNs and URLs have no spaces, service names no digits).
    static let asciiRun = CoachPattern(#"(?<![!-~])[!-~]+(?: [!-~]+){3,}"#, caseSensitive: true)
    /// Services whose name people use for their resource (`本番の EC2 が落ちた`, `my rds`, `CloudFront 报错`), and resource
    /// kinds named the same in every language.
    static let serviceResource = CoachPattern(
        CoachPattern.alternation([
            "EC2", "RDS", "Aurora", "ECS", "EKS", "Fargate", "CloudFront", "ElastiCache", "Redshift", "OpenSearch", "DocumentDB",
            "Neptune", "MSK", "EMR", "Lambda", "API Gateway", "Kinesis", "SQS", "SNS", "EFS", "FSx", #"snapshots?"#, "AMIs?",
            #"Auto ?Scaling groups?"#, "ASGs?", "NAT", "VPN", "Direct Connect", "Transit Gateway",
        ])
    )
    /// A resource name anywhere: lower-case words joined by hyphens or underscores, with a digit (`prod-db-01`) or of
    /// three parts or more (`web-asg-prod`); region codes and joined English words (`point-in-time`) are told apart by
    /// ``CaseCoach/isResourceName(_:)``.
    static let resourceName = CoachPattern(
        #"(?<![A-Za-z0-9_./:@-])[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+(?![A-Za-z0-9_-])"#, caseSensitive: true)
    /// An error-code-like token, matched case-sensitively: `AccessDenied`, `ThrottlingException`, `InvalidParameterValue`,
    /// `ORA-00942`, `ECONNREFUSED`, `StatusCheckFailed_System`.
    static let errorCode = CoachPattern(
        CoachPattern.asciiStart
            + #"(?:(?:[A-Z][a-z0-9]+)+(?:Exception|Error|Fault|Denied|Exceeded|NotFound|Failed|Failure|Unavailable|Throttled"#
            + #"|Mismatch|Conflict|Expired|InUse|Forbidden|Timeout)(?:_[A-Za-z]+)?"#
            + #"|(?:Invalid|NoSuch|Unauthorized|Insufficient|Unsupported|Missing|Malformed|Incorrect|Duplicate|Unrecognized|Unknown)"#
            + #"[A-Z][A-Za-z0-9]*(?:\.[A-Za-z]+)?"#
            + #"|AccessDenied|SlowDown|Throttling|OptInRequired|AuthFailure|[A-Z]{2,6}-\d{3,5}"#
            + #"|E(?:CONNREFUSED|CONNRESET|TIMEDOUT|HOSTUNREACH|ADDRINUSE|NOENT|ACCES))"#
            + CoachPattern.asciiEnd,
        caseSensitive: true
    )
    /// An HTTP status code: `5xx`, `HTTP 503`, `status 404`, or a common error status on its own.
    static let statusCode = CoachPattern(
        CoachPattern.asciiStart
            + #"(?:[45]xx|(?:HTTP|status(?: code)?|ステータス(?:コード)?|상태 ?코드|状态码)\s*[:=]?\s*[1-5]\d\d"#
            + #"|(?<![\d.,])(?:400|401|403|404|408|409|413|429|500|502|503|504)(?![\d.,%])(?!\s*(?:GB|MB|KB|TB|GiB|MiB|ms|件|個|개|个|円|원|元)))"#
            + CoachPattern.asciiEnd
    )
    /// A request id: a UUID, or a value after a request-id label.
    static let requestID = CoachPattern(
        #"(?<![A-Za-z0-9_-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#
            + #"|(?:request[ _-]?id|x-amzn?-request-?id|x-amz-id-2|リクエスト\s?ID|요청\s?ID|请求\s?ID)"#
            + #"\s*(?:は|는|은|为|是|:|=)?\s*[A-Za-z0-9*][A-Za-z0-9*/+=-]{2,}"#
    )

    // MARK: Resources

    /// Words that name a resource.
    static let resourceKeywords = CoachKeywords(
        english: English.resource, japanese: Japanese.resource, korean: Korean.resource, chinese: Chinese.resource
    )
    /// A resource is mentioned.
    static let resourceMention = CoachPattern(keywords: resourceKeywords)
    /// A resource id, ARN, S3 URI or AWS host name: `i-0123…`, `vol-…`, `sg-…`, `arn:aws:…`, `s3://…`,
    /// `….rds.amazonaws.com`. Masked ids such as `i-***` count: the author chose to hide them.
    static let resourceID = CoachPattern(
        #"(?<![A-Za-z0-9_-])(?:i|vol|snap|ami|sg|subnet|vpc|eni|igw|nat|rtb|acl|eipalloc|tgw|tgw-attach|vpce|pcx|lt|fs|fsap|db|cluster|eigw)-"#
            + #"(?:[0-9a-f]{8,17}|[0-9a-z]{26}|[0-9a-z]{0,8}(?:\*{2,}|x{4,})[0-9a-z]{0,8})(?![A-Za-z0-9_])"#
            + #"|(?<![A-Za-z0-9_])arn:aws[a-z-]*:[a-z0-9-]+:|(?<![A-Za-z0-9_])s3://[a-z0-9]"#
            + #"|(?<![A-Za-z0-9.-])[a-z0-9][a-z0-9.-]{0,200}\.amazonaws\.com"#
    )
    /// A resource named after a label: `name: web-1`, `DB identifier: prod-db`, `instance ID: …`, `名前：…`, `이름: …`,
    /// `名称：…` (a request id label does not count).
    static let labeledID = CoachPattern(
        CoachPattern.asciiStart
            + #"(?:identifier|name|ARN|(?:instance|resource|volume|DB|cluster|インスタンス|リソース|ボリューム|인스턴스|리소스|볼륨|实例|资源|卷)\s?ID"#
            + #"|名前|識別子|식별자|이름|标识符|名称)\s*(?:は|는|은|为|是|:|=)\s*["'`「]?[A-Za-z0-9][A-Za-z0-9._/*-]+"#
    )
    /// A resource word followed by a hyphenated name, e.g. `bucket my-logs`, `関数 order-api`; group 1 is the name.
    static let namedResource = CoachPattern(
        CoachPattern.alternation(resourceKeywords.all)
            + #"(?:\s|[:="'`「『(\[]|named|called|name|id|이름|名前|名称|[はがをの]|[은는이가]){0,6}"#
            + #"([A-Za-z0-9]+(?:[-_][A-Za-z0-9*]+)+)(?![A-Za-z0-9_])"#,
        requiring: resourceKeywords
    )

    // MARK: Regions

    /// A region code such as `ap-northeast-1` (or an Availability Zone such as `ap-northeast-1a`, `apne1-az1`).
    static let regionCode = CoachPattern(
        #"(?<![A-Za-z0-9_-])(?:us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov|us-iso|us-isob)-"#
            + #"(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d{1,2}[a-f]?(?![A-Za-z0-9_])"#
            + #"|(?<![A-Za-z0-9_])[a-z]{3,5}\d-az\d(?![A-Za-z0-9_])"#
    )
    /// Region names, as the region consoles spell them.
    static let regionNameKeywords = CoachKeywords(
        english: English.regionName, japanese: Japanese.regionName, korean: Korean.regionName, chinese: Chinese.regionName
    )
    /// Words for "region".
    static let regionWordKeywords = CoachKeywords(
        english: English.regionWord, japanese: Japanese.regionWord, korean: Korean.regionWord, chinese: Chinese.regionWord
    )
    /// A region named in words: `Tokyo region`, `東京リージョン`, `서울 리전`, `北京区域`, `region: Oregon`,
    /// `US East (N. Virginia)`.
    static let regionName: CoachPattern = {
        let names = CoachPattern.alternation(regionNameKeywords.all)
        let word = CoachPattern.alternation(regionWordKeywords.all)
        let area = #"(?:US East|US West|Asia Pacific|Europe|South America|Canada|Middle East|Africa|Israel|Mexico|China|AWS GovCloud(?: \(US\))?)"#
        return CoachPattern(
            names + #"\s*\(?\s*"# + word
                + "|" + word + #"\s*(?:[:(]|is|は|는|은|为|是)?\s*"# + names
                + "|" + CoachPattern.asciiStart + area + #"\s*\(\s*"# + names,
            requiring: regionNameKeywords
        )
    }()

    // MARK: Times

    /// A time of day: `10:30`, `10:30:15`, `15時52分`, `15시 52분`, `15点52分`, `3 pm`, `午後3時`, `오후 3시`, `noon`.
    static let timeOfDay = CoachPattern(
        #"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?!\d)"#
            + #"|(?<![A-Za-z0-9])\d{1,2}\s*時(?!間)|(?:午前|午後)\s*\d{1,2}\s*時"#
            + #"|(?<![A-Za-z0-9])\d{1,2}시(?:경|쯤|부터|에|까지|\s*\d{1,2}\s*분)|(?:오전|오후|새벽|저녁|밤)\s*\d{1,2}\s*시"#
            + #"|(?<![A-Za-z0-9])\d{1,2}\s*[点點]\s*\d{1,2}\s*分|(?:上午|下午|凌晨|晚上|早上|中午)\s*\d{1,2}\s*[点點]"#
            + #"|(?<![A-Za-z0-9])\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])|(?<![A-Za-z])(?:noon|midnight)(?![A-Za-z])|正午|정오|자정|午夜"#
    )
    /// Time zone abbreviations, matched case-sensitively, and offsets: `JST`, `UTC+9`, `GMT-5`, `10:30Z`, `10:30+09:00`.
    static let zoneAbbreviation = CoachPattern(
        CoachPattern.asciiStart
            + #"(?:JST|UTC|GMT|KST|CST|PST|PDT|EST|EDT|CET|CEST|BST|IST|HKT|SGT|AEST|AEDT|MST|MDT|WET|EET|ICT|WIB)"#
            + #"(?:\s?[+-]\d{1,2}(?::?\d{2})?)?"# + CoachPattern.asciiEnd
            + #"|\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s?(?:Z(?![A-Za-z0-9])|[+-]\d{2}:?\d{2}(?!\d))"#
            + #"|(?<![A-Za-z0-9_])(?:Asia|America|Europe|Australia|Africa|Pacific|Etc)/[A-Za-z_]+"#,
        caseSensitive: true
    )
    /// Time zones spelled in words.
    static let zoneNameKeywords = CoachKeywords(
        english: English.zoneName, japanese: Japanese.zoneName, korean: Korean.zoneName, chinese: Chinese.zoneName
    )
    /// A time zone in words.
    static let zoneName = CoachPattern(keywords: zoneNameKeywords)
    /// A time zone given as a city's time (`Tokyo time`, `Seoul time`, `香港時間`, `台北时间`, `서울 시간`) or as an offset
    /// in parentheses with its minutes or `UTC` (`11:20 (+09:00)`, `(UTC+9)`; not `(-1)`).
    static let zoneByCity = CoachPattern(
        CoachPattern.alternation(regionNameKeywords.all) + #"\s?(?:(?:standard |local )?time(?![A-Za-z])|時間|时间|時刻|시간|표준시)"#
            + #"|\(\s*(?:(?:UTC|GMT)\s*[+-](?:0?\d|1[0-4])(?::?\d{2})?|[+-](?:0\d|1[0-4]):\d{2})\s*\)"#
    )

    // MARK: State, goal, attempts, previous cases

    /// Words that say whether the problem continues or has recovered.
    static let ongoingKeywords = CoachKeywords(
        english: English.ongoing, japanese: Japanese.ongoing, korean: Korean.ongoing, chinese: Chinese.ongoing
    )
    /// A statement whether the problem continues.
    static let ongoing = CoachPattern(keywords: ongoingKeywords)

    /// Words that state a goal.
    static let goalKeywords = CoachKeywords(
        english: English.goal, japanese: Japanese.goal, korean: Korean.goal, chinese: Chinese.goal
    )
    /// A stated goal.
    static let goal = CoachPattern(keywords: goalKeywords)

    /// Words that describe what was already tried.
    static let attemptKeywords = CoachKeywords(
        english: English.attempt, japanese: Japanese.attempt, korean: Korean.attempt, chinese: Chinese.attempt
    )
    /// A description of what was tried.
    static let attempts = CoachPattern(keywords: attemptKeywords)

    /// Words that refer to an earlier case.
    static let previousCaseKeywords = CoachKeywords(
        english: English.previousCase, japanese: Japanese.previousCase, korean: Korean.previousCase, chinese: Chinese.previousCase
    )
    /// A reference to an earlier case.
    static let previousCase = CoachPattern(keywords: previousCaseKeywords)
    /// A case id: `case 1234567890`, `case-123…`, a number of ten or eleven digits (twelve are an account id), `ケース ID 123…`, `사례 ID 123…`, `工单号 123…`.
    static let caseID = CoachPattern(
        #"(?<![A-Za-z0-9_])case[ #:=-]*(?:id|number|no\.?)?[ #:=]*\d{5,}|(?<![A-Za-z0-9_])case-\d[0-9a-z-]*"#
            + #"|(?<![A-Za-z0-9_:/-])\d{10,11}(?![A-Za-z0-9_:])"#
            + #"|(?:ケース|케이스|사례|工单|案例)\s*(?:ID|番号|번호|号)?\s*(?:=|:|は|는|为|是)?\s*\d{5,}"#
    )
}
