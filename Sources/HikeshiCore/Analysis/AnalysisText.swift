/// The headings and labels of analyses in one language (the template's): the Markdown export, the document's
/// description and the default texts of action items. Hikeshi's own wording, in English, Japanese, Korean and Chinese.
public struct AnalysisText: Sendable {
    /// "Post-incident analysis".
    public var documentTitle: String
    /// "Post-incident analysis of <incident title>".
    public var documentDescription: @Sendable (String) -> String
    /// Heading of the incident's facts.
    public var incident: String
    /// Label of the incident record's ARN.
    public var incidentRecord: String
    /// Label of the impact.
    public var impact: String
    /// The names of impacts 1 to 5.
    public var impactNames: [String]
    /// Label of the response plan.
    public var responsePlan: String
    /// Label of the start.
    public var started: String
    /// Label of the first acknowledgement.
    public var acknowledged: String
    /// Label of the resolution.
    public var resolved: String
    /// Label of the duration.
    public var duration: String
    /// Label of the template.
    public var template: String
    /// Label of the analysis document.
    public var analysis: String
    /// The word for a document version.
    public var version: String
    /// Heading of the incident's summary.
    public var summary: String
    /// Heading of the timeline.
    public var timeline: String
    /// Heading of the engagements.
    public var engagements: String
    /// Label of an engagement's end.
    public var stopped: String
    /// Label of an engagement's sender.
    public var sender: String
    /// Heading of the runbooks.
    public var runbooks: String
    /// Label of a runbook's document.
    public var document: String
    /// Label of a runbook's execution.
    public var execution: String
    /// Label of an execution's or a step's status.
    public var status: String
    /// Label of an execution's or a step's end.
    public var ended: String
    /// Label of why an execution or a step failed.
    public var failure: String
    /// Heading of the related items.
    public var relatedItems: String
    /// Heading of the action items' checklist (distinct from a template section of the same subject).
    public var actionItems: String
    /// Label of an action item's priority.
    public var priority: String
    /// Label of the question an action item answers.
    public var question: String
    /// What an empty list says.
    public var none: String
    /// What an unanswered question says.
    public var notAnswered: String
    /// "Answered by <who> at <when>".
    public var answered: @Sendable (_ by: String, _ at: String) -> String
    /// The default description of an action item: the analysis's name, the incident's title and ARN, and the
    /// question it answers, if any.
    public var actionItemDescription: @Sendable (_ analysis: String, _ incident: String, _ arn: String, _ question: String?) -> String
    /// Unit words for days, hours, minutes and seconds.
    var units: (day: String, hour: String, minute: String, second: String)
    /// Whether a space goes between a number and its unit, and between two parts of a duration.
    var spaced: (unit: Bool, parts: Bool)

    /// The texts of a language.
    public static func of(_ language: DocumentLanguage) -> AnalysisText {
        switch language {
        case .english: english
        case .japanese: japanese
        case .korean: korean
        case .chinese: chinese
        }
    }

    /// A duration in whole seconds as people read it: days, hours and minutes (`2 h 5 min`, `2時間5分`), or the
    /// seconds when it is shorter than a minute.
    public func duration(seconds: Int64) -> String {
        let total = max(0, seconds)
        guard total >= 60 else { return part(total, units.second) }
        let days = total / 86_400
        let hours = total % 86_400 / 3600
        let minutes = total % 3600 / 60
        var parts: [String] = []
        if days > 0 { parts.append(part(days, units.day)) }
        if hours > 0 { parts.append(part(hours, units.hour)) }
        if minutes > 0 || parts.isEmpty { parts.append(part(minutes, units.minute)) }
        return parts.joined(separator: spaced.parts ? " " : "")
    }

    /// The name of an impact (1 critical … 5 no impact), or the number when it is outside 1–5.
    public func impactName(_ impact: Int) -> String {
        impactNames.indices.contains(impact - 1) ? impactNames[impact - 1] : String(impact)
    }

    private func part(_ value: Int64, _ unit: String) -> String {
        String(value) + (spaced.unit ? " " : "") + unit
    }

