extension CaseCoach {
    /// The missing-information checks: question, resource ids, region, time zone, ongoing state, error message,
    /// goal, attempts, previous case id.
    func missingInformationFindings(in text: CoachText, draft: CaseDraft, language: SupportLanguage) -> [CoachFinding] {
        let all = text.all
        let describesProblem = CoachLexicon.problem.matches(all)
        let mentionsResource = CoachLexicon.resourceMention.matches(all)
        var findings: [CoachFinding] = []
        func add(_ check: CoachCheck, _ evidence: [String]) {
            findings.append(CoachFinding(check, language: language, evidence: evidence))
        }
        let asks = asksSomething(text.prose)
        if !asks {
            add(.noQuestion, [])
        }
        // Asked once, and only when a check needs it: the slowest question here.
        var namedCache: Bool?
        func named() -> Bool {
            if let namedCache { return namedCache }
            let answer = namesResource(all)
            namedCache = answer
            return answer
        }
        // A general question about a service needs neither an id nor a region; a problem, or a statement about a
        // resource (`We use ELB.`, `A question about our web server.`), concerns a particular one.
        let particular = describesProblem || !asks
        if particular && !named(), let mention = resourceMention(in: all) {
            add(.resourceWithoutID, mention)
        }
        let concernsResource = particular ? (mentionsResource || describesProblem) : (mentionsResource && named())
        if concernsResource && !Self.isGlobal(draft) && !namesRegion(all) {
            let pattern = mentionsResource ? CoachLexicon.resourceMention : CoachLexicon.problem
            add(.noRegion, pattern.matchedTexts(in: all, limit: 3))
        }
        if CoachLexicon.timeOfDay.matches(all) && !namesZone(all) {
            add(.timeWithoutZone, CoachLexicon.timeOfDay.matchedTexts(in: all, limit: 3))
        }
        if describesProblem && !CoachLexicon.ongoing.matches(all) {
            add(.ongoingUnstated, CoachLexicon.problem.matchedTexts(in: all, limit: 3))
        }
        if CoachLexicon.errorMention.matches(all) && !quotesError(all) {
            add(.errorWithoutMessage, CoachLexicon.errorMention.matchedTexts(in: all, limit: 3))
        }
        if !CoachLexicon.goal.matches(all) {
            add(.noGoal, [])
        }
        if describesProblem && !CoachLexicon.attempts.matches(all) {
            add(.noAttempts, CoachLexicon.problem.matchedTexts(in: all, limit: 3))
        }
        if CoachLexicon.previousCase.matches(all) && !CoachLexicon.caseID.matches(all) {
            add(.previousCaseWithoutID, CoachLexicon.previousCase.matchedTexts(in: all, limit: 3))
        }
        return findings
    }

    /// The words that mention a resource, by kind or by its service's name; nil when none does.
    func resourceMention(in text: String) -> [String]? {
        let words = CoachLexicon.resourceMention.matchedTexts(in: text, limit: 3) + CoachLexicon.serviceResource.matchedTexts(in: text, limit: 3)
        return words.isEmpty ? nil : words
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
        if CoachLexicon.resourceName.matchedTexts(in: text, limit: 200).contains(where: Self.isResourceName) {
            return true
        }
        return CoachLexicon.namedResource.capturedTexts(in: text, limit: 50).contains { name in
            name.contains(where: \.isLetter) && !CoachLexicon.regionCode.matches(name)
        }
    }

    /// Words that join English compounds (`point-in-time`, `up-to-date`) rather than the parts of a resource name.
    static let joiningWords: Set<Substring> = ["to", "in", "as", "of", "by", "the", "a", "on", "up", "and", "or", "end", "out", "off"]

    /// Whether a hyphenated or underscored word is a resource's name: it has a digit or three parts, none of them a
    /// joining word; it is not a region or Availability Zone code, a header (`x-…`), a setting (`innodb_buffer_pool_size`)
    /// or a common technical term (`ec2-user`, `utf-8`).
    static func isResourceName(_ word: String) -> Bool {
        let parts = word.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard !parts.contains(where: joiningWords.contains), !isRegionCode(parts), !commonCompounds.contains(word),
            !word.hasPrefix("x-")
        else { return false }
        let digit = word.contains(where: \.isNumber)
        // `innodb_buffer_pool_size`: a setting's name, not a resource's.
        if !digit && !word.contains("-") { return false }
        return digit || parts.count >= 3
    }

