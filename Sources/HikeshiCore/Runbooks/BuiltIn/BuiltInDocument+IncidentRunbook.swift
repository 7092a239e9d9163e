extension BuiltInDocument {
    /// The base name of the incident runbook template.
    public static let criticalIncidentRunbookName = "AWSIncidents-CriticalIncidentRunbookTemplate"

    /// The incident lifecycle as four manual steps (`aws:pause`), each with a checklist in Markdown, in one language.
    static func criticalIncidentRunbook(_ language: DocumentLanguage) -> BuiltInDocument {
        let text = IncidentRunbookText.of(language)
        let steps = zip(["Triage", "Diagnosis", "Mitigation", "Recovery"], text.steps).enumerated().map { index, pair -> DocumentValue in
            var step: [String: DocumentValue] = [
                "name": .string(pair.0), "action": .string("aws:pause"), "description": .string(pair.1), "inputs": .object([:]),
            ]
            if index == 3 { step["isEnd"] = .bool(true) }
            return .object(step)
        }
        let value = DocumentValue.object([
            "schemaVersion": .string("0.3"),
            "description": .string(text.description),
            "parameters": .object([
                "IncidentRecordArn": .object([
                    "type": .string("String"), "default": .string(""), "description": .string(text.incidentParameter),
                ])
            ]),
            "mainSteps": .array(steps),
        ])
        return BuiltInDocument(
            name: localized(criticalIncidentRunbookName, language), kind: .automation, displayName: text.displayName, language: language,
            value: value)
    }
}

/// The texts of the incident runbook template in one language.
private struct IncidentRunbookText {
    var displayName: String
    var description: String
    var incidentParameter: String
    /// Triage, Diagnosis, Mitigation, Recovery.
    var steps: [String]

    static func of(_ language: DocumentLanguage) -> IncidentRunbookText {
        switch language {
        case .english: english
        case .japanese: japanese
        case .korean: korean
        case .chinese: chinese
        }
    }

    static let english = IncidentRunbookText(
        displayName: "Critical incident runbook",
        description: """
            # Critical incident runbook

            A guide for working through a critical incident by hand, in four stages. Each stage is a pause: read its \
            checklist, do the work, then resume the runbook (SendAutomationSignal `Resume`) to go on to the next stage.

            Copy this document and edit the steps to fit your service.
            """,
        incidentParameter: "The ARN of the incident this runbook runs for (a response plan fills it in).",
        steps: [
            """
            ## Triage: how bad is it, and who is affected?

            **Size the impact**
            - Compare your service's health indicators (error rate, latency, throughput) with their usual level.
            - Check synthetic probes and customer reports: which journeys fail, in which regions, since when?

            **Tell people**
            - Give the incident a title your team recognises at a glance.
            - Write a short summary for someone joining now: what is broken, what is known, who leads.
            - Set the impact: 1 (most customers cannot use the service), 2 (a major feature fails for many customers), \
            3 (the service is degraded for many customers), 4 (degraded for a few customers), 5 (no impact yet, but it \
            is imminent without action).
            - Engage the owners of the affected components if they are not here yet.
            """,
            """
            ## Diagnosis: what changed?

            - List recent changes: deployments, configuration, feature flags, infrastructure, traffic and dependencies.
            - Follow the failing requests: the logs, traces and metrics of each component on their path.
            - Write down each hypothesis and what you found as a timeline note, so that nobody repeats the work.
            - If a dependency outside your team is failing, engage its owners and add their ticket as a related item.
            """,
            """
            ## Mitigation: stop the harm first

            - Prefer the quickest safe action to a root-cause fix: roll back, switch the feature off, fail over, add \
            capacity or shed load.
            - Before acting, say in the incident channel what you will do and how you will know it worked.
            - After each action, check the indicators from Triage and record the result in the timeline.
            - Update the impact and the summary as the situation changes.
            """,
            """
            ## Recovery: back to normal

            - Confirm that the indicators are back at their usual level and stay there for a while.
            - Undo temporary measures that should not stay (extra capacity, switched-off features), or record them as \
            follow-up work.
            - Tell customers and stakeholders that the incident is over.
            - Resolve the incident, then write its post-incident analysis while memories are fresh \
            (AWSIncidents-PostIncidentAnalysisTemplate).
            """,
        ]
    )

