extension CaseCoach {
    /// The longest detail a known-answer finding quotes from the draft (the matched signal only).
    static let maximumSignalLength = 64

    /// The requests AWS Support does not answer, after its guidelines.
    func notAnswerableFindings(in text: CoachText, language: SupportLanguage) -> [CoachFinding] {
        let all = text.all
        var findings: [CoachFinding] = []
        func add(_ check: CoachCheck, _ patterns: CoachPattern...) {
            findings.append(CoachFinding(check, language: language, evidence: patterns.flatMap { $0.matchedTexts(in: all, limit: 2) }))
        }
        if CoachLexicon.otherAccount.matches(all) {
            add(.notAnswerableOtherAccount, CoachLexicon.otherAccount)
        }
        if CoachLexicon.cause.matches(all) && CoachLexicon.infrastructure.matches(all) {
            add(.notAnswerableFailureRootCause, CoachLexicon.cause, CoachLexicon.infrastructure)
        }
        if CoachLexicon.performance.matches(all) {
            add(.notAnswerablePerformanceFigures, CoachLexicon.performance)
        }
        if CoachLexicon.maintenance.matches(all) {
            add(.notAnswerableMaintenanceHistory, CoachLexicon.maintenance)
        }
        if CoachLexicon.internalMechanism.matches(all) && !CoachLexicon.background.matches(all) && !CoachLexicon.goal.matches(all) {
            add(.notAnswerableInternalMechanism, CoachLexicon.internalMechanism)
        }
        if CoachLexicon.compliance.matches(all) {
            add(.notAnswerableComplianceDocuments, CoachLexicon.compliance)
        }
        if CoachLexicon.fixDate.matches(all) {
            add(.notAnswerableFixDate, CoachLexicon.fixDate)
        }
        return findings
    }

    /// Situations whose answer is known before filing; the detail is the matched signal.
    func knownAnswerFindings(in text: CoachText, language: SupportLanguage) -> [CoachFinding] {
        CoachLexicon.knownAnswers.compactMap { known in
            guard let signal = known.pattern.firstMatch(in: text.all) else { return nil }
            let quoted = String(signal.prefix(Self.maximumSignalLength))
            return CoachFinding(known.check, language: language, detail: quoted, evidence: [quoted])
        }
    }
}
