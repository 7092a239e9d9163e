/// The case coach's vocabulary: keyword lists in four languages and the patterns compiled from them.
///
/// Everything is compiled once, on first use, and shared: the coach is `Sendable` and reentrant.
enum CoachLexicon {
    /// Every keyword list by name, so the tests can check that each exists in all four languages.
    static var keywordSets: [String: CoachKeywords] {
        [
            "question": questionKeywords, "problem": problemKeywords, "error": errorKeywords, "resource": resourceKeywords,
            "regionName": regionNameKeywords, "regionWord": regionWordKeywords, "zoneName": zoneNameKeywords,
            "ongoing": ongoingKeywords, "goal": goalKeywords, "attempt": attemptKeywords, "previousCase": previousCaseKeywords,
            "background": backgroundKeywords, "urgent": urgentKeywords,
        ].merging(topicKeywordSets) { first, _ in first }
    }

    /// Every compiled pattern by name, so the tests can check that each compiles.
    static var allPatterns: [String: CoachPattern] {
        var patterns: [String: CoachPattern] = [
            "questionPhrase": questionPhrase, "questionMark": questionMark, "url": url, "numberedItem": numberedItem,
            "problem": problem, "errorMention": errorMention, "quotedText": quotedText, "errorCode": errorCode,
            "statusCode": statusCode, "requestID": requestID, "resourceMention": resourceMention, "resourceID": resourceID,
            "labeledID": labeledID, "namedResource": namedResource, "regionCode": regionCode, "regionName": regionName,
            "timeOfDay": timeOfDay, "zoneAbbreviation": zoneAbbreviation, "zoneName": zoneName, "ongoing": ongoing,
            "goal": goal, "attempts": attempts, "previousCase": previousCase, "caseID": caseID, "background": background,
            "urgent": urgent, "accessKeyID": accessKeyID, "secretAccessKey": secretAccessKey, "secretLabel": secretLabel,
            "password": password, "privateKey": privateKey, "cardNumber": cardNumber, "email": email, "phone": phone,
            "labeledPhone": labeledPhone, "pastedLine": pastedLine, "asciiRun": asciiRun, "resourceName": resourceName,
            "serviceResource": serviceResource, "zoneByCity": zoneByCity, "commandPassword": commandPassword,
            "passwordNearby": passwordNearby, "userAndPassword": userAndPassword, "anotherMatter": anotherMatter,
        ]
        for (name, pattern) in topicPatterns {
            patterns[name] = pattern
        }
        for (index, service) in services.enumerated() {
            patterns["service.\(index).\(service.name)"] = service.pattern
        }
        return patterns
    }
}