    static let japanese = IncidentRunbookText(
        displayName: "重大インシデント対応ランブック",
        description: """
            # 重大インシデント対応ランブック

            重大インシデントを 4 つの段階に沿って手作業で進めるためのガイドです。各段階は一時停止です。チェックリストを読んで\
            作業し、終わったらランブックを再開 (SendAutomationSignal の `Resume`) して次の段階に進んでください。

            このドキュメントをコピーし、自分たちのサービスに合わせて手順を書き換えてください。
            """,
        incidentParameter: "このランブックを実行するインシデントの ARN (対応プランが設定します)。",
        steps: [
            """
            ## トリアージ: どれほど深刻で、誰が影響を受けているか

            **影響の大きさを測る**
            - サービスの健全性指標 (エラー率、レイテンシー、スループット) を普段の水準と比べる。
            - 合成監視やお客様からの報告を確認する: どの操作が、どのリージョンで、いつから失敗しているか。

            **周知する**
            - チームが一目で分かるタイトルをインシデントに付ける。
            - 今から参加する人向けに短い概要を書く: 何が壊れているか、何が分かっているか、誰が指揮しているか。
            - 影響度を設定する: 1 (ほとんどのお客様がサービスを使えない)、2 (多くのお客様で主要な機能が失敗している)、\
            3 (多くのお客様でサービスが劣化している)、4 (一部のお客様でサービスが劣化している)、\
            5 (まだ影響はないが、対処しなければ差し迫っている)。
            - 影響を受けたコンポーネントの担当者がまだ参加していなければエンゲージする。
            """,
            """
            ## 診断: 何が変わったか

            - 最近の変更を洗い出す: デプロイ、設定、フィーチャーフラグ、インフラ、トラフィック、依存先。
            - 失敗しているリクエストを追う: 経路上の各コンポーネントのログ、トレース、メトリクス。
            - 立てた仮説と調べた結果をタイムラインのメモに残し、同じ調査を誰も繰り返さないようにする。
            - チーム外の依存先が失敗しているなら、その担当者をエンゲージし、相手のチケットを関連項目に追加する。
            """,
            """
            ## 緩和: まず被害を止める

            - 根本原因の修正よりも、最も早く安全な対処を優先する: ロールバック、機能の無効化、フェイルオーバー、\
            キャパシティの追加、負荷の制限。
            - 実行する前に、何をするか、どうなれば効いたと判断するかをインシデントのチャネルで伝える。
            - 対処のたびにトリアージで見た指標を確認し、結果をタイムラインに記録する。
            - 状況が変わったら影響度と概要を更新する。
            """,
            """
            ## 復旧: 通常の状態に戻す

            - 指標が普段の水準に戻り、しばらくその状態が続くことを確認する。
            - 残すべきでない一時的な措置 (追加したキャパシティ、無効化した機能) を元に戻すか、フォローアップ作業として記録する。
            - インシデントが終わったことをお客様と関係者に伝える。
            - インシデントを解決し、記憶が新しいうちにインシデント後の分析を書く \
            (AWSIncidents-PostIncidentAnalysisTemplate-ja)。
            """,
        ]
    )

