extension CoachLexicon {
    /// The English keyword fragments of every signal (see ``CoachKeywords``): regular expressions, bounded at ASCII
    /// word edges by ``CoachPattern/alternation(_:)``.
    enum English {
        /// The `question` keywords.
        static let question: [String] = [
            #"how (?:do|can|should|would|could) (?:i|we|you)"#, "how to", "could you", "can you", "would you", "will you",
            #"please (?:advise|help|tell|explain|confirm|check|investigate|suggest|look into|let (?:me|us) know)"#,
            #"let (?:me|us) know"#, #"(?:i|we)(?: would|'d) like to (?:know|ask|confirm|understand)"#,
            #"is (?:it|there) (?:possible|a way)"#, #"what (?:is|are|should|can|causes?|does|do)"#,
            #"why (?:is|are|does|do|did|was|were)"#, #"any (?:advice|suggestions?|ideas)"#, "wondering",
            #"need (?:your )?(?:help|advice|guidance)"#,
            #"(?:please|pls|plz|kindly) (?:provide|share|send|fill in|review|approve|call|notify|reply|respond|assist|recommend|clarify|check|help|look)"#,
            #"(?:i|we)(?: would|'d) (?:appreciate|be grateful)"#,
        ]

        /// The `problem` keywords.
        static let problem: [String] = [
            "errors?", "exceptions?", #"fail(?:s|ed|ing|ures?)?"#, "down", "outages?", "unreachable", "denied", "stuck",
            #"not (?:respond(?:ing)?|working|reachable|accessible|available)"#,
            #"(?:does|did|do|is|are|was|were)n't (?:respond|work|start|connect|reach)"#, "cannot", "can't", "can not",
            "unable to", #"time(?:d)? ?outs?"#, #"crash(?:es|ed|ing)?"#, #"stopped (?:working|responding|unexpectedly)"#,
            "broken", "issues?", "problems?", "incidents?", "degraded", "impaired", #"unexpected(?:ly)?"#,
            #"(?:high|higher|increased|elevated|spikes? in|spiky|slow) latency"#, #"latency (?:spikes?|increased|is high|went up)"#,
            #"slow(?:er|ness)?"#, "lost", #"disconnect(?:ed|s)?"#, #"(?:being|getting|got|get|gets|are|is|were|was|been) throttled"#,
            #"throttling (?:errors?|exceptions?)"#, #"hang(?:s|ing)?"#,
            #"StatusCheckFailed\w*"#,
        ]

        /// The `error` keywords.
        static let error: [String] = ["errors?", "exceptions?"]

        /// The `resource` keywords.
        static let resource: [String] = [
            "instances?", "servers?", "web ?servers?", "databases?", "DBs?", "buckets?",
            #"volumes?(?<!(?:transfer|traffic|request|data|call|message) volumes?)"#, "Lambda functions?", "functions?",
            "clusters?", #"load ?balancers?"#, "ELBs?", "ALBs?", "NLBs?", "security groups?", "subnets?", "VPCs?", "queues?",
            "SNS topics?", "tables?", "CloudFront distributions?", "stacks?", "NAT gateways?", "file systems?",
            #"(?:DB |EBS |RDS |cluster )?snapshots?"#,
            #"Auto ?Scaling groups?"#, "ASGs?", #"(?:my|our) EC2s?"#,
        ]

        /// The `regionName` keywords.
        static let regionName: [String] = [
            #"N\. ?Virginia"#, "Virginia", "Ohio", "Oregon", #"N\. ?California"#, "California", "Tokyo", "Osaka", "Seoul",
            "Singapore", "Sydney", "Melbourne", "Mumbai", "Hyderabad", "Jakarta", "Hong Kong", "Taipei", "Bangkok", "Malaysia",
            "Frankfurt", "Ireland", "London", "Paris", "Stockholm", "Milan", "Spain", "Zurich", "Canada", "Calgary",
            "S[ãa]o Paulo", "Bahrain", "UAE", "Tel Aviv", "Cape Town", "Beijing", "Ningxia", "GovCloud", "Mexico",
        ]

        /// The `regionWord` keywords.
        static let regionWord: [String] = ["regions?"]

        /// The `zoneName` keywords.
        static let zoneName: [String] = [
            #"(?:Japan|Korea|China|India|Singapore) (?:Standard )?Time"#, #"(?:Pacific|Eastern|Central|Mountain) (?:Standard |Daylight )?Time"#,
            "Coordinated Universal Time", "Greenwich Mean Time", "Beijing Time",
            #"(?:Tokyo|Seoul|Beijing|Shanghai|Hong Kong|Taipei|Singapore|Sydney|London|Paris|Berlin|Frankfurt|New York) time"#,
        ]

