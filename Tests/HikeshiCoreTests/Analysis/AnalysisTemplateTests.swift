import Foundation
import HikeshiCore
import Testing

@Suite("Analysis templates")
struct AnalysisTemplateTests {
    @Test("every built-in template reads in its own language, with unique questions and the five whys", arguments: DocumentLanguage.allCases)
    func builtIns(_ language: DocumentLanguage) throws {
        let template = try AnalysisFixtures.template(language)
        #expect(template.language == language)
        #expect(template.sections.map(\.id) == ["overview", "detection", "diagnosis", "mitigation", "prevention", "actionItems"])
        let ids = template.sections.flatMap(\.questions).map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("why5") && ids.contains("actions"))
        #expect(template.sections.flatMap(\.questions).allSatisfy { $0.answer == nil })
    }

    @Test(
        "the language comes from the content, else the fallback",
        arguments: [
            (#"{"language":"ko","sections":[{"id":"s","title":"S","questions":[{"id":"q","text":"Q?"}]}]}"#, DocumentLanguage.korean),
            (#"{"sections":[{"id":"s","title":"S","questions":[{"id":"q","text":"Q?"}]}]}"#, .chinese),
        ])
    func language(_ content: String, _ expected: DocumentLanguage) throws {
        #expect(try AnalysisTemplate.read(json: content, fallbackLanguage: .chinese).language == expected)
    }

    @Test("a name ending -ja, -ko or -zh says the language; anything else is English")
    func languageOfName() {
        #expect(AnalysisTemplate.language(ofName: "Team-PIA-ja") == .japanese)
        #expect(AnalysisTemplate.language(ofName: "Team-PIA-ko") == .korean)
        #expect(AnalysisTemplate.language(ofName: "Team-PIA-zh") == .chinese)
        #expect(AnalysisTemplate.language(ofName: "Team-PIA") == .english)
        #expect(AnalysisTemplate.language(ofName: "Team-PIA-jp") == .english)
    }

    @Test(
        "content that is not a template is refused, saying where",
        arguments: [
            ("not json", "not a JSON object"),
            (#"["a"]"#, "not a JSON object"),
            (#"{"schemaVersion":"1.0"}"#, "sections"),
            (#"{"sections":[]}"#, "sections"),
            (#"{"sections":[{"title":"S","questions":[]}]}"#, "sections[0].id"),
            (#"{"sections":[{"id":"s","title":"S","questions":[{"id":"q"}]}]}"#, "sections[0].questions[0].text"),
            (#"{"sections":[{"id":"s","title":"S","questions":[{"id":"q","text":" "}]}]}"#, "sections[0].questions[0].text"),
            (#"{"sections":[{"id":"s","title":"S","questions":"q"}]}"#, "sections[0].questions"),
            (
                #"{"sections":[{"id":"a","title":"A","questions":[{"id":"q","text":"Q"}]},{"id":"b","title":"B","questions":[{"id":"q","text":"R"}]}]}"#,
                "sections[1].questions[0].id q is used twice"
            ),
            (#"{"sections":[{"id":"a","title":"A","questions":[]},{"id":"a","title":"B","questions":[]}]}"#, "sections[1].id a is used twice"),
            (#"{"sections":[{"id":"a","title":"A","questions":[]}]}"#, "asks no question"),
            (#"{"language":"fr","sections":[{"id":"s","title":"S","questions":[{"id":"q","text":"Q"}]}]}"#, "language"),
            (#"{"description":3,"sections":[{"id":"s","title":"S","questions":[{"id":"q","text":"Q"}]}]}"#, "description"),
        ])
    func refuses(_ content: String, _ mention: String) {
        do {
            _ = try AnalysisTemplate.read(json: content, fallbackLanguage: .english)
            Issue.record("accepted \(content)")
        } catch {
            #expect(error.message.contains(mention), "\(error.message)")
            #expect(error.field == nil)
        }
    }

    @Test("a template with more questions than allowed is refused")
    func tooManyQuestions() {
        let questions = (0...AnalysisTemplate.maximumQuestions).map { #"{"id":"q\#($0)","text":"Q"}"# }.joined(separator: ",")
        let content = #"{"sections":[{"id":"s","title":"S","questions":["# + questions + "]}]}"
        #expect(throws: AnalysisRuleError.self) { try AnalysisTemplate.read(json: content, fallbackLanguage: .english) }
    }
}
