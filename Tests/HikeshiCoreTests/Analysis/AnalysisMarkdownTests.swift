import Foundation
import HikeshiCore
import Testing

@Suite("Analysis Markdown export")
struct AnalysisMarkdownTests {
    typealias F = AnalysisFixtures

    /// Headings and labels each language's export must carry.
    static let expectations: [(DocumentLanguage, [String])] = [
        (
            .english,
            [
                "# Post-incident analysis: Database outage", "## Incident", "- **Impact:** 2 (High)", "- **Duration:** 2 h 5 min", "## Timeline",
                "## Engagements", "## Runbooks", "## Related items", "## Overview", "## Prevention (five whys)", "## Action items",
                "## Tracked action items",
                "_Not answered yet._", "- **Started:** 2030-03-17 17:46:40 UTC", "- **Resolved:** 2030-03-17 19:51:47 UTC",
                "- **Acknowledged:** 2030-03-17 17:50:40 UTC",
            ]
        ),
        (
            .japanese,
            [
                "# インシデント後の分析: Database outage", "## インシデント", "- **影響度:** 2 (高)", "- **所要時間:** 2時間5分", "## タイムライン",
                "## エンゲージメント", "## ランブック", "## 関連項目", "## 概要", "## 再発防止 (なぜなぜ 5 回)", "## アクション項目", "## 追跡中のアクション項目", "_まだ回答がありません。_",
            ]
        ),
        (
            .korean,
            [
                "# 인시던트 후 분석: Database outage", "## 인시던트", "- **영향도:** 2 (높음)", "- **소요 시간:** 2시간 5분", "## 타임라인", "## 참여 요청",
                "## 런북", "## 관련 항목", "## 개요", "## 조치 항목", "## 추적 중인 조치 항목", "_아직 답변이 없습니다._",
            ]
        ),
        (
            .chinese,
            [
                "# 事件后分析: Database outage", "## 事件", "- **影响:** 2 (高)", "- **持续时间:** 2小时5分钟", "## 时间线", "## 联系人通知", "## 运行手册",
                "## 相关项目", "## 概述", "## 行动项", "## 跟踪中的行动项", "_尚未回答。_",
            ]
        ),
    ]

    @Test("headings and labels are in the template's language", arguments: expectations)
    func languages(_ language: DocumentLanguage, _ lines: [String]) throws {
        let markdown = try F.analysis(language).markdown()
        let written = Set(markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        for line in lines {
            #expect(written.contains(line), "missing \(line) in\n\(markdown)")
        }
        #expect(markdown.hasSuffix("\n") && !markdown.hasSuffix("\n\n"))
    }

    @Test("facts, timeline, engagements, runbooks and related items are listed")
    func facts() throws {
        let markdown = try F.analysis().markdown()
        #expect(markdown.contains("- **Incident record:** `\(F.incidentArn)`"))
        #expect(markdown.contains("- **Template:** `AWSIncidents-PostIncidentAnalysisTemplate` (Amazon, version 1)"))
        #expect(markdown.contains("### Summary\n\nPrimary DB unreachable\n"))
        #expect(markdown.contains(#"- 2030-03-17 17:46:40 UTC: **SSM Incident Trigger** `{"source":"aws.ssm-incidents.custom"}`"#))
        #expect(
            markdown.contains(
                "- `arn:aws:ssm-contacts:ap-northeast-1:111111111111:contact/db-escalation`: Started 2030-03-17 17:47:40 UTC, Stopped 2030-03-17 19:46:40 UTC, Sender Incident Manager"
            ))
        #expect(
            markdown.contains(
                """
                - Document `DB-Diagnose` (version 3), Execution `arn:aws:ssm:ap-northeast-1:111111111111:automation-execution/0f2a`, \
                Status `Failed`, Started 2030-03-17 17:46:50 UTC, Ended 2030-03-17 17:56:40 UTC, Failure: Step Collect failed
                  - `Triage` (`aws:pause`): Status `Success`, Started 2030-03-17 17:46:50 UTC, Ended 2030-03-17 17:51:40 UTC
                  - `Collect` (`aws:executeScript`): Status `Failed`, Started 2030-03-17 17:51:40 UTC, Ended 2030-03-17 17:56:40 UTC, \
                Failure: Traceback: KeyError 'db'
                  - `Report` (`aws:invokeWebhook`): Status `Pending`
                - Document `DB-Failover` (version 2)
                - Execution `arn:aws:ssm:ap-northeast-1:111111111111:automation-execution/gone`
                """), "\(markdown)")
        #expect(markdown.contains("- `OTHER` `https://wiki.example.com/db`"))
        #expect(markdown.contains("- `PARENT` Parent OpsItem: `arn:aws:ssm:ap-northeast-1:111111111111:opsitem/oi-0123456789ab`"))
        #expect(markdown.contains("## Tracked action items\n\nNone.\n"))
    }

    @Test("answers keep their Markdown and say who answered; action items are a checklist")
    func answersAndActionItems() throws {
        var analysis = try F.analysis()
        try analysis.answer([(questionID: "why1", text: "Writes failed.\n\n- **12 minutes**")], by: F.bob, at: F.start)
        try analysis.addActionItem(
            AnalysisActionItem(
                opsItemID: "oi-00000000000a", opsItemArn: "arn", title: "Alarm on replica lag", description: "Add an alarm.\nPage the DB team.",
                priority: 2, questionID: "why1", createdBy: F.bob, createdAt: F.start))
        let markdown = analysis.markdown()
        #expect(
            markdown.contains(
                "### Why 1: why did customers feel the impact?\n\nWrites failed.\n\n- **12 minutes**\n\n_Answered by \(F.bob) at 2030-03-17 17:46:40 UTC_"
            ))
        #expect(
            markdown.contains("- [ ] **Alarm on replica lag** (`oi-00000000000a`, Priority 2, Question `why1`)\n  Add an alarm.\n  Page the DB team.")
        )
    }

    @Test("text from the incident is escaped, not interpreted")
    func escapes() throws {
        let analysis = try F.analysis(incident: F.incident(title: "DB *down* | [link](x) <b>\n# not a heading", summary: "a_b"))
        let markdown = analysis.markdown()
        #expect(markdown.hasPrefix(##"# Post-incident analysis: DB \*down\* \| \[link\](x) \<b\> \# not a heading"##))
        #expect(markdown.contains("\na\\_b\n"))
        #expect(!markdown.contains("\n# not a heading"))
    }

    @Test(
        "durations read as days, hours and minutes, or seconds under a minute",
        arguments: [
            (DocumentLanguage.english, Int64(42), "42 s"), (.english, 60, "1 min"), (.english, 3600, "1 h"), (.english, 90_061, "1 d 1 h 1 min"),
            (.japanese, 7507, "2時間5分"), (.japanese, 5, "5秒"), (.korean, 90_061, "1일 1시간 1분"), (.chinese, 3660, "1小时1分钟"), (.english, -5, "0 s"),
        ])
    func durations(_ language: DocumentLanguage, _ seconds: Int64, _ text: String) {
        #expect(AnalysisText.of(language).duration(seconds: seconds) == text)
    }
}