        /// The `ongoing` keywords.
        static let ongoing: [String] = [
            "ongoing", "still", #"persist(?:s|ing|ed)?"#, #"continu(?:es|ing|ed|ous|ously)"#, "resolved", "recovered", "back to normal",
            "no longer", #"stopped (?:happening|occurring)"#, #"intermittent(?:ly)?"#, "currently", "right now", "at the moment",
            "as of now", "subsided", "since then", #"keeps? (?:happening|failing|occurring)"#, "happening now",
            #"(?:occurs?|happen(?:s|ed)?) again"#, "only once", "one-time",
            #"(?:is|are|was|were|been|it's|seems?|looks?) (?:fine|ok|okay|normal|stable|healthy|working)(?: again)? (?:now|since)"#,
            #"(?:fine|ok|okay|normal|stable|healthy|working) again"#, #"(?:fine|normal|stable) now"#, #"(?:has|have) recovered"#,
        ]

        /// The `goal` keywords.
        static let goal: [String] = [
            "in order to", "so that", #"goals?"#, "objectives?", "purpose", "aim is", "we aim", #"(?:i|we)(?: are|'re|'m| am) trying to"#,
            "want to", #"would like to (?!know|ask|confirm|understand)"#, "need to", "plan to", "ultimately", "intend to",
            #"so (?:that )?(?:we|i) can"#, #"(?:we|i) (?:really |urgently |still )?(?:need|must|want)"#,
            #"(?:we|i)(?: would|'d) (?:really )?like (?:the|our|it|this|them)"#, #"(?:our|the) requirements? (?:is|are)"#,
            #"(?:we|i)(?: are|'re|'m| am) (?:planning|designing|preparing|migrating|evaluating)"#,
            #"for (?:(?:our|the|a|an) )?(?:[a-z-]+ ){0,2}(?:audits?|reviews?|reports?|migration|launch|evaluation|compliance|projects?)"#,
            #"to (?:size|design|plan|decide|evaluate|prepare)"#,
            #"(?:need|want) (?:it|the|our|this|them|my) [^.?\n]{0,40}(?:back|again|online|working|running)"#,
        ]

        /// The `attempt` keywords.
        static let attempt: [String] = [
            #"(?:i|we)(?: have|'ve)? tried"#, "tried to", "attempted",
            #"already (?:tried|checked|restarted|rebooted|verified|followed|confirmed|increased|updated|changed)"#,
            #"(?:followed|following) (?:the|these|this) (?:steps?|guide|document|runbook)"#,
            #"(?:i|we)(?: have|'ve| had)?(?: already| also| then| first)? (?:compared|rotated|reset|retried|updated|upgraded|rebuilt|redeployed|re-deployed|rolled back|reviewed|looked at|went through|ran|tested|increased|raised|added|replaced|recreated|relaunch(?:ed)?|bounced|submitted|enabled|disabled|cleared|restarted|rebooted|checked|verified|confirmed|followed)"#,
            #"already (?:configured|upgraded|added|submitted|reset|rotated|replaced|redeployed|rebuilt|enabled|disabled|compared)"#,
            #"(?:what|things) (?:we|i)(?: have|'ve)? (?:tried|checked|did|done)"#, #"tried\s*:"#, "no change", "no improvement",
            #"(?:Health Dashboard|Personal Health Dashboard) (?:showed|shows|said|says)"#,
        ]

        /// The `previousCase` keywords.
        static let previousCase: [String] = [
            #"(?:previous|earlier|prior|last|old) (?:support )?(?:case|ticket|inquiry|enquiry)"#,
            #"(?:case|ticket|inquiry|enquiry) (?:i|we)(?: had)? (?:opened|filed|raised|submitted)"#,
            #"(?:opened|filed|raised|submitted) (?:a|an) (?:support )?(?:case|ticket)"#,
            #"(?:talked|spoke|spoken|discussed) [^.\n]{0,40}(?:with|to) (?:one of )?your (?:engineers?|colleagues?|support|team)"#,
            #"previously (?:opened|reported|asked|contacted|filed)"#, #"(?:opened|filed) a case (?:before|earlier)"#,
        ]

