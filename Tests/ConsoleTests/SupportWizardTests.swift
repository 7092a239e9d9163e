import Foundation
import HikeshiCore
import Testing

@testable import Console

@Suite("The new-case wizard's state")
struct SupportWizardTests {
    static let full: CaseWizardState = {
        var state = CaseWizardState()
        state.step = .attach
        state.issueType = "customer-service"
        state.serviceCode = "billing"
        state.categoryCode = "invoice"
        state.severityCode = "normal"
        state.subject = "請求書 & <b>\"quotes\"</b>"
        state.body = "line 1\r\nline 2 = a&b"
        state.cc = "a@example.com, b@example.com"
        state.language = "ja"
        state.attachmentSetID = "set-1"
        state.attachmentNames = ["a.txt", "b.log"]
        return state
    }()

    /// The form a browser sends back from a page of `step`: its hidden fields plus the step's own controls.
    static func roundTrip(_ state: CaseWizardState, at step: CaseWizardState.Step) -> CaseWizardState {
        var pairs: [(String, String)] = [("step", String(step.rawValue))]
        pairs += state.hidden(for: step).map { ($0.name, $0.value) }
        let shown = CaseWizardState.controls(of: step)
        for (name, value) in state.fields where shown.contains(name) { pairs.append((name, value)) }
        if shown.contains("service") { pairs.append(("service", "\(state.serviceCode)/\(state.categoryCode)")) }
        return CaseWizardState(form: FormData(pairs: pairs))
    }

    @Test("every answer survives every step, hidden or shown", arguments: CaseWizardState.Step.allCases)
    func survives(step: CaseWizardState.Step) {
        var expected = Self.full
        expected.step = step
        #expect(Self.roundTrip(expected, at: step) == expected)
    }

    @Test("a step's own controls are not also hidden (a hidden copy would win over the control)")
    func noDuplicates() {
        for step in CaseWizardState.Step.allCases {
            let hidden = Set(Self.full.hidden(for: step).map(\.name))
            #expect(hidden.isDisjoint(with: CaseWizardState.controls(of: step)), "\(step)")
        }
        #expect(!Self.full.hidden(for: .service).contains { $0.name == "serviceCode" || $0.name == "categoryCode" })
    }

    @Test("an unknown step or kind falls back, CC addresses split on commas, spaces and semicolons")
    func fallbacks() {
        let state = CaseWizardState(form: FormData(urlEncoded: "step=99&issueType=evil&cc=a%40x.com%3B+b%40y.com,,c%40z.com"))
        #expect(state.step == .kind)
        #expect(state.issueType == "technical")
        #expect(state.ccAddresses == ["a@x.com", "b@y.com", "c@z.com"])
    }

    @Test("a step lacking its answer says what is missing")
    func problems() {
        let t = SupportStrings.english
        var state = CaseWizardState()
        state.step = .service
        #expect(ConsoleRoutes.wizardProblem(state, t) == t.chooseServiceError)
        state.step = .describe
        state.subject = "x"
        state.body = "  \n"
        #expect(ConsoleRoutes.wizardProblem(state, t) == t.bodyRequired)
        state.body = "y"
        #expect(ConsoleRoutes.wizardProblem(state, t) == nil)
    }
}
