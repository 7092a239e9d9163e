import HikeshiCore
import Testing

/// The bad and good examples of AWS's guidelines for technical support cases, in all four languages.
@Suite("CaseCoach seed examples")
struct CaseCoachSeedExampleTests {
    /// One example: the text, and the checks it must and must not trigger.
    struct Example: Sendable, CustomTestStringConvertible {
        var name: String
        var language: String
        var body: String
        var expected: [CoachCheck]
        var unexpected: [CoachCheck] = []

        var testDescription: String { "\(name) [\(language)]" }
    }

    static let examples: [Example] = [
        // Only a statement, no question and no id.
        Example(name: "no question", language: "en", body: "We use ELB.", expected: [.noQuestion, .resourceWithoutID, .noRegion]),
        Example(name: "no question", language: "ja", body: "ELB を利用しています。", expected: [.noQuestion, .resourceWithoutID, .noRegion]),
        Example(name: "no question", language: "ko", body: "ELB서비스를 이용하고 있습니다.", expected: [.noQuestion, .resourceWithoutID, .noRegion]),
        Example(name: "no question", language: "zh", body: "我们正在使用 ELB。", expected: [.noQuestion, .resourceWithoutID, .noRegion]),
        // A role instead of an id and a region.
        Example(
            name: "role instead of id", language: "en", body: "A question about our web server.", expected: [.resourceWithoutID, .noRegion]),
        Example(name: "role instead of id", language: "ja", body: "Web サーバーについての質問です。", expected: [.resourceWithoutID, .noRegion]),
        Example(name: "role instead of id", language: "ko", body: "웹 서버 관련 질문에 대해.", expected: [.resourceWithoutID, .noRegion]),
        Example(name: "role instead of id", language: "zh", body: "关于 Web 服务器的问题。", expected: [.resourceWithoutID, .noRegion]),
        // With the region and the (masked) instance id.
        Example(
            name: "region and id", language: "en", body: "A question about EC2 (i-***) in the Seoul region.", expected: [],
            unexpected: [.resourceWithoutID, .noRegion]),
        Example(
            name: "region and id", language: "ja", body: "ソウルリージョンの EC2 (i-***) についての質問です。", expected: [],
            unexpected: [.resourceWithoutID, .noRegion]),
        Example(
            name: "region and id", language: "ko", body: "서울 리전의 EC2 (i-***) 관련 질문에 대해.", expected: [],
            unexpected: [.resourceWithoutID, .noRegion]),
        Example(
            name: "region and id", language: "zh", body: "关于首尔区域的 EC2（i-***）的问题。", expected: [],
            unexpected: [.resourceWithoutID, .noRegion]),
        // A time without its zone, then with it.
        Example(name: "time without zone", language: "en", body: "It happened on October 27 at 15:52.", expected: [.timeWithoutZone]),
        Example(name: "time without zone", language: "ja", body: "発生時刻は 10 月 27 日 15 時 52 分です。", expected: [.timeWithoutZone]),
        Example(name: "time without zone", language: "ko", body: "발생 시각은 10월 27일 15시 52분입니다.", expected: [.timeWithoutZone]),
        Example(name: "time without zone", language: "zh", body: "发生时间是 10 月 27 日 15 点 52 分。", expected: [.timeWithoutZone]),
        Example(
            name: "time with zone", language: "en", body: "It happened on October 27 at 15:52 (Korea Standard Time).", expected: [],
            unexpected: [.timeWithoutZone]),
        Example(
            name: "time with zone", language: "ja", body: "発生時刻は 10 月 27 日 15:52（日本時間）です。", expected: [], unexpected: [.timeWithoutZone]),
        Example(
            name: "time with zone", language: "ko", body: "발생 시간은 10월 27일 15:52 (대한민국 표준시) 입니다.", expected: [],
            unexpected: [.timeWithoutZone]),
        Example(
            name: "time with zone", language: "zh", body: "发生时间是 10 月 27 日 15:52（北京时间）。", expected: [], unexpected: [.timeWithoutZone]),
        // An error message asked about without the goal.
        Example(
            name: "error without goal", language: "en", body: "What does \"Error: Invalid parameters something\" mean?", expected: [.noGoal],
            unexpected: [.errorWithoutMessage, .noQuestion]),
        Example(
            name: "error without goal", language: "ja", body: "「Error: Invalid parameters something」はどういう意味ですか？", expected: [.noGoal],
            unexpected: [.errorWithoutMessage, .noQuestion]),
        Example(
            name: "error without goal", language: "ko", body: "\"Error: Invalid parameters something\" 는 무슨 의미인가요?", expected: [.noGoal],
            unexpected: [.errorWithoutMessage, .noQuestion]),
        Example(
            name: "error without goal", language: "zh", body: "“Error: Invalid parameters something”是什么意思？", expected: [.noGoal],
            unexpected: [.errorWithoutMessage, .noQuestion]),
        // A previous case referred to by id.
        Example(
            name: "previous case with id", language: "en",
            body: "About ELB my-web-elb: this relates to the previous inquiry (case ID = 1234567890). What should we do?", expected: [],
            unexpected: [.previousCaseWithoutID]),
        Example(
            name: "previous case with id", language: "ko", body: "ELB (ELB 이름 my-web-elb) 에 대한 질문입니다. 이는 이전 문의 (사례 ID = 1234567890) 와 관련이 있습니다.",
            expected: [], unexpected: [.previousCaseWithoutID, .resourceWithoutID]),
        // Internal mechanism without and with the reason.
        Example(
            name: "internals without reason", language: "ko", body: "RDS는 다중 AZ 구성 간에 어떻게 전환하며 어떤 기술이 사용됩니까?",
            expected: [.notAnswerableInternalMechanism]),
        Example(
            name: "internals with reason", language: "ko", body: "다중 AZ 구성에서 RDS가 장애 조치가 되는 조건은 무엇입니까? 우리는 현재 감시 시스템을 설계하고 있습니다. 어떤 기술이 사용됩니까?",
            expected: [], unexpected: [.notAnswerableInternalMechanism]),
    ]

    @Test("seed example", arguments: examples)
    func example(_ example: Example) {
        let report = CaseCoach().review(CaseDraft(subject: "", body: example.body, language: example.language))
        for check in example.expected {
            #expect(report.contains(check), "missing \(check.code) in \(report.codes)")
        }
        for check in example.unexpected {
            #expect(!report.contains(check), "unexpected \(check.code) in \(report.codes)")
        }
    }
}
