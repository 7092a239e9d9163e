import Foundation

extension CaseCoach {
    /// One finding per kind of secret or personal data in `found` (``sensitiveData(in:)``); neither message nor detail
    /// contains the data, and the evidence shows only its first characters.
    func sensitiveDataFindings(_ found: [(kind: SensitiveDataKind, texts: [String])], language: SupportLanguage) -> [CoachFinding] {
        found.compactMap { kind, texts in
            texts.first.map { first in
                CoachFinding(
                    code: CoachCheck.sensitiveData.code, kind: .mask, message: CoachMessages.message(for: kind, in: language),
                    detail: kind.rawValue, evidence: [Self.masked(first)])
            }
        }
    }

    /// The first characters of a secret, enough to find it in the draft: a quarter of it, at most four.
    static func masked(_ secret: String) -> String {
        let trimmed = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        return String(trimmed.prefix(min(4, trimmed.count / 4))) + "…"
    }

    /// `word` with every secret in it, or a secret's beginning cut off at its end, replaced by ``masked(_:)``.
    static func maskingSecrets(in word: String, _ secrets: [String]) -> String {
        var result = word
        for secret in secrets where secret.count >= 4 {
            result = result.replacingOccurrences(of: secret, with: masked(secret))
            // Evidence is cut at 64 characters: a secret may end the quote unfinished.
            for length in stride(from: min(secret.count - 1, result.count), through: 4, by: -1)
            where result.hasSuffix(secret.prefix(length)) {
                result = String(result.dropLast(length)) + masked(secret)
                break
            }
        }
        return result
    }

    /// The kinds of sensitive data in `text`, in declaration order, each with every text found of it (the first is the
    /// finding's evidence; all of them are masked in the other findings' quotes).
    func sensitiveData(in text: String) -> [(kind: SensitiveDataKind, texts: [String])] {
        var found: [SensitiveDataKind: [String]] = [:]
        let keyIDs = CoachLexicon.accessKeyID.matchedTexts(in: text, limit: 100)
        found[.awsAccessKeyID] = keyIDs
        if !keyIDs.isEmpty || CoachLexicon.secretLabel.matches(text) {
            found[.awsSecretAccessKey] = CoachLexicon.secretAccessKey.capturedTexts(in: text, limit: 100).filter(Self.looksLikeSecretKey)
        }
        found[.password] =
            CoachLexicon.password.capturedTexts(in: text, limit: 100).filter { !Self.isMaskedValue($0) }
            + CoachLexicon.commandPassword.capturedTexts(in: text, limit: 100).filter { !Self.isMaskedValue($0) }
            + CoachLexicon.passwordNearby.capturedTexts(in: text, limit: 100).compactMap { Self.passwordToken(in: $0) }
            + CoachLexicon.userAndPassword.capturedTexts(in: text, limit: 100).filter(Self.looksLikePassword)
        if text.contains("-----BEGIN") {
            found[.privateKey] = CoachLexicon.privateKey.matchedTexts(in: text, limit: 100)
        }
        found[.creditCardNumber] = CoachLexicon.cardNumber.matchedTexts(in: text, limit: 1_000).filter(Self.isCardNumber)
        if text.utf8.contains(UInt8(ascii: "@")) {
            found[.emailAddress] = CoachLexicon.email.matchedTexts(in: text, limit: 1_000).filter(Self.isPersonalEmail)
        }
        found[.phoneNumber] =
            CoachLexicon.phone.matchedTexts(in: text, limit: 1_000).filter(Self.isPhoneShaped)
            + CoachLexicon.labeledPhone.matchedTexts(in: text, limit: 100)
        return SensitiveDataKind.allCases.compactMap { kind in
            found[kind].flatMap { $0.isEmpty ? nil : (kind, $0) }
        }
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

    /// The first token of `words` (runs of printable ASCII, 8 to 64 long) that looks like a password and is given as
    /// the value: after `to`, `is`, `as`, `:`, `=`, `は`, `为`, `是` (`changed it to X`), or before `로`, `으로`, `に`, `へ`,
    /// `を` (`X 로 변경`). `password of our MySQL8.0 DB` names no value.
    static func passwordToken(in words: String) -> String? {
        let tokens = words.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        for (index, token) in tokens.enumerated() {
            let value = token.prefix { $0.isASCII }
            guard (8...64).contains(value.count), looksLikePassword(String(value)) else { continue }
            let before = index > 0 ? tokens[index - 1] : ""
            let after = index + 1 < tokens.count ? tokens[index + 1] : String(token.dropFirst(value.count))
            let connectorBefore =
                ["to", "is", "as", ":", "=", "->", "→"].contains(before.lowercased())
                || ["は", "为", "是", "：", ":", "="].contains { before.hasSuffix($0) }
            let particleAfter = ["로", "으로", "に", "へ", "を", "로요"].contains { after.hasPrefix($0) }
            if connectorBefore || particleAfter {
                return String(value)
            }
        }
        return nil
    }

    /// Whether a token has a password's mix: upper and lower case letters and digits, or letters, digits and a symbol
    /// other than the `-`, `_`, `.` and `/` of names and paths; never masked.
    static func looksLikePassword(_ token: String) -> Bool {
        let value = token.trimmingCharacters(in: CharacterSet(charactersIn: "\"'`.,;:)」”"))
        guard !isMaskedValue(value) else { return false }
        let scalars = value.unicodeScalars
        let upper = scalars.contains { $0 >= "A" && $0 <= "Z" }
        let lower = scalars.contains { $0 >= "a" && $0 <= "z" }
        let digit = scalars.contains { $0 >= "0" && $0 <= "9" }
        let symbol = scalars.contains { "!@#$%^&*+=?~".unicodeScalars.contains($0) }
        return (upper && lower && digit) || ((upper || lower) && digit && symbol)
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
        return [
            "redacted", "masked", "hidden", "omitted", "removed", "secret", "password", "none", "null", "n/a", "yes", "no", "true",
            "false",
        ].contains(lowered)
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
