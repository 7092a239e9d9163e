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

    @Test("evidence of other findings never quotes a secret whole")
    func secretsMaskedEverywhere() {
        let body = "1. Why does EC2 with key AKIAIOSFODNN7EXAMPLE fail since the change?\n2. How is my invoice billed?"
        let report = coach.review(CaseDraft(subject: "Questions", body: body))
        #expect(report.contains(.severalQuestions) && report.contains(.sensitiveData))
        for finding in report.findings {
            #expect(!(finding.evidence ?? []).contains { $0.contains("AKIAIOSFODNN7") }, "\(finding.code) \(finding.evidence ?? [])")
        }
    }

    @Test("what only looks like a secret, a zone or a message is not one")
    func lookalikes() {
        #expect(!codes("mysql -h db.internal -P3306 -u admin -p fails with an error. Why?").contains("sensitive-data"), "-P is the port")
        #expect(!codes("The password of our MySQL8.0 DB expired. What should we do?").contains("sensitive-data"))
        #expect(codes("At 10:15 the job exited (-1). Why?").contains("time-without-zone"))
        #expect(codes("The export failed with an error.\nregion: ap-northeast-1\nWhy?").contains("error-without-message"))
        #expect(codes("EC2 インスタンスで AWS Systems Manager Session Manager がエラーになります。原因は？").contains("error-without-message"))
        #expect(codes("The EBS Volume failed in us-east-1 yesterday. Why?").contains("resource-without-id"), "Volume, capitalised")
        #expect(codes("The ec2-user login failed on our instance in us-east-1. Why?").contains("resource-without-id"), "ec2-user is no name")
        for download in ["S3 のオブジェクトをダウンロードする方法を教えてください。", "S3 객체를 다운로드하는 방법을 알려주세요."] {
            let found = codes(download)
            #expect(!found.contains("no-attempts") && !found.contains("ongoing-unstated"), "a download is no outage: \(download)")
        }
    }
}
