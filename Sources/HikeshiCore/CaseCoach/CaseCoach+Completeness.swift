extension CaseCoach {
    /// The missing-information checks: question, resource ids, region, time zone, ongoing state, error message,
    /// goal, attempts, previous case id.
    func missingInformationFindings(in text: CoachText, draft: CaseDraft, language: SupportLanguage) -> [CoachFinding] {
        let all = text.all
        let describesProblem = CoachLexicon.problem.matches(all)
        let mentionsResource = CoachLexicon.resourceMention.matches(all)
        var checks: [CoachCheck] = []
        if !asksSomething(text.prose) {
            checks.append(.noQuestion)
        }
        if mentionsResource && !namesResource(all) {
            checks.append(.resourceWithoutID)
        }
        if (mentionsResource || describesProblem) && !Self.isGlobal(draft) && !namesRegion(all) {
            checks.append(.noRegion)
        }
        if CoachLexicon.timeOfDay.matches(all) && !namesZone(all) {
            checks.append(.timeWithoutZone)
        }
        if describesProblem && !CoachLexicon.ongoing.matches(all) {
            checks.append(.ongoingUnstated)
        }
        if CoachLexicon.errorMention.matches(all) && !quotesError(all) {
            checks.append(.errorWithoutMessage)
        }
        if !CoachLexicon.goal.matches(all) {
            checks.append(.noGoal)
        }
        if describesProblem && !CoachLexicon.attempts.matches(all) {
            checks.append(.noAttempts)
        }
        if CoachLexicon.previousCase.matches(all) && !CoachLexicon.caseID.matches(all) {
            checks.append(.previousCaseWithoutID)
        }
        return checks.map { CoachFinding($0, language: language) }
    }

    /// Whether the text asks a question or makes a request.
    func asksSomething(_ prose: String) -> Bool {
        CoachLexicon.questionMark.matches(prose) || CoachLexicon.questionPhrase.matches(prose)
    }

    /// Whether some resource is named by id, ARN, URI, host name, label or hyphenated name (with a letter, so that
    /// `instance 2026-01-05` is not a name, and not a region code).
    func namesResource(_ text: String) -> Bool {
        if CoachLexicon.resourceID.matches(text) || CoachLexicon.labeledID.matches(text) {
            return true
        }
        return CoachLexicon.namedResource.capturedTexts(in: text, limit: 50).contains { name in
            name.contains(where: \.isLetter) && !CoachLexicon.regionCode.matches(name)
        }
    }

    /// Whether a region is named, by code or in words.
    func namesRegion(_ text: String) -> Bool {
        CoachLexicon.regionCode.matches(text) || CoachLexicon.regionName.matches(text)
    }

    /// Whether a time zone is named, by abbreviation, offset, IANA id or in words.
    func namesZone(_ text: String) -> Bool {
        CoachLexicon.zoneAbbreviation.matches(text) || CoachLexicon.zoneName.matches(text)
    }

    /// Whether the exact error is given: a quoted message, an error code, an HTTP status or a request id.
    func quotesError(_ text: String) -> Bool {
        CoachLexicon.quotedText.matches(text) || CoachLexicon.errorCode.matches(text) || CoachLexicon.statusCode.matches(text)
            || CoachLexicon.requestID.matches(text)
    }

    /// Whether the draft's service or category needs no region: global services, billing, accounts.
    static func isGlobal(_ draft: CaseDraft) -> Bool {
        let codes = [draft.serviceCode, draft.categoryCode].compactMap { $0?.lowercased() }
        return codes.contains { code in CoachLexicon.globalServiceMarkers.contains { code.contains($0) } }
    }
}
