import HikeshiCore
import Testing

/// A well-written case in one language, built from parts that each carry one piece of information, after the
/// good examples of AWS's guidelines for technical support cases; every part has a bad variant without it.
struct CaseFixture: Sendable, CustomTestStringConvertible {
    /// One part of the case and its bad variant.
    struct Part: Sendable {
        var good: String
        var bad: String
    }

    /// The information a part carries; the bad variant of each should trigger exactly the named check.
    enum Aspect: String, Sendable, CaseIterable {
        case goal, region, resource, zone, ongoing, error, attempts, previousCase, question

        /// The check its absence triggers.
        var check: CoachCheck {
            switch self {
            case .goal: return .noGoal
            case .region: return .noRegion
            case .resource: return .resourceWithoutID
            case .zone: return .timeWithoutZone
            case .ongoing: return .ongoingUnstated
            case .error: return .errorWithoutMessage
            case .attempts: return .noAttempts
            case .previousCase: return .previousCaseWithoutID
            case .question: return .noQuestion
            }
        }
    }

    var language: String
    var subject: String
    /// Assembles the body from the parts; each closure argument is the chosen text of that aspect.
    var layout: @Sendable (_ part: (Aspect) -> String) -> String
    var parts: [Aspect: Part]

    var testDescription: String { language }

    /// The good draft.
    var good: CaseDraft { draft(breaking: nil) }

    /// The draft with the bad variant of `aspect`, or the good draft for `nil`.
    func draft(breaking aspect: Aspect?) -> CaseDraft {
        let body = layout { which in
            guard let part = parts[which] else { return "" }
            return which == aspect ? part.bad : part.good
        }
        return CaseDraft(
            subject: subject, body: body, serviceCode: "elastic-load-balancing", categoryCode: "general-guidance", severityCode: "high",
            language: language)
    }

    /// The request id quoted by the good cases.
    static let requestID = "8f2c1e7a-3b4d-4e5f-9a6b-7c8d9e0f1a2b"

    /// Every fixture: English, Japanese, Korean, Chinese.
    static let all: [CaseFixture] = [english, japanese, korean, chinese]

    static let english = CaseFixture(
        language: "en",
        subject: "Load balancer returns errors to our office network",
        layout: { part in
            """
            \(part(.goal)) \(part(.resource))\(part(.region)) has been failing for requests from our office network since \
            2026-01-05 10:30\(part(.zone)).\(part(.ongoing)) \(part(.error)) \(part(.attempts)) \(part(.previousCase)) \(part(.question))
            """
        },
        parts: [
            .goal: Part(good: "We want to keep our online shop available during the January sale.", bad: "We run an online shop."),
            .resource: Part(
                good: "The load balancer my-shop-alb in front of instances i-0123456789abcdef0 and i-0fedcba9876543210",
                bad: "The load balancer in front of our web servers"),
            .region: Part(good: " in the Tokyo region (ap-northeast-1)", bad: ""),
            .zone: Part(good: " JST", bad: ""),
            .ongoing: Part(good: " It is still happening now.", bad: ""),
            .error: Part(
                good: "Each failed request logs the error \"503 Service Temporarily Unavailable\" with request id \(requestID).",
                bad: "Each failed request logs an error."),
            .attempts: Part(
                good: "I have checked that both targets pass their health checks and tried registering them again, but nothing changed.",
                bad: ""),
            .previousCase: Part(good: "This may be related to our previous case 1234567890.", bad: "This may be related to our previous case."),
            .question: Part(good: "What else should we check?", bad: "Thank you."),
        ]
    )

    static let japanese = CaseFixture(
        language: "ja",
        subject: "ロードバランサーが社内ネットワークからのリクエストに失敗する",
        layout: { part in
            """
            \(part(.goal))\(part(.region))\(part(.resource))が、2026-01-05 10:30\(part(.zone)) から社内ネットワークからのリクエストに\
            対して失敗しています。\(part(.ongoing))\(part(.error))\(part(.attempts))\(part(.previousCase))\(part(.question))
            """
        },
        parts: [
            .goal: Part(good: "年始セールの期間中もオンラインショップを提供し続けることが目的です。", bad: "オンラインショップを運営しています。"),
            .region: Part(good: "東京リージョン（ap-northeast-1）の", bad: ""),
            .resource: Part(
                good: "ロードバランサー my-shop-alb（ターゲットはインスタンス i-0123456789abcdef0 と i-0fedcba9876543210）",
                bad: "Web サーバーの前段にあるロードバランサー"),
            .zone: Part(good: " JST", bad: ""),
            .ongoing: Part(good: "現在も継続しています。", bad: ""),
            .error: Part(
                good: "ログには「503 Service Temporarily Unavailable」というエラーが出ており、リクエスト ID は 8f2c1e7a-3b4d-4e5f-9a6b-7c8d9e0f1a2b です。",
                bad: "ログにはエラーが出ています。"),
            .attempts: Part(good: "両方のターゲットがヘルスチェックに合格していることを確認し、ターゲットの再登録も試しましたが改善しませんでした。", bad: ""),
            .previousCase: Part(good: "前回のケース（ケース ID 1234567890）と関係があるかもしれません。", bad: "前回のケースと関係があるかもしれません。"),
            .question: Part(good: "ほかに確認すべき点を教えてください。", bad: "以上です。"),
        ]
    )