    static let english = AnalysisText(
        documentTitle: "Post-incident analysis",
        documentDescription: { "Post-incident analysis of \($0)" },
        incident: "Incident", incidentRecord: "Incident record", impact: "Impact",
        impactNames: ["Critical", "High", "Medium", "Low", "No impact"],
        responsePlan: "Response plan", started: "Started", acknowledged: "Acknowledged", resolved: "Resolved", duration: "Duration",
        template: "Template", analysis: "Analysis document", version: "version", summary: "Summary", timeline: "Timeline",
        engagements: "Engagements", stopped: "Stopped", sender: "Sender", runbooks: "Runbooks", document: "Document",
        execution: "Execution", status: "Status", ended: "Ended", failure: "Failure", relatedItems: "Related items",
        actionItems: "Tracked action items", priority: "Priority", question: "Question",
        none: "None.", notAnswered: "Not answered yet.",
        answered: { "Answered by \($0) at \($1)" },
        actionItemDescription: { analysis, incident, arn, question in
            var text = "Action item of the post-incident analysis \(analysis) of the incident \"\(incident)\" (\(arn))."
            if let question { text += "\n\nQuestion: \(question)" }
            return text
        },
        units: ("d", "h", "min", "s"), spaced: (true, true))

    static let japanese = AnalysisText(
        documentTitle: "インシデント後の分析",
        documentDescription: { "インシデント「\($0)」の事後分析" },
        incident: "インシデント", incidentRecord: "インシデントレコード", impact: "影響度",
        impactNames: ["重大", "高", "中", "低", "影響なし"],
        responsePlan: "対応計画", started: "開始", acknowledged: "初回確認", resolved: "解決", duration: "所要時間",
        template: "テンプレート", analysis: "分析ドキュメント", version: "バージョン", summary: "概要", timeline: "タイムライン",
        engagements: "エンゲージメント", stopped: "停止", sender: "送信者", runbooks: "ランブック", document: "ドキュメント",
        execution: "実行", status: "状態", ended: "終了", failure: "失敗理由", relatedItems: "関連項目", actionItems: "追跡中のアクション項目", priority: "優先度",
        question: "質問",
        none: "なし。", notAnswered: "まだ回答がありません。",
        answered: { "回答者: \($0) (\($1))" },
        actionItemDescription: { analysis, incident, arn, question in
            var text = "インシデント「\(incident)」(\(arn)) の事後分析 \(analysis) のアクション項目です。"
            if let question { text += "\n\n質問: \(question)" }
            return text
        },
        units: ("日", "時間", "分", "秒"), spaced: (false, false))

    static let korean = AnalysisText(
        documentTitle: "인시던트 후 분석",
        documentDescription: { "인시던트 \"\($0)\"의 사후 분석" },
        incident: "인시던트", incidentRecord: "인시던트 레코드", impact: "영향도",
        impactNames: ["심각", "높음", "보통", "낮음", "영향 없음"],
        responsePlan: "대응 계획", started: "시작", acknowledged: "최초 확인", resolved: "해결", duration: "소요 시간",
        template: "템플릿", analysis: "분석 문서", version: "버전", summary: "요약", timeline: "타임라인",
        engagements: "참여 요청", stopped: "중지", sender: "보낸 사람", runbooks: "런북", document: "문서",
        execution: "실행", status: "상태", ended: "종료", failure: "실패 이유", relatedItems: "관련 항목", actionItems: "추적 중인 조치 항목", priority: "우선순위",
        question: "질문",
        none: "없음.", notAnswered: "아직 답변이 없습니다.",
        answered: { "답변: \($0) (\($1))" },
        actionItemDescription: { analysis, incident, arn, question in
            var text = "인시던트 \"\(incident)\"(\(arn))의 사후 분석 \(analysis)에서 나온 조치 항목입니다."
            if let question { text += "\n\n질문: \(question)" }
            return text
        },
        units: ("일", "시간", "분", "초"), spaced: (false, true))

    static let chinese = AnalysisText(
        documentTitle: "事件后分析",
        documentDescription: { "事件“\($0)”的事后分析" },
        incident: "事件", incidentRecord: "事件记录", impact: "影响",
        impactNames: ["严重", "高", "中", "低", "无影响"],
        responsePlan: "响应计划", started: "开始", acknowledged: "首次确认", resolved: "解决", duration: "持续时间",
        template: "模板", analysis: "分析文档", version: "版本", summary: "摘要", timeline: "时间线",
        engagements: "联系人通知", stopped: "停止", sender: "发送者", runbooks: "运行手册", document: "文档",
        execution: "执行", status: "状态", ended: "结束", failure: "失败原因", relatedItems: "相关项目", actionItems: "跟踪中的行动项", priority: "优先级", question: "问题",
        none: "无。", notAnswered: "尚未回答。",
        answered: { "回答者：\($0)（\($1)）" },
        actionItemDescription: { analysis, incident, arn, question in
            var text = "事件“\(incident)”（\(arn)）的事后分析 \(analysis) 中的行动项。"
            if let question { text += "\n\n问题：\(question)" }
            return text
        },
        units: ("天", "小时", "分钟", "秒"), spaced: (false, false))
}
