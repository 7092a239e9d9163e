import Foundation
import Testing

@testable import HikeshiCore

/// Support plans: their default definitions and their JSON form.
@Suite("SupportPlanDefinition")
struct SupportPlanDefinitionTests {
    @Test("plan raw values and display names")
    func planNames() {
        #expect(SupportPlanKind.allCases.map(\.rawValue) == ["basic", "developer", "business", "enterprise-on-ramp", "enterprise"])
        #expect(SupportPlanKind.allCases.map(\.displayName) == ["Basic", "Developer", "Business", "Enterprise On-Ramp", "Enterprise"])
        #expect(CommunicationChannel.allCases.map(\.rawValue) == ["web", "chat", "call"])
    }

    @Test("Basic: business hours, no technical cases, web only, low and normal")
    func basic() {
        let basic = SupportPlanDefinition.defaultDefinition(for: .basic)
        #expect(basic.plan == .basic)
        #expect(basic.businessHoursOnly)
        #expect(!basic.technicalCases)
        #expect(basic.channels == [.web])
        #expect(basic.targets == [.low: 1440, .normal: 720])
    }

    @Test("Developer: business hours, technical, web only, no high, urgent or critical")
    func developer() {
        let developer = SupportPlanDefinition.defaultDefinition(for: .developer)
        #expect(developer.businessHoursOnly)
        #expect(developer.technicalCases)
        #expect(developer.channels == [.web])
        #expect(developer.severities == [.low, .normal])
        #expect(developer.target(for: .low) == 1440)
        #expect(developer.target(for: .normal) == 720)
        #expect(developer.target(for: .high) == nil)
        #expect(developer.target(for: .urgent) == nil)
        #expect(developer.target(for: .critical) == nil)
        #expect(developer.target(for: .high) == nil)
    }

    @Test("Business: around the clock, every channel, up to urgent")
    func business() {
        let business = SupportPlanDefinition.defaultDefinition(for: .business)
        #expect(!business.businessHoursOnly)
        #expect(business.technicalCases)
        #expect(business.channels == [.web, .chat, .call])
        #expect(business.severities == [.low, .normal, .high, .urgent])
        #expect(business.target(for: .high) == 240)
        #expect(business.target(for: .urgent) == 60)
        #expect(business.target(for: .critical) == nil)
    }

    @Test("Enterprise On-Ramp: Business plus critical in 30 minutes")
    func enterpriseOnRamp() {
        let onRamp = SupportPlanDefinition.defaultDefinition(for: .enterpriseOnRamp)
        #expect(onRamp.plan == .enterpriseOnRamp)
        #expect(!onRamp.businessHoursOnly)
        #expect(onRamp.channels == [.web, .chat, .call])
        #expect(onRamp.severities == SupportSeverity.allCases)
        #expect(onRamp.target(for: .critical) == 30)
        #expect(onRamp.target(for: .urgent) == 60)
    }

    @Test("Enterprise: Business plus critical in 15 minutes")
    func enterprise() {
        let enterprise = SupportPlanDefinition.defaultDefinition(for: .enterprise)
        #expect(!enterprise.businessHoursOnly)
        #expect(enterprise.technicalCases)
        #expect(enterprise.severities == SupportSeverity.allCases)
        #expect(enterprise.targets == [.low: 1440, .normal: 720, .high: 240, .urgent: 60, .critical: 15])
    }

    @Test("every default definition names its own plan and has low and normal", arguments: SupportPlanKind.allCases)
    func defaultsAreConsistent(_ plan: SupportPlanKind) {
        let definition = SupportPlanDefinition.defaultDefinition(for: plan)
        #expect(definition.plan == plan)
        #expect(definition.target(for: .low) == 1440)
        #expect(definition.target(for: .normal) == 720)
    }

    @Test("JSON round trip", arguments: SupportPlanKind.allCases)
    func roundTrip(_ plan: SupportPlanKind) throws {
        let definition = SupportPlanDefinition.defaultDefinition(for: plan)
        let data = try JSONEncoder().encode(definition)
        #expect(try JSONDecoder().decode(SupportPlanDefinition.self, from: data) == definition)
    }

    @Test("targets encode as an object keyed by severity raw value")
    func exactJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(SupportPlanDefinition.defaultDefinition(for: .developer))
        let json = String(decoding: data, as: UTF8.self)
        #expect(
            json == #"{"businessHoursOnly":true,"channels":["web"],"plan":"developer","targets":{"low":1440,"normal":720},"technicalCases":true}"#
        )

        let enterprise = try encoder.encode(SupportPlanDefinition.defaultDefinition(for: .enterprise))
        let object = try JSONSerialization.jsonObject(with: enterprise) as? [String: Any]
        let targets = object?["targets"] as? [String: Int]
        #expect(targets == ["low": 1440, "normal": 720, "high": 240, "urgent": 60, "critical": 15])
        #expect(object?["plan"] as? String == "enterprise")
        #expect(object?["channels"] as? [String] == ["web", "chat", "call"])
    }

    @Test("the documented JSON decodes to the Developer defaults")
    func decodesDocumentedJSON() throws {
        let json = #"{"plan":"developer","businessHoursOnly":true,"technicalCases":true,"channels":["web"],"targets":{"low":1440,"normal":720}}"#
        let decoded = try JSONDecoder().decode(SupportPlanDefinition.self, from: Data(json.utf8))
        #expect(decoded == SupportPlanDefinition.defaultDefinition(for: .developer))
    }

    @Test("unknown severities, plans or channels do not decode")
    func rejectsUnknownValues() {
        let badSeverity = #"{"plan":"basic","businessHoursOnly":true,"technicalCases":false,"channels":["web"],"targets":{"sev1":5}}"#
        let badPlan = #"{"plan":"gold","businessHoursOnly":true,"technicalCases":false,"channels":["web"],"targets":{}}"#
        let badChannel = #"{"plan":"basic","businessHoursOnly":true,"technicalCases":false,"channels":["fax"],"targets":{}}"#
        let arrayTargets = #"{"plan":"basic","businessHoursOnly":true,"technicalCases":false,"channels":["web"],"targets":["low",1440]}"#
        for json in [badSeverity, badPlan, badChannel, arrayTargets] {
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode(SupportPlanDefinition.self, from: Data(json.utf8))
            }
        }
    }
}
