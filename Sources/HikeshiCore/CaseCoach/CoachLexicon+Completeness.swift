extension CoachLexicon {
    // MARK: Questions

    /// Phrases that ask a question or make a request, besides `?`.
    static let questionKeywords = CoachKeywords(
        english: [
            #"how (?:do|can|should|would|could) (?:i|we|you)"#, "how to", "could you", "can you", "would you", "will you",
            #"please (?:advise|help|tell|explain|confirm|check|investigate|suggest|look into|let (?:me|us) know)"#,
            #"let (?:me|us) know"#, #"(?:i|we)(?: would|'d) like to (?:know|ask|confirm|understand)"#,
            #"is (?:it|there) (?:possible|a way)"#, #"what (?:is|are|should|can|causes?|does|do)"#,
            #"why (?:is|are|does|do|did|was|were)"#, #"any (?:advice|suggestions?|ideas)"#, "wondering",
            #"need (?:your )?(?:help|advice|guidance)"#,
        ],
        japanese: [
            "教えて(?:ください|下さい|いただけ|頂け|ほしい)", "ご教示", "ご教授", "でしょうか", "ますか", "ませんか",
            "ご確認(?:ください|下さい|いただけ|頂け|願)", "ご回答", "ご案内(?:ください|下さい|いただけ|頂け)", "知りたい",
            "(?<!よろしく)(?<!宜しく)お願い(?:します|いたします|致します)", "ご助言", "ご提案(?:ください|下さい|いただけ)",
        ],
        korean: [
            #"알려\s?주(?:세요|십시오|시겠|실 수)"#, #"문의\s?(?:드립니다|합니다|드려요)"#, "궁금합니다",
            #"(?<!잘 )부탁\s?드(?:립니다|려요)"#, "가능한가요", "나요", "까요", "습니까", "인가요", "해야 하나요",
        ],
        chinese: [
            "请问", "请(?:告知|告诉|帮忙|帮助|协助|确认|提供|指导|建议|解释|检查|调查|说明)", "如何", "怎么", "怎样",
            "为什么", "为何", "是否", "能否", "可否", "有没有", "吗", #"呢(?=[。.!！\s]|$)"#,
        ]
    )
    /// A question or request phrase.
    static let questionPhrase = CoachPattern(keywords: questionKeywords)
    /// A question mark, half or full width.
    static let questionMark = CoachPattern("[?？]")
    /// A URL, removed before counting question marks (query strings have `?`).
    static let url = CoachPattern(#"(?:https?|s3)://[^\s<>"'「」“”]+"#)
    /// A numbered item at the start of a line: `1.`, `2)`, `(3)`, `Q4` (`①` arrives as `(1)`, see ``CoachText``).
    static let numberedItem = CoachPattern(#"^[ \t]*(?:\d{1,2}[.)、](?!\d)|\(\d{1,2}\)|Q\d{1,2}(?![0-9]))"#)

    // MARK: Problems and errors

    /// Words that describe a problem or an event (a failure, an outage, an error).
    static let problemKeywords = CoachKeywords(
        english: [
            "errors?", "exceptions?", #"fail(?:s|ed|ing|ures?)?"#, "down", "outages?", "unreachable", "denied", "stuck",
            #"not (?:respond(?:ing)?|working|reachable|accessible|available)"#,
            #"(?:does|did|do|is|are|was|were)n't (?:respond|work|start|connect|reach)"#, "cannot", "can't", "can not",
            "unable to", #"time(?:d)? ?outs?"#, #"crash(?:es|ed|ing)?"#, #"stopped (?:working|responding|unexpectedly)"#,
            "broken", "issues?", "problems?", "incidents?", "degraded", "impaired", #"unexpected(?:ly)?"#, "latency",
            #"slow(?:er|ness)?"#, "lost", #"disconnect(?:ed|s)?"#, #"throttl(?:ed|ing)"#, #"hang(?:s|ing)?"#,
            #"StatusCheckFailed\w*"#,
        ],
        japanese: [
            "エラー", "失敗", "障害", "停止し", "落ち", "ダウン", "できない", "できません", "できなく", "応答し(?:ない|ません|なく)",
            "応答が(?:ない|ありません|遅)", "タイムアウト", "動か(?:ない|なく)", "動きません", "動いていません", "止まり", "止まっ",
            "使えません", "使えない", "繋がりません", "つながりません", "壊れ", "動作し(?:ない|ません|なく)", "不具合", "問題", "事象",
            "発生", "遅延", "遅く", "再起動(?:され|して)しま", "予期せ", "繋がら", "つながら", "異常", "ステータスチェック",
        ],
        korean: [
            "오류", "에러", "실패", "장애", "다운", "응답하지", "응답이 없", #"(?:접속|접근|연결)(?:할|이) 수 없"#, "수 없습니다",
            "안 ?됩니다", "안 ?돼요", "안 ?돼", "되지 않", "작동 안", "안 ?열려", "멈췄", "멈춰", "타임아웃", "시간 초과", "작동하지", "동작하지", "문제", "중단", "지연", "재부팅되", "발생",
            "느려", "끊", "상태 검사",
        ],
        chinese: [
            "错误", "报错", "出错", "失败", "故障", "宕机", "无法", "不能", "超时", "中断", "异常", "延迟", "重启了", "发生",
            "不可用", "无响应", "没有响应", "连不上", "打不开", "卡住", "变慢", "状态检查", "坏了", "用不了", "停止了",
        ]
    )
    /// A problem or event is described.
    static let problem = CoachPattern(keywords: problemKeywords)

    /// Words that mention an error.
    static let errorKeywords = CoachKeywords(
        english: ["errors?", "exceptions?"],
        japanese: ["エラー"],
        korean: ["오류", "에러"],
        chinese: ["错误", "报错", "出错"]
    )
    /// An error is mentioned.
    static let errorMention = CoachPattern(keywords: errorKeywords)
    /// A quoted message: double quotes, curly quotes, corner brackets, backticks.
    static let quotedText = CoachPattern(#""[^"\n]{3,300}"|“[^”\n]{3,300}”|「[^」\n]{3,300}」|『[^』\n]{3,300}』|`[^`\n]{3,300}`"#)
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
        english: [
            "instances?", "servers?", "web ?servers?", "databases?", "DBs?", "buckets?", "volumes?", "Lambda functions?",
            "clusters?", #"load ?balancers?"#, "ELBs?", "ALBs?", "NLBs?", "security groups?", "subnets?", "VPCs?", "queues?",
            "SNS topics?", "tables?", "CloudFront distributions?", "stacks?", "NAT gateways?", "file systems?",
        ],
        japanese: [
            "インスタンス", "サーバー?(?!レス)", "データベース", "DB", "バケット", "ボリューム", "関数", "クラスター?", "ロードバランサー?",
            "セキュリティグループ", "サブネット", "キュー", "トピック", "テーブル", "ディストリビューション", "スタック",
        ],
        korean: [
            "인스턴스", "서버(?!리스)", "데이터베이스", "버킷", "볼륨", "함수", "클러스터", #"로드\s?밸런서"#, #"보안\s?그룹"#, "서브넷",
            "대기열", "테이블", "스택",
        ],
        chinese: [
            "实例", "服务器", "数据库", "存储桶", "存储卷", #"EBS\s?卷"#, "函数", "集群", "负载均衡器?", "安全组", "子网", "队列",
            #"DynamoDB\s?表"#, "堆栈",
        ]
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
        english: [
            #"N\. ?Virginia"#, "Virginia", "Ohio", "Oregon", #"N\. ?California"#, "California", "Tokyo", "Osaka", "Seoul",
            "Singapore", "Sydney", "Melbourne", "Mumbai", "Hyderabad", "Jakarta", "Hong Kong", "Taipei", "Bangkok", "Malaysia",
            "Frankfurt", "Ireland", "London", "Paris", "Stockholm", "Milan", "Spain", "Zurich", "Canada", "Calgary",
            "S[ãa]o Paulo", "Bahrain", "UAE", "Tel Aviv", "Cape Town", "Beijing", "Ningxia", "GovCloud", "Mexico",
        ],
        japanese: [
            "東京", "大阪", "ソウル", "シンガポール", "シドニー", "北部バージニア", "バージニア北部", "バージニア", "オハイオ", "オレゴン",
            "北カリフォルニア", "ムンバイ", "香港", "フランクフルト", "アイルランド", "ロンドン", "パリ", "ストックホルム", "北京", "寧夏",
            "ジャカルタ", "台北",
        ],
        korean: [
            "서울", "도쿄", "오사카", "싱가포르", "시드니", "버지니아 북부", "버지니아", "오하이오", "오레곤", "오리건", "뭄바이", "홍콩",
            "프랑크푸르트", "아일랜드", "런던", "파리", "베이징", "닝샤", "자카르타",
        ],
        chinese: [
            "东京", "大阪", "首尔", "新加坡", "悉尼", "弗吉尼亚北部", "弗吉尼亚", "俄亥俄", "俄勒冈", "孟买", "香港", "法兰克福", "爱尔兰",
            "伦敦", "巴黎", "北京", "宁夏", "雅加达", "台北",
        ]
    )
    /// Words for "region".
    static let regionWordKeywords = CoachKeywords(
        english: ["regions?"],
        japanese: ["リージョン"],
        korean: ["리전"],
        chinese: ["区域", "地区"]
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
        english: [
            #"(?:Japan|Korea|China|India|Singapore) (?:Standard )?Time"#, #"(?:Pacific|Eastern|Central|Mountain) (?:Standard |Daylight )?Time"#,
            "Coordinated Universal Time", "Greenwich Mean Time", "Beijing Time",
        ],
        japanese: ["日本時間", "日本標準時", "協定世界時", "世界標準時", "韓国時間", "北京時間"],
        korean: [#"한국\s?시간"#, #"한국\s?표준시"#, #"대한민국\s?표준시"#, #"대한민국\s?시간"#, "협정 세계시", "일본 시간"],
        chinese: ["北京时间", "东八区", "协调世界时", "世界协调时", "中国标准时间", "日本时间"]
    )
    /// A time zone in words.
    static let zoneName = CoachPattern(keywords: zoneNameKeywords)

    // MARK: State, goal, attempts, previous cases

    /// Words that say whether the problem continues or has recovered.
    static let ongoingKeywords = CoachKeywords(
        english: [
            "ongoing", "still", #"persist(?:s|ing|ed)?"#, #"continu(?:es|ing|ed|ous|ously)"#, "resolved", "recovered", "back to normal",
            "no longer", #"stopped (?:happening|occurring)"#, #"intermittent(?:ly)?"#, "currently", "right now", "at the moment",
            "as of now", "subsided", "since then", #"keeps? (?:happening|failing|occurring)"#, "happening now",
            #"(?:occurs?|happen(?:s|ed)?) again"#, "only once", "one-time",
        ],
        japanese: [
            "継続", "現在も", "現在は", "現時点", "今も", "いまも", "解消し(?:ました|た|て)", "解消済", "解消され", "復旧し(?:ました|た|て)",
            "復旧済", "未復旧", "収束", "発生中", "続いて", "断続的", "一時的", "再発", "治ま", "まだ",
        ],
        korean: [
            "지속", "계속", "해결되었", "해결됐", "해결되지 않", "해결된", "현재도", "현재는", #"진행\s?중"#, "복구되었", "복구됐",
            "복구되지 않", "복구된", "수렴", "정상화", "간헐적", "여전히", "지금도", "아직", "재발",
        ],
        chinese: [
            "仍然", "仍在", "持续", "已恢复", "恢复了", "恢复正常", "未恢复", "已解决", "目前", "现在", "依然", "还在", "一直", "间歇",
            "已经正常", "已正常", "再次发生", "偶发",
        ]
    )
    /// A statement whether the problem continues.
    static let ongoing = CoachPattern(keywords: ongoingKeywords)

    /// Words that state a goal.
    static let goalKeywords = CoachKeywords(
        english: [
            "in order to", "so that", #"goals?"#, "objectives?", "purpose", "aim is", "we aim", #"(?:i|we)(?: are|'re|'m| am) trying to"#,
            "want to", #"would like to (?!know|ask|confirm|understand)"#, "need to", "plan to", "ultimately", "intend to",
        ],
        japanese: ["目的", "最終的", "ために", "目標", "目指", "を実現", "したいと考え", "予定です"],
        korean: ["목적", "목표", "궁극적", "위해", "위하여", "하려고", "하고자", "달성"],
        chinese: ["目的", "目标是", "的目标", "为了", "最终", "以便", "打算", "希望能", "计划"]
    )
    /// A stated goal.
    static let goal = CoachPattern(keywords: goalKeywords)

    /// Words that describe what was already tried.
    static let attemptKeywords = CoachKeywords(
        english: [
            #"(?:i|we)(?: have|'ve)? tried"#, "tried to", "attempted",
            #"(?:i|we)(?: have|'ve)? (?:checked|verified|confirmed|restarted|rebooted|followed)"#,
            #"already (?:tried|checked|restarted|rebooted|verified|followed|confirmed|increased|updated|changed)"#,
            #"(?:followed|following) (?:the|these|this) (?:steps?|guide|document|runbook)"#,
        ],
        japanese: [
            "試し", "試み", "実施し", #"(?<!ご)確認し(?!て(?:ください|下さい|いただ|頂))"#, "確認済", "やってみ", "行いました", "行った",
            "手順に従", "再起動しました", "再登録",
        ],
        korean: ["시도", "확인했", "확인하였", "해 ?보았", "해 ?봤", "재부팅했", "재시작했", "수행했", "따라 했", "적용했"],
        chinese: ["尝试", "试过", "试了", "检查了", "确认了", "重启了", "排查", "已(?:经)?(?:尝试|检查|确认|重启|执行|按照|参考|修改|更改)"]
    )
    /// A description of what was tried.
    static let attempts = CoachPattern(keywords: attemptKeywords)

    /// Words that refer to an earlier case.
    static let previousCaseKeywords = CoachKeywords(
        english: [
            #"(?:previous|earlier|prior|last|old) (?:support )?(?:case|ticket|inquiry)"#,
            #"previously (?:opened|reported|asked|contacted|filed)"#, #"(?:opened|filed) a case (?:before|earlier)"#,
        ],
        japanese: [
            "前回の(?:ケース|問い合わせ|お問い合わせ)", "以前(?:の|に)?(?:ケース|問い合わせ|お問い合わせ)", "別のケース", "先日の(?:ケース|お?問い合わせ)",
            "先日問い合わせ",
        ],
        korean: [#"이전\s?(?:케이스|사례|문의|지원 사례)"#, #"지난\s?(?:번\s?)?(?:문의|케이스|사례)"#, "전에 문의"],
        chinese: ["(?:之前|上次|以前|上一个)(?:的)?(?:工单|案例|case|咨询)", "之前提交", "之前咨询"]
    )
    /// A reference to an earlier case.
    static let previousCase = CoachPattern(keywords: previousCaseKeywords)
    /// A case id: `case 1234567890`, `case-123…`, a number of ten or more digits, `ケース ID 123…`, `사례 ID 123…`, `工单号 123…`.
    static let caseID = CoachPattern(
        #"(?<![A-Za-z0-9_])case[ #:=-]*(?:id|number|no\.?)?[ #:=]*\d{5,}|(?<![A-Za-z0-9_])case-\d[0-9a-z-]*"#
            + #"|(?<![A-Za-z0-9_:/-])\d{10,}(?![A-Za-z0-9_:])"#
            + #"|(?:ケース|케이스|사례|工单|案例)\s*(?:ID|番号|번호|号)?\s*(?:=|:|は|는|为|是)?\s*\d{5,}"#
    )
}
