extension BuiltInDocument {
    /// The base name of the post-incident analysis template.
    public static let postIncidentAnalysisTemplateName = "AWSIncidents-PostIncidentAnalysisTemplate"

    /// The questions a post-incident analysis answers, by section (overview, detection, diagnosis, mitigation,
    /// prevention with five whys, action items), in one language. Content: `schemaVersion` 1.0, a Markdown
    /// `description`, the `language` (so a copy under another name keeps it), and `sections`, each
    /// `{id, title, questions: [{id, text}]}`: the form ``AnalysisTemplate/read(json:fallbackLanguage:)`` reads.
    static func postIncidentAnalysisTemplate(_ language: DocumentLanguage) -> BuiltInDocument {
        let text = AnalysisTemplateText.of(language)
        let sections = text.sections.map { section -> DocumentValue in
            .object([
                "id": .string(section.id),
                "title": .string(section.title),
                "questions": .array(
                    section.questions.map { question in .object(["id": .string(question.0), "text": .string(question.1)]) }),
            ])
        }
        let value = DocumentValue.object([
            "schemaVersion": .string("1.0"),
            "description": .string(text.description),
            "language": .string(language.rawValue),
            "sections": .array(sections),
        ])
        return BuiltInDocument(
            name: localized(postIncidentAnalysisTemplateName, language), kind: .problemAnalysisTemplate, displayName: text.displayName,
            language: language, value: value)
    }
}

/// The texts of the post-incident analysis template in one language.
private struct AnalysisTemplateText {
    struct Section {
        var id: String
        var title: String
        /// (id, question).
        var questions: [(String, String)]
    }

    var displayName: String
    var description: String
    var sections: [Section]

    static func of(_ language: DocumentLanguage) -> AnalysisTemplateText {
        switch language {
        case .english: english
        case .japanese: japanese
        case .korean: korean
        case .chinese: chinese
        }
    }

    static let english = AnalysisTemplateText(
        displayName: "Post-incident analysis",
        description: """
            # Post-incident analysis

            Answer these questions once the incident is resolved, without blame: the aim is to learn how the system \
            and the response can get better. Link evidence (graphs, logs, timeline events) wherever you can.
            """,
        sections: [
            Section(
                id: "overview", title: "Overview",
                questions: [
                    ("summary", "What happened, in a few sentences that a reader outside the team understands?"),
                    ("impact", "Who was affected, how, and for how long? Give numbers where you have them (failed requests, customers, data)."),
                    ("timeline", "What were the key moments: start of impact, detection, engagement, mitigation, recovery?"),
                ]),
            Section(
                id: "detection", title: "Detection",
                questions: [
                    ("how", "How was the incident noticed: an alarm, a customer, a colleague?"),
                    ("sooner", "How could it have been noticed sooner? Which alarm or check was missing, too slow or too noisy?"),
                ]),
            Section(
                id: "diagnosis", title: "Diagnosis",
                questions: [
                    ("engagement", "How long did it take to reach the right people, and what slowed that down?"),
                    ("cause", "How long did it take to find the cause? Which tools, dashboards or runbooks helped, and which were missing?"),
                ]),
            Section(
                id: "mitigation", title: "Mitigation",
                questions: [
                    ("action", "What ended the impact, and how long after the diagnosis?"),
                    ("faster", "What would have made the mitigation faster or safer (automation, a rollback path, a runbook step)?"),
                ]),
            Section(
                id: "prevention", title: "Prevention (five whys)",
                questions: [
                    ("why1", "Why 1: why did customers feel the impact?"),
                    ("why2", "Why 2: why did the answer above happen?"),
                    ("why3", "Why 3: and why did that happen?"),
                    ("why4", "Why 4: and why did that happen?"),
                    ("why5", "Why 5: and why that? Stop when you reach something you can change."),
                    ("elsewhere", "Could the same cause strike elsewhere in your systems? Where?"),
                    ("lessons", "What went well that you want to keep, and what did you learn?"),
                ]),
            Section(
                id: "actionItems", title: "Action items",
                questions: [
                    (
                        "actions",
                        "Which changes will stop this from recurring or shrink its impact? For each: what, who owns it, by when, and how you will know it is done. Track each one as an OpsItem."
                    )
                ]),
        ]
    )

