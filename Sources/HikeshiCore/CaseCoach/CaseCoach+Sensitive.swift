import Foundation

extension CaseCoach {
    /// One finding per kind of secret or personal data in the draft; neither message nor detail contains the data.
    func sensitiveDataFindings(in text: CoachText, language: SupportLanguage) -> [CoachFinding] {
        sensitiveDataKinds(in: text.full).map { kind in
            CoachFinding(
                code: CoachCheck.sensitiveData.code, kind: .mask, message: CoachMessages.message(for: kind, in: language),
                detail: kind.rawValue)
        }
    }

    /// The kinds of sensitive data in `text`, in declaration order.
    func sensitiveDataKinds(in text: String) -> [SensitiveDataKind] {
        var kinds: Set<SensitiveDataKind> = []
        let hasKeyID = CoachLexicon.accessKeyID.matches(text)
        if hasKeyID {
            kinds.insert(.awsAccessKeyID)
        }
        if CoachLexicon.secretAccessKey.capturedTexts(in: text, limit: 100).contains(where: Self.looksLikeSecretKey)
            && (hasKeyID || CoachLexicon.secretLabel.matches(text))
        {
            kinds.insert(.awsSecretAccessKey)
        }
        if CoachLexicon.password.capturedTexts(in: text, limit: 100).contains(where: { !Self.isMaskedValue($0) }) {
            kinds.insert(.password)
        }
        if text.contains("-----BEGIN") && CoachLexicon.privateKey.matches(text) {
            kinds.insert(.privateKey)
        }
        if CoachLexicon.cardNumber.matchedTexts(in: text, limit: 1_000).contains(where: Self.isCardNumber) {
            kinds.insert(.creditCardNumber)
        }
        if text.utf8.contains(UInt8(ascii: "@")) && CoachLexicon.email.matchedTexts(in: text, limit: 1_000).contains(where: Self.isPersonalEmail) {
            kinds.insert(.emailAddress)
        }
        if CoachLexicon.phone.matchedTexts(in: text, limit: 1_000).contains(where: Self.isPhoneShaped)
            || CoachLexicon.labeledPhone.matches(text)
        {
            kinds.insert(.phoneNumber)
        }
        return SensitiveDataKind.allCases.filter(kinds.contains)
    }

    /// Whether a 40-character run mixes upper case, lower case and digits or `/`, `+`, as secret keys do
    /// (and hex digests do not).
    static func looksLikeSecretKey(_ run: String) -> Bool {
        let scalars = run.unicodeScalars
        let upper = scalars.contains { $0 >= "A" && $0 <= "Z" }
        let lower = scalars.contains { $0 >= "a" && $0 <= "z" }
        let other = scalars.contains { ($0 >= "0" && $0 <= "9") || $0 == "/" || $0 == "+" }
        return upper && lower && other
    }

    /// Whether a password value is already masked or a placeholder: `****`, `xxxx`, `<password>`, `${PASSWORD}`, `redacted`.
    static func isMaskedValue(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'`.,;:)」”"))
        let lowered = trimmed.lowercased()
        if trimmed.isEmpty || trimmed.contains("***") || trimmed.hasPrefix("<") || trimmed.hasPrefix("$") || trimmed.hasPrefix("{") {
            return true
        }
        if trimmed.unicodeScalars.allSatisfy({ "*xX#•●".unicodeScalars.contains($0) }) {
            return true
        }
        return ["redacted", "masked", "hidden", "omitted", "removed", "secret", "password", "none", "null", "n/a"].contains(lowered)
    }

    /// Whether a digit run is a plausible payment card number: 13 to 19 digits, a known issuer prefix, Luhn-valid.
    static func isCardNumber(_ run: String) -> Bool {
        let digits = run.unicodeScalars.compactMap { $0.properties.numericType == .decimal ? Int($0.value) - 48 : nil }
        guard (13...19).contains(digits.count), digits.allSatisfy({ (0...9).contains($0) }) else { return false }
        let prefix2 = digits[0] * 10 + digits[1]
        let prefix4 = prefix2 * 100 + digits[2] * 10 + digits[3]
        let knownIssuer =
            digits[0] == 4 || (51...55).contains(prefix2) || (2221...2720).contains(prefix4) || prefix2 == 34 || prefix2 == 37
            || prefix4 == 6011 || prefix2 == 65 || (644...649).contains(prefix4 / 10) || (3528...3589).contains(prefix4)
            || (300...305).contains(prefix4 / 10) || prefix2 == 36 || prefix2 == 38 || prefix2 == 39 || prefix2 == 62
        return knownIssuer && luhn(digits)
    }

    /// The Luhn checksum test.
    static func luhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (index, digit) in digits.reversed().enumerated() {
            let value = index % 2 == 1 ? digit * 2 : digit
            sum += value > 9 ? value - 9 : value
        }
        return sum % 10 == 0
    }

    /// Whether an email address may belong to a person: not a documentation domain, not an AWS or no-reply sender.
    static func isPersonalEmail(_ address: String) -> Bool {
        let parts = address.lowercased().split(separator: "@", maxSplits: 1)
        guard parts.count == 2 else { return false }
        let local = String(parts[0])
        let domain = String(parts[1])
        let impersonalDomain = CoachLexicon.impersonalEmailDomains.contains { domain == $0 || domain.hasSuffix("." + $0) }
        return !impersonalDomain && !CoachLexicon.impersonalEmailLocalParts.contains(local)
    }

    /// Whether a formatted number is shaped like a phone number rather than an account id written `1234-5678-9012`.
    static func isPhoneShaped(_ number: String) -> Bool {
        let groups = number.split(whereSeparator: { $0 == " " || $0 == "-" })
        return !(groups.count == 3 && groups.allSatisfy { $0.count == 4 && $0.allSatisfy(\.isNumber) })
    }
}
