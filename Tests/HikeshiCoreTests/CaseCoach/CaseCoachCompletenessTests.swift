import HikeshiCore
import Testing

/// A good case in each language yields no finding; removing one piece of information yields exactly its finding.
@Suite("CaseCoach completeness")
struct CaseCoachCompletenessTests {
    let coach = CaseCoach()

    @Test("a good case has no findings", arguments: CaseFixture.all)
    func goodCase(_ fixture: CaseFixture) {
        let report = coach.review(fixture.good)
        #expect(report.findings.isEmpty, "\(report.codes)")
        #expect(report.score == 100)
        #expect(report.language.rawValue == fixture.language)
    }

    @Test("each missing piece triggers exactly its finding", arguments: CaseFixture.all, CaseFixture.Aspect.allCases)
    func missingPiece(_ fixture: CaseFixture, _ aspect: CaseFixture.Aspect) {
        let report = coach.review(fixture.draft(breaking: aspect))
        #expect(report.codes == [aspect.check.code])
        #expect(report.findings.first?.kind == .missingInformation)
        #expect(report.score == 90)
    }
}