    static let korean = IncidentRunbookText(
        displayName: "중대 인시던트 대응 런북",
        description: """
            # 중대 인시던트 대응 런북

            중대 인시던트를 네 단계에 따라 수동으로 진행하기 위한 안내서입니다. 각 단계는 일시 중지입니다. 체크리스트를 읽고 \
            작업한 뒤 런북을 재개(SendAutomationSignal의 `Resume`)하여 다음 단계로 넘어가세요.

            이 문서를 복사하여 서비스에 맞게 단계를 수정해서 사용하세요.
            """,
        incidentParameter: "이 런북을 실행하는 인시던트의 ARN(대응 계획이 채워 줍니다).",
        steps: [
            """
            ## 트리아지: 얼마나 심각하고, 누가 영향을 받는가

            **영향 규모 파악**
            - 서비스 상태 지표(오류율, 지연 시간, 처리량)를 평소 수준과 비교합니다.
            - 합성 모니터링과 고객 문의를 확인합니다. 어떤 작업이, 어느 리전에서, 언제부터 실패하는지 봅니다.

            **상황 공유**
            - 팀이 한눈에 알아볼 수 있는 제목을 인시던트에 붙입니다.
            - 지금 합류하는 사람을 위해 짧은 요약을 씁니다. 무엇이 고장 났는지, 무엇을 알고 있는지, 누가 지휘하는지.
            - 영향도를 설정합니다. 1(대부분의 고객이 서비스를 쓸 수 없음), 2(많은 고객에게서 주요 기능이 실패함), \
            3(많은 고객에게 서비스가 저하됨), 4(일부 고객에게 서비스가 저하됨), 5(아직 영향은 없지만 조치하지 않으면 곧 발생함).
            - 영향을 받은 구성 요소의 담당자가 아직 없다면 호출합니다.
            """,
            """
            ## 진단: 무엇이 바뀌었는가

            - 최근 변경 사항을 정리합니다. 배포, 설정, 기능 플래그, 인프라, 트래픽, 의존 서비스.
            - 실패하는 요청을 따라갑니다. 경로에 있는 각 구성 요소의 로그, 트레이스, 메트릭.
            - 세운 가설과 확인한 결과를 타임라인 메모로 남겨 아무도 같은 조사를 반복하지 않게 합니다.
            - 팀 외부의 의존 서비스가 실패하고 있다면 담당자를 호출하고, 그쪽 티켓을 관련 항목으로 추가합니다.
            """,
            """
            ## 완화: 먼저 피해를 멈춘다

            - 근본 원인 수정보다 가장 빠르고 안전한 조치를 우선합니다. 롤백, 기능 끄기, 장애 조치, 용량 추가, 부하 제한.
            - 실행하기 전에 무엇을 할지, 무엇을 보고 효과를 판단할지 인시던트 채널에 알립니다.
            - 조치할 때마다 트리아지에서 본 지표를 확인하고 결과를 타임라인에 기록합니다.
            - 상황이 바뀌면 영향도와 요약을 갱신합니다.
            """,
            """
            ## 복구: 정상 상태로 되돌린다

            - 지표가 평소 수준으로 돌아와 한동안 유지되는지 확인합니다.
            - 남겨 두면 안 되는 임시 조치(추가한 용량, 꺼 둔 기능)를 되돌리거나 후속 작업으로 기록합니다.
            - 인시던트가 끝났음을 고객과 이해관계자에게 알립니다.
            - 인시던트를 해결하고, 기억이 생생할 때 인시던트 후 분석을 작성합니다 \
            (AWSIncidents-PostIncidentAnalysisTemplate-ko).
            """,
        ]
    )

    static let chinese = IncidentRunbookText(
        displayName: "重大事件响应运行手册",
        description: """
            # 重大事件响应运行手册

            按四个阶段手动处理重大事件的指南。每个阶段都是一次暂停：阅读检查清单并完成工作后，恢复运行手册\
            （SendAutomationSignal 的 `Resume`）进入下一阶段。

            请复制本文档，并根据您的服务修改各个步骤。
            """,
        incidentParameter: "运行本手册所针对的事件的 ARN（由响应计划填写）。",
        steps: [
            """
            ## 分诊：有多严重，谁受到了影响？

            **评估影响范围**
            - 将服务的健康指标（错误率、延迟、吞吐量）与平常水平进行比较。
            - 查看合成监控和客户反馈：哪些操作失败了，在哪些区域，从什么时候开始？

            **通报情况**
            - 给事件起一个团队一眼就能认出的标题。
            - 为刚加入的人写一段简短摘要：什么坏了，已知什么，由谁指挥。
            - 设置影响级别：1（大多数客户无法使用服务）、2（许多客户的主要功能失败）、3（许多客户的服务质量下降）、\
            4（少数客户的服务质量下降）、5（尚无影响，但不处理就会发生）。
            - 如果受影响组件的负责人还没有参与，请联系他们。
            """,
            """
            ## 诊断：发生了什么变化？

            - 列出最近的变更：部署、配置、功能开关、基础设施、流量和依赖。
            - 追踪失败的请求：查看其路径上每个组件的日志、链路追踪和指标。
            - 把每个假设和调查结果记录为时间线备注，避免他人重复工作。
            - 如果是团队外部的依赖出现故障，请联系其负责人，并把对方的工单添加为相关项目。
            """,
            """
            ## 缓解：先止损

            - 优先采用最快且安全的措施，而不是修复根本原因：回滚、关闭功能、故障转移、增加容量或限制负载。
            - 行动之前，在事件频道中说明要做什么，以及如何判断是否奏效。
            - 每次操作后，检查分诊时看过的指标，并把结果记录到时间线中。
            - 情况变化时，更新影响级别和摘要。
            """,
            """
            ## 恢复：回到正常状态

            - 确认各项指标已回到平常水平，并保持稳定一段时间。
            - 撤销不应保留的临时措施（增加的容量、关闭的功能），或将其记录为后续工作。
            - 通知客户和相关方事件已经结束。
            - 解决事件，并趁记忆犹新时编写事件后分析（AWSIncidents-PostIncidentAnalysisTemplate-zh）。
            """,
        ]
    )
}
