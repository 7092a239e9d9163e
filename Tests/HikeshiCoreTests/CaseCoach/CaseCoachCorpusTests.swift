import Foundation
import HikeshiCore
import Testing

/// The coach against the labelled corpus (`Corpus/`, see its README): per language, precision and recall over every
/// (draft, check) pair must reach 0.9; the test prints each check's figures and every disagreement.
@Suite("CaseCoach corpus")
struct CaseCoachCorpusTests {
    /// The least precision and recall every language must reach.
    static let target = 0.9

    /// The checks raised by what a draft lacks as a whole, which quote nothing.
    static let wholeDraftChecks: Set<String> = [CoachCheck.noQuestion.code, CoachCheck.noGoal.code]

    @Test("precision and recall per language", arguments: ["en", "ja", "ko", "zh"])
    func corpus(_ language: String) throws {
        let drafts = try CorpusDraft.load(language)
        #expect(drafts.count >= 40, "the corpus holds at least 40 drafts per language")
        var tally = CorpusTally()
        var disagreements: [String] = []
        for draft in drafts {
            let report = CaseCoach().review(draft.draft(language: language))
            let found = Set(report.findings.map(\.code))
            let expected = Set(draft.expected)
            tally.add(found: found, expected: expected)
            for code in found.subtracting(expected).sorted() {
                let evidence = report.findings.first { $0.code == code }?.evidence ?? []
                disagreements.append("  \(draft.id) extra \(code) \(evidence)")
            }
            for code in expected.subtracting(found).sorted() {
                disagreements.append("  \(draft.id) missed \(code)")
            }
        }
        print(tally.table(title: "case coach, \(language), \(drafts.count) drafts"))
        if !disagreements.isEmpty {
            print(disagreements.joined(separator: "\n"))
        }
        #expect(tally.overall.precision >= Self.target, "\(language) precision \(tally.overall.precision)")
        #expect(tally.overall.recall >= Self.target, "\(language) recall \(tally.overall.recall)")
    }

    @Test("every label is a check the coach knows, and every finding names its evidence")
    func labelsAndEvidence() throws {
        let known = Set(CoachCheck.allCases.map(\.code))
        for language in ["en", "ja", "ko", "zh"] {
            let drafts = try CorpusDraft.load(language)
            #expect(Set(drafts.map(\.id)).count == drafts.count, "ids are unique in \(language)")
            for draft in drafts {
                #expect(Set(draft.expected).isSubset(of: known), "\(draft.id) \(draft.expected)")
                for finding in CaseCoach().review(draft.draft(language: language)).findings {
                    // Only the checks that fire on what the whole draft lacks have nothing to quote.
                    let quotes = !(finding.evidence ?? []).isEmpty
                    #expect(quotes != Self.wholeDraftChecks.contains(finding.code), "\(draft.id) \(finding.code) \(finding.evidence ?? [])")
                }
            }
        }
    }
}

/// One labelled draft of the corpus.
struct CorpusDraft: Decodable {
    var id: String
    var subject: String
    var body: String
    var serviceCode: String?
    var categoryCode: String?
    var expected: [String]

    /// The coach's input, advice in the corpus language.
    func draft(language: String) -> CaseDraft {
        CaseDraft(subject: subject, body: body, serviceCode: serviceCode, categoryCode: categoryCode, language: language)
    }

    /// The drafts of `language`'s file.
    static func load(_ language: String) throws -> [CorpusDraft] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus/\(language).json")
        return try JSONDecoder().decode([CorpusDraft].self, from: Data(contentsOf: url))
    }
}

/// True and false positives and negatives, per check and overall.
struct CorpusTally {
    struct Counts {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0

        var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    }

    var byCheck: [String: Counts] = [:]
    var overall = Counts()

    mutating func add(found: Set<String>, expected: Set<String>) {
        for code in found.union(expected) {
            var counts = byCheck[code] ?? Counts()
            switch (found.contains(code), expected.contains(code)) {
            case (true, true): counts.truePositives += 1
            case (true, false): counts.falsePositives += 1
            default: counts.falseNegatives += 1
            }
            byCheck[code] = counts
        }
        overall.truePositives += found.intersection(expected).count
        overall.falsePositives += found.subtracting(expected).count
        overall.falseNegatives += expected.subtracting(found).count
    }

    func table(title: String) -> String {
        func row(_ name: String, _ counts: Counts) -> String {
            let figures = String(
                format: "%5.2f %5.2f %4d %4d %4d", counts.precision, counts.recall, counts.truePositives, counts.falsePositives, counts.falseNegatives
            )
            return name.padding(toLength: 40, withPad: " ", startingAt: 0) + figures
        }
        var lines = [title, "check".padding(toLength: 40, withPad: " ", startingAt: 0) + "prec. recall  tp   fp   fn"]
        for code in byCheck.keys.sorted() {
            lines.append(row(code, byCheck[code] ?? Counts()))
        }
        lines.append(row("all", overall))
        return lines.joined(separator: "\n")
    }
}