    /// Technical terms written like resource names.
    static let commonCompounds: Set<String> = [
        "ec2-user", "x86_64", "utf-8", "utf-16", "sha-1", "sha-256", "sha-512", "server-side-encryption", "client-side-encryption",
        "tls-1", "ipv4-only", "ipv6-only", "read-only", "multi-az", "cross-region", "cross-account", "time-to-live", "dual-stack",
        "pay-as-you-go", "iso-8859-1", "rsa-2048", "aes-256", "http-01", "dns-01", "base-64", "base64-encoded",
    ]

    /// The compass words of region codes (`ap-northeast-1`, `us-gov-west-1`).
    static let regionDirections: Set<Substring> = [
        "north", "south", "east", "west", "central", "northeast", "northwest", "southeast", "southwest",
    ]

    /// Whether the parts of a hyphenated word make a region or Availability Zone code: a compass word, then a number
    /// with perhaps a zone letter (`ap-northeast-1a`), or a zone id (`apne1-az1`).
    static func isRegionCode(_ parts: [Substring]) -> Bool {
        if parts.count == 2, parts[1].hasPrefix("az"), parts[1].dropFirst(2).allSatisfy(\.isNumber) {
            return true  // a zone id: apne1-az1
        }
        guard parts.count >= 3, let last = parts.last, regionDirections.contains(parts[parts.count - 2]) else { return false }
        let digits = last.prefix(while: \.isNumber)
        return !digits.isEmpty && last.dropFirst(digits.count).count <= 1
    }

    /// Whether a region is named, by code or in words.
    func namesRegion(_ text: String) -> Bool {
        CoachLexicon.regionCode.matches(text) || CoachLexicon.regionName.matches(text)
    }

    /// Whether a time zone is named, by abbreviation, offset, IANA id or in words.
    func namesZone(_ text: String) -> Bool {
        CoachLexicon.zoneAbbreviation.matches(text) || CoachLexicon.zoneName.matches(text) || CoachLexicon.zoneByCity.matches(text)
    }

    /// Whether the exact error is given: a quoted message, an error code, an HTTP status, a request id, or a message
    /// pasted as it was shown (a log-like line; in a CJK draft, a run of ASCII words).
    func quotesError(_ text: String) -> Bool {
        CoachLexicon.quotedText.matches(text) || CoachLexicon.errorCode.matches(text) || CoachLexicon.statusCode.matches(text)
            || CoachLexicon.requestID.matches(text) || CoachLexicon.pastedLine.matches(text) || holdsPastedOutput(text)
    }

    /// Whether a draft written mostly in Japanese, Korean or Chinese holds a run of ASCII words long enough to be a
    /// pasted message or log line.
    func holdsPastedOutput(_ text: String) -> Bool {
        guard Self.isMostlyCJK(text) else { return false }
        return CoachLexicon.asciiRun.matchedTexts(in: text, limit: 100).contains { run in
            run.count >= 24 && run.contains { $0 == ":" || $0 == "(" || $0.isNumber }
        }
    }

    /// Whether a fifth or more of the text's letters are kana, hangul or han.
    static func isMostlyCJK(_ text: String) -> Bool {
        var letters = 0
        var cjk = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            letters += 1
            switch scalar.value {
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0x1100...0x11FF, 0xF900...0xFAFF: cjk += 1
            default: break
            }
        }
        return letters > 0 && cjk * 5 >= letters
    }

    /// Whether the draft's service or category needs no region: global services, billing, accounts.
    static func isGlobal(_ draft: CaseDraft) -> Bool {
        let codes = [draft.serviceCode, draft.categoryCode].compactMap { $0?.lowercased() }
        return codes.contains { code in CoachLexicon.globalServiceMarkers.contains { code.contains($0) } }
    }
}
