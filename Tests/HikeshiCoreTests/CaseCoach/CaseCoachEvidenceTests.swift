import HikeshiCore
import Testing

/// Findings say which words raised them, and the shapes the corpus showed people write are read as they are meant.
@Suite("CaseCoach evidence and phrasing")
struct CaseCoachEvidenceTests {
    let coach = CaseCoach()

    func codes(_ body: String, subject: String = "Question") -> Set<String> {
        Set(coach.review(CaseDraft(subject: subject, body: body)).codes)
    }

    @Test("a finding quotes the words that raised it")
    func evidence() {
        let report = coach.review(CaseDraft(subject: "至急 DB", body: "At 10:15 the instance failed with an error. Why?"))
        let evidence = Dictionary(uniqueKeysWithValues: report.findings.map { ($0.code, $0.evidence ?? []) })
        #expect(evidence["time-without-zone"] == ["10:15"])
        #expect(evidence["urgent-in-subject"] == ["至急"])
        #expect(evidence["error-without-message"] == ["error"])
        #expect(evidence["resource-without-id"]?.contains("instance") == true)
        #expect(evidence["no-goal"] == [], "a draft-wide absence quotes nothing")
    }

    @Test(
        "a message pasted as it was shown counts as the exact error",
        arguments: [
            "ログを見るとエラーが出ています。\nssh: connect to host 10.0.12.34 port 22: Connection timed out\n原因を教えてください。",
            "애플리케이션에서 아래 오류가 발생했어요.\n  ERROR 2003 (HY000): Can't connect to MySQL server (110)\n원인을 알려주세요.",
            "函数报错了，日志如下：\nTask timed out after 30.00 seconds\n请问原因？",
            "The app fails with this error:\nFATAL: password authentication failed for user \"postgres\"\nWhy?",
            "The job fails with an error, CloudWatch shows 'Task timed out after 6.00 seconds'. Why?",
        ])
    func pastedMessage(_ body: String) {
        #expect(!codes(body).contains("error-without-message"))
    }

    @Test("an error with nothing pasted, or only an ARN, is still asked for")
    func noMessage() {
        #expect(codes("関数 arn:aws:lambda:ap-northeast-1:123456789012:function:order-sync でエラーが出ました。原因は？").contains("error-without-message"))
        #expect(codes("The deployment failed with an error yesterday. Why?").contains("error-without-message"))
    }

    @Test("a resource named anywhere in the draft identifies it; joined English words do not")
    func resourceNames() {
        #expect(
            !codes("The app cannot reach the database since the password change; prod-db-01 is in ap-northeast-1. Why?").contains(
                "resource-without-id"))
        #expect(!codes("Our group web-asg-prod in us-west-2 failed to launch instances. Why?").contains("resource-without-id"))
        #expect(codes("The instance failed a point-in-time restore in us-west-2. Why?").contains("resource-without-id"))
        #expect(codes("本番の EC2 がエラーで落ちました。確認してください。").contains("resource-without-id"), "a service's name used for its resource")
    }

    @Test("a general question about a service needs neither an id nor a region")
    func generalQuestion() {
        let found = codes("How many requests per second can an Application Load Balancer handle before it scales? We are sizing our design.")
        #expect(!found.contains("resource-without-id") && !found.contains("no-region"))
    }

    @Test(
        "a city's time or a bare offset names the zone",
        arguments: [
            "From 2026/11/03 22:40 (Seoul time) the targets fail.", "since yesterday 18:00 Tokyo time", "2026/11/13 11:20 (+09:00) から",
            "2026-11-05 09:30（香港時間）開始", "2026/11/06 14:22（台北時間）", "at 08:12 (UTC+9)",
        ])
    func cityZones(_ body: String) {
        #expect(!codes(body).contains("time-without-zone"))
    }
}
