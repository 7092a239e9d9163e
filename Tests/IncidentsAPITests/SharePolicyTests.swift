import Testing

@testable import IncidentsAPI

@Suite struct SharePolicyTests {
    static let plan = "arn:aws:ssm-incidents::111111111111:response-plan/db"
    static let record = "arn:aws:ssm-incidents::111111111111:incident-record/db/abc"

    static func policy(_ statements: String) -> SharePolicy? {
        SharePolicy(json: #"{"Version":"2012-10-17","Statement":"# + statements + "}")
    }

    @Test func allowsTheNamedAccountTheListedActions() throws {
        let policy = try #require(
            Self.policy(#"[{"Effect":"Allow","Principal":{"AWS":"222222222222"},"Action":["ssm-incidents:GetIncidentRecord"],"Resource":"*"}]"#)
        )
        #expect(SharePolicy.allows([policy], account: "222222222222", action: "GetIncidentRecord", resource: Self.record))
        #expect(!SharePolicy.allows([policy], account: "222222222222", action: "UpdateIncidentRecord", resource: Self.record))
        #expect(!SharePolicy.allows([policy], account: "333333333333", action: "GetIncidentRecord", resource: Self.record))
    }

    @Test(arguments: [
        ("arn:aws:iam::222222222222:root", true),
        ("arn:aws:iam::222222222222:role/responder", true),
        ("*", true),
        ("arn:aws:iam::333333333333:root", false),
    ])
    func principalsNameAnAccount(principal: String, allowed: Bool) throws {
        let policy = try #require(
            Self.policy(#"{"Effect":"Allow","Principal":{"AWS":[""# + principal + #""]},"Action":"ssm-incidents:*","Resource":"*"}"#)
        )
        #expect(SharePolicy.allows([policy], account: "222222222222", action: "StartIncident", resource: Self.plan) == allowed)
    }

    @Test func wildcardsMatchActionsAndResources() throws {
        let policy = try #require(
            Self.policy(
                #"[{"Effect":"Allow","Principal":"*","Action":"ssm-incidents:Get*","Resource":"arn:aws:ssm-incidents::111111111111:incident-record/db/*"}]"#
            )
        )
        #expect(SharePolicy.allows([policy], account: "222222222222", action: "GetIncidentRecord", resource: Self.record))
        #expect(!SharePolicy.allows([policy], account: "222222222222", action: "GetIncidentRecord", resource: Self.plan))
        #expect(!SharePolicy.allows([policy], account: "222222222222", action: "UpdateIncidentRecord", resource: Self.record))
    }

    @Test func aDenyWinsAcrossPolicies() throws {
        let allow = try #require(Self.policy(#"[{"Effect":"Allow","Principal":"*","Action":"ssm-incidents:*","Resource":"*"}]"#))
        let deny = try #require(
            Self.policy(#"[{"Effect":"Deny","Principal":{"AWS":"222222222222"},"Action":"ssm-incidents:StartIncident","Resource":"*"}]"#)
        )
        #expect(!SharePolicy.allows([allow, deny], account: "222222222222", action: "StartIncident", resource: Self.plan))
        #expect(SharePolicy.allows([allow, deny], account: "222222222222", action: "GetResponsePlan", resource: Self.plan))
        #expect(!SharePolicy.allows([], account: "222222222222", action: "GetResponsePlan", resource: Self.plan))
    }

    @Test(arguments: ["", "[]", #"{"Statement":[{"Effect":"Maybe"}]}"#, #"{"Version":"2012-10-17"}"#, "not json"])
    func malformedPoliciesAreRejected(text: String) {
        #expect(SharePolicy(json: text) == nil)
    }

    @Test(arguments: [
        ("*", "anything", true), ("a*c", "abc", true), ("a*c", "abd", false), ("a?c", "abc", true), ("", "", true), ("ab", "abc", false),
        ("*x*", "yyxyy", true),
    ])
    func globMatching(pattern: String, text: String, matches: Bool) {
        #expect(SharePolicy.matches(pattern: pattern, text) == matches)
    }
}