        /// The `urgent` keywords.
        static let urgent: [String] = [#"urgent(?:ly)?"#, "ASAP", "emergency", "critical", "immediately", "right away", #"(?:high|top) priority"#]

        /// The `background` keywords.
        static let background: [String] = [
            "because", #"since (?:we|our|i)"#, #"(?:we|i)(?: are|'re|'m| am) (?:designing|building|planning|evaluating|implementing|developing)"#,
            "background", "context", "for our", "to design", "to decide",
        ]

        /// The `otherAccount` keywords.
        static let otherAccount: [String] = [
            #"(?:another|other|different|separate|someone else's|customer's|third[- ]party|client's|partner's) (?:AWS )?accounts?"#,
            #"(?:member|linked) accounts? \d{12}"#, #"(?:in|of) (?:our|the|a) (?:member|linked) accounts?"#,
            #"(?:sister|parent|affiliated?|subsidiary|group|partner) compan(?:y|ies)'?s? (?:AWS )?accounts?"#,
        ]

        /// The `cause` keywords.
        static let cause: [String] = ["root cause", "RCA", #"post-?mortem"#, #"causes?"#, "reasons?", "why"]

        /// The `infrastructure` keywords.
        static let infrastructure: [String] = [
            "hardware", #"(?:underlying|physical) (?:host|machine|server)"#, #"host (?:failure|fault|issue|problem)"#, "infrastructure",
            #"AWS[- ]side"#, "on AWS's side", #"data ?cent(?:er|re)"#, #"power (?:loss|outage|failure)"#,
            #"AWS(?:'s?)? (?:network|power|hardware|infrastructure) (?:failure|outage|event|issue|problem)s?"#,
            #"(?:Availability Zone|AZ) (?:failure|outage|event|impairment)s?"#,
        ]

        /// The `performance` keywords.
        static let performance: [String] = [
            #"benchmarks?"#, #"performance (?:figures|numbers|metrics|data|specs?|specifications|indicators|characteristics)"#,
            #"max(?:imum)? (?:throughput|iops|tps|qps|rps|requests per second|connections)"#,
            #"how many (?:requests|transactions|queries|iops|connections) (?:per second|can)"#, #"how fast (?:is|can|does|it|they)"#,
            #"max(?:imum)? number of (?:requests|transactions|queries|connections)"#,
        ]

        /// The `maintenance` keywords.
        static let maintenance: [String] = [
            #"maintenance (?:history|frequency|records?|track record|statistics|logs?)"#, #"(?:past|previous|historical) maintenance"#,
            #"how often [^.?\n]{0,40}maintenance"#, "frequency of maintenance", #"number of (?:past )?maintenance"#,
            #"operation(?:al)? history"#,
        ]

        /// The `internalMechanism` keywords.
        static let internalMechanism: [String] = [
            #"internal(?:ly)? (?:mechanisms?|implementation|architecture|workings|design|structure|technology)"#,
            #"how (?:does|do|is|are) [^.?\n]{0,60} (?:internally|under the hood|behind the scenes)"#, "under the hood", "behind the scenes",
            #"(?:what|which) (?:technology|technologies|algorithm)"#, "internals",
        ]

        /// The `compliance` keywords.
        static let compliance: [String] = [
            #"SOC ?[123]"#, #"SOC reports?"#, #"ISO(?:/IEC)? ?270\d\d"#, #"PCI[- ]?DSS"#, "HIPAA", "FedRAMP", "ISMAP",
            #"compliance (?:reports?|documents?|documentation|certificates?|certifications?|attestations?)"#, #"audit (?:reports?|documents?)"#,
            #"attestation (?:reports?|letters?)"#, #"third[- ]party audit"#,
            #"security (?:check ?sheets?|questionnaires?|checklists?|assessment forms?)"#,
        ]

        /// The `fixDate` keywords.
        static let fixDate: [String] = [
            #"when (?:will|would|is|can) [^.?\n]{0,60}(?:be )?(?:fixed|released|supported|launched|shipped|available in)"#,
            #"(?:fix|release|launch|GA) (?:date|timeline|schedule|ETA)"#, #"ETA (?:for|of) [^.?\n]{0,30}(?:fix|release|feature)"#, "roadmap",
            #"expected (?:fix|release)"#,
        ]

        /// The `statusCheckSystem` keywords.
        static let statusCheckSystem: [String] = [
            "StatusCheckFailed_System", #"system status checks? (?:failed|failure|impaired)"#, "failed (?:the )?system status check",
        ]

        /// The `statusCheckInstance` keywords.
        static let statusCheckInstance: [String] = [
            "StatusCheckFailed_Instance", #"instance status checks? (?:failed|failure|impaired)"#, "failed (?:the )?instance status check",
        ]

        /// The `throttling` keywords.
        static let throttling: [String] = [
            "ThrottlingException", #"(?<![A-Za-z])Throttling(?![A-Za-z])"#, "ThrottledException", "Rate exceeded", #"TooManyRequests(?:Exception)?"#,
            "Too Many Requests", "RequestLimitExceeded", "SlowDown", "ProvisionedThroughputExceededException", "RequestThrottled",
            #"(?:being|getting|got|get|gets|are|is|were|was|been) throttled"#, #"throttling (?:errors?|exceptions?)"#,
        ]

        /// The `quota` keywords.
        static let quota: [String] = [
            #"(?:Instance|Vcpu|Resource|Volume|Address|Snapshot)?LimitExceeded(?:Exception)?"#, #"(?:Service)?QuotaExceeded(?:Exception)?"#,
            #"(?:quota|limit) (?:exceeded|reached)"#, #"exceeded (?:the |your |our )?(?:service )?(?:quota|limit)"#,
            "requested more vCPU capacity",
            #"(?:reached|hit|exceeded|reaching|hitting) (?:the |our |my |your |its )?(?:(?:service|account|vCPU|instance) )?(?:quotas?|limits?)"#,
        ]

        /// The `retirement` keywords.
        static let retirement: [String] = [
            "scheduled for retirement", "instance retirement", #"retirement (?:notice|notification|date|event)"#,
            #"degraded (?:hardware|host)"#, #"degradation of the (?:underlying )?(?:hardware|host)"#, "hardware degradation",
            #"scheduled (?:maintenance )?events?"#, "instance-retirement", "system-reboot", "system-maintenance",
        ]
    }
}
