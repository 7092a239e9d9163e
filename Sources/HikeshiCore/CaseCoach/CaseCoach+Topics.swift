extension CaseCoach {
    /// The longest detail a known-answer finding quotes from the draft (the matched signal only).
    static let maximumSignalLength = 64

    /// The requests AWS Support does not answer, after its guidelines.
    func notAnswerableFindings(in text: CoachText, language: SupportLanguage) -> [CoachFinding] {
        let all = text.all
        var checks: [CoachCheck] = []
        if CoachLexicon.otherAccount.matches(all) {
            checks.append(.notAnswerableOtherAccount)
        }
        if CoachLexicon.cause.matches(all) && CoachLexicon.infrastructure.matches(all) {
            checks.append(.notAnswerableFailureRootCause)
        }
        if CoachLexicon.performance.matches(all) {
            checks.append(.notAnswerablePerformanceFigures)
        }
        if CoachLexicon.maintenance.matches(all) {
            checks.append(.notAnswerableMaintenanceHistory)
        }
        if CoachLexicon.internalMechanism.matches(all) && !CoachLexicon.background.matches(all) && !CoachLexicon.goal.matches(all) {
            checks.append(.notAnswerableInternalMechanism)
        }
        if CoachLexicon.compliance.matches(all) {
            checks.append(.notAnswerableComplianceDocuments)
        }
        if CoachLexicon.fixDate.matches(all) {
            checks.append(.notAnswerableFixDate)
        }
        return checks.map { CoachFinding($0, language: language) }
    }

    /// Situations whose answer is known before filing; the detail is the matched signal.
    func knownAnswerFindings(in text: CoachText, language: SupportLanguage) -> [CoachFinding] {
        CoachLexicon.knownAnswers.compactMap { known in
            guard let signal = known.pattern.firstMatch(in: text.all) else { return nil }
            return CoachFinding(known.check, language: language, detail: String(signal.prefix(Self.maximumSignalLength)))
        }
    }
}