    static let japanese = AnalysisTemplateText(
        displayName: "インシデント後の分析",
        description: """
            # インシデント後の分析

            インシデントの解決後に、誰かを責めることなくこれらの質問に答えてください。目的は、システムと対応をどう\
            良くできるかを学ぶことです。できる限り根拠 (グラフ、ログ、タイムラインのイベント) へのリンクを添えてください。
            """,
        sections: [
            Section(
                id: "overview", title: "概要",
                questions: [
                    ("summary", "何が起きたか。チーム外の人にも分かる数文で書いてください。"),
                    ("impact", "誰が、どのように、どれくらいの時間影響を受けたか。分かる範囲で数字を挙げてください (失敗したリクエスト、お客様の数、データ)。"),
                    ("timeline", "主な時点はいつか: 影響の開始、検出、エンゲージ、緩和、復旧。"),
                ]),
            Section(
                id: "detection", title: "検出",
                questions: [
                    ("how", "インシデントはどのように気付かれたか: アラーム、お客様、同僚。"),
                    ("sooner", "もっと早く気付くにはどうすればよかったか。足りなかった、遅すぎた、またはノイズが多すぎたアラームや確認は何か。"),
                ]),
            Section(
                id: "diagnosis", title: "診断",
                questions: [
                    ("engagement", "適切な人に連絡が付くまでどれくらいかかったか。何が妨げになったか。"),
                    ("cause", "原因が分かるまでどれくらいかかったか。役に立ったツール、ダッシュボード、ランブックと、足りなかったものは何か。"),
                ]),
            Section(
                id: "mitigation", title: "緩和",
                questions: [
                    ("action", "何が影響を止めたか。診断からどれくらい後だったか。"),
                    ("faster", "緩和をもっと早く、安全にするには何があればよかったか (自動化、ロールバックの手段、ランブックの手順)。"),
                ]),
            Section(
                id: "prevention", title: "再発防止 (なぜなぜ 5 回)",
                questions: [
                    ("why1", "なぜ 1: なぜお客様に影響が出たのか。"),
                    ("why2", "なぜ 2: 上の答えはなぜ起きたのか。"),
                    ("why3", "なぜ 3: それはなぜ起きたのか。"),
                    ("why4", "なぜ 4: それはなぜ起きたのか。"),
                    ("why5", "なぜ 5: それはなぜか。変えられるものに行き着いたら止めてください。"),
                    ("elsewhere", "同じ原因がシステムの他の場所でも起こり得るか。それはどこか。"),
                    ("lessons", "続けたい良かった点は何か。何を学んだか。"),
                ]),
            Section(
                id: "actionItems", title: "アクション項目",
                questions: [
                    (
                        "actions",
                        "再発を防ぐ、または影響を小さくする変更は何か。それぞれについて、内容、担当者、期限、完了の確かめ方を書いてください。各項目は OpsItem として追跡してください。"
                    )
                ]),
        ]
    )