    static let korean = CaseFixture(
        language: "ko",
        subject: "로드 밸런서가 사내 네트워크의 요청에 실패합니다",
        layout: { part in
            """
            \(part(.goal)) \(part(.region))\(part(.resource))가 2026-01-05 10:30\(part(.zone))부터 사내 네트워크의 요청에 실패하고 \
            있습니다. \(part(.ongoing)) \(part(.error)) \(part(.attempts)) \(part(.previousCase)) \(part(.question))
            """
        },
        parts: [
            .goal: Part(good: "연초 세일 기간에도 온라인 쇼핑몰을 안정적으로 운영하는 것이 목적입니다.", bad: "온라인 쇼핑몰을 운영하고 있습니다."),
            .region: Part(good: "서울 리전(ap-northeast-2)의 ", bad: ""),
            .resource: Part(
                good: "로드 밸런서 my-shop-alb(대상 인스턴스 i-0123456789abcdef0, i-0fedcba9876543210)", bad: "웹 서버 앞의 로드 밸런서"),
            .zone: Part(good: " KST", bad: ""),
            .ongoing: Part(good: "현재도 계속되고 있습니다.", bad: ""),
            .error: Part(
                good: "로그에는 “503 Service Temporarily Unavailable” 오류가 기록되며 요청 ID는 8f2c1e7a-3b4d-4e5f-9a6b-7c8d9e0f1a2b입니다.",
                bad: "로그에는 오류가 기록됩니다."),
            .attempts: Part(good: "두 대상 모두 헬스 체크를 통과하는 것을 확인했고 대상 재등록도 시도했지만 변화가 없었습니다.", bad: ""),
            .previousCase: Part(good: "이전 문의(사례 ID 1234567890)와 관련이 있을 수 있습니다.", bad: "이전 문의와 관련이 있을 수 있습니다."),
            .question: Part(good: "추가로 확인해야 할 사항을 알려주세요.", bad: "이상입니다."),
        ]
    )

    static let chinese = CaseFixture(
        language: "zh",
        subject: "负载均衡器对办公网络的请求返回失败",
        layout: { part in
            """
            \(part(.goal))\(part(.region))\(part(.resource))从 2026-01-05 10:30\(part(.zone)) 起对来自办公网络的请求返回失败。\
            \(part(.ongoing))\(part(.error))\(part(.attempts))\(part(.previousCase))\(part(.question))
            """
        },
        parts: [
            .goal: Part(good: "我们的目的是在新年促销期间保持网店稳定运行。", bad: "我们运营一家网店。"),
            .region: Part(good: "北京区域（cn-north-1）的", bad: ""),
            .resource: Part(
                good: "负载均衡器 my-shop-alb（目标实例 i-0123456789abcdef0 和 i-0fedcba9876543210）", bad: "Web 服务器前面的负载均衡器"),
            .zone: Part(good: "（北京时间）", bad: ""),
            .ongoing: Part(good: "问题目前仍在持续。", bad: ""),
            .error: Part(
                good: "日志中记录的错误是“503 Service Temporarily Unavailable”，请求 ID 为 8f2c1e7a-3b4d-4e5f-9a6b-7c8d9e0f1a2b。",
                bad: "日志中记录了错误。"),
            .attempts: Part(good: "我已经确认两个目标都通过了运行状况检查，也尝试了重新注册目标，但没有变化。", bad: ""),
            .previousCase: Part(good: "这可能与之前的工单（工单号 1234567890）有关。", bad: "这可能与之前的工单有关。"),
            .question: Part(good: "请问还需要检查哪些地方？", bad: "以上。"),
        ]
    )
}