    static let korean = AnalysisTemplateText(
        displayName: "인시던트 후 분석",
        description: """
            # 인시던트 후 분석

            인시던트가 해결된 뒤, 누구도 탓하지 않는 자세로 이 질문들에 답하세요. 목표는 시스템과 대응을 어떻게 개선할 수 \
            있는지 배우는 것입니다. 가능한 한 근거(그래프, 로그, 타임라인 이벤트)를 링크해 주세요.
            """,
        sections: [
            Section(
                id: "overview", title: "개요",
                questions: [
                    ("summary", "무슨 일이 있었나요? 팀 밖의 사람도 이해할 수 있도록 몇 문장으로 적어 주세요."),
                    ("impact", "누가, 어떻게, 얼마 동안 영향을 받았나요? 가능하면 숫자로 적어 주세요(실패한 요청, 고객 수, 데이터)."),
                    ("timeline", "주요 시점은 언제였나요? 영향 시작, 감지, 호출, 완화, 복구."),
                ]),
            Section(
                id: "detection", title: "감지",
                questions: [
                    ("how", "인시던트는 어떻게 알게 되었나요? 경보, 고객, 동료."),
                    ("sooner", "어떻게 하면 더 빨리 알 수 있었을까요? 빠졌거나, 너무 느렸거나, 너무 시끄러웠던 경보나 점검은 무엇인가요?"),
                ]),
            Section(
                id: "diagnosis", title: "진단",
                questions: [
                    ("engagement", "적절한 사람에게 연락이 닿기까지 얼마나 걸렸고, 무엇이 지연시켰나요?"),
                    ("cause", "원인을 찾기까지 얼마나 걸렸나요? 도움이 된 도구, 대시보드, 런북과 부족했던 것은 무엇인가요?"),
                ]),
            Section(
                id: "mitigation", title: "완화",
                questions: [
                    ("action", "무엇이 영향을 멈추었고, 진단 후 얼마나 걸렸나요?"),
                    ("faster", "무엇이 있었다면 완화가 더 빠르거나 안전했을까요(자동화, 롤백 경로, 런북 단계)?"),
                ]),
            Section(
                id: "prevention", title: "재발 방지(5 Whys)",
                questions: [
                    ("why1", "왜 1: 고객은 왜 영향을 받았나요?"),
                    ("why2", "왜 2: 위의 답은 왜 일어났나요?"),
                    ("why3", "왜 3: 그것은 왜 일어났나요?"),
                    ("why4", "왜 4: 그것은 왜 일어났나요?"),
                    ("why5", "왜 5: 그것은 왜인가요? 바꿀 수 있는 것에 도달하면 멈추세요."),
                    ("elsewhere", "같은 원인이 시스템의 다른 곳에서도 일어날 수 있나요? 어디인가요?"),
                    ("lessons", "계속 유지하고 싶은 잘된 점은 무엇이고, 무엇을 배웠나요?"),
                ]),
            Section(
                id: "actionItems", title: "조치 항목",
                questions: [
                    (
                        "actions",
                        "어떤 변경이 재발을 막거나 영향을 줄일까요? 각각에 대해 무엇을, 누가, 언제까지 하는지, 완료를 어떻게 확인할지 적어 주세요. 각 항목은 OpsItem으로 추적하세요."
                    )
                ]),
        ]
    )

    static let chinese = AnalysisTemplateText(
        displayName: "事件后分析",
        description: """
            # 事件后分析

            事件解决后，请以不追究个人责任的方式回答这些问题：目的是了解系统和响应过程可以如何改进。请尽可能附上证据\
            （图表、日志、时间线事件）的链接。
            """,
        sections: [
            Section(
                id: "overview", title: "概述",
                questions: [
                    ("summary", "发生了什么？请用团队以外的人也能看懂的几句话说明。"),
                    ("impact", "谁受到了影响，如何受影响，持续了多久？请尽量给出数字（失败的请求、客户数量、数据）。"),
                    ("timeline", "关键时间点是什么：影响开始、发现、通知相关人员、缓解、恢复？"),
                ]),
            Section(
                id: "detection", title: "发现",
                questions: [
                    ("how", "事件是如何被发现的：告警、客户还是同事？"),
                    ("sooner", "怎样才能更早发现？哪些告警或检查缺失、太慢或噪音太多？"),
                ]),
            Section(
                id: "diagnosis", title: "诊断",
                questions: [
                    ("engagement", "联系到合适的人用了多长时间，是什么拖慢了进度？"),
                    ("cause", "找到原因用了多长时间？哪些工具、仪表板或运行手册有帮助，缺少了哪些？"),
                ]),
            Section(
                id: "mitigation", title: "缓解",
                questions: [
                    ("action", "是什么结束了影响？距离诊断完成用了多长时间？"),
                    ("faster", "有什么能让缓解更快或更安全（自动化、回滚途径、运行手册步骤）？"),
                ]),
            Section(
                id: "prevention", title: "预防（五问法）",
                questions: [
                    ("why1", "为什么 1：客户为什么受到了影响？"),
                    ("why2", "为什么 2：上面的答案为什么会发生？"),
                    ("why3", "为什么 3：那又是为什么发生的？"),
                    ("why4", "为什么 4：那又是为什么发生的？"),
                    ("why5", "为什么 5：那又是为什么？找到可以改变的事情时就停下来。"),
                    ("elsewhere", "同样的原因是否可能在系统的其他地方发生？在哪里？"),
                    ("lessons", "哪些做得好的地方值得保持？学到了什么？"),
                ]),
            Section(
                id: "actionItems", title: "行动项",
                questions: [
                    (
                        "actions",
                        "哪些改动可以防止再次发生或减小影响？请为每一项写明：做什么、负责人、截止时间，以及如何确认已完成。请把每一项作为 OpsItem 跟踪。"
                    )
                ]),
        ]
    )
}
