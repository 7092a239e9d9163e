import Foundation

/// How a desk email finds its case, and what of it is new: the case's display id in the subject (`[Case 1234567890]`)
/// or in the message ids of `In-Reply-To`/`References` (the desk's own messages are `<case.1234567890.…@…>`), the
/// subject without `Re:`/`Fwd:` prefixes, and the reply's text without the quoted message below it.
public enum MailThread {
    /// The prefix of the local part of the desk's message ids: `case.<display id>.<communication id>`.
    public static let messageIDPrefix = "case."

    /// The local part of the message id of a case email about `communicationID`.
    public static func messageIDLocalPart(displayID: String, communicationID: String) -> String {
        "\(messageIDPrefix)\(displayID).\(communicationID)"
    }

    /// The display ids a message refers to, most telling first: those in its references (the desk wrote those), then
    /// the one in its subject; each once. The caller takes the first that is a case of the sender's account.
    public static func displayIDs(of message: MailMessage) -> [String] {
        var ids: [String] = []
        for id in message.replyReferences.compactMap(displayID(inMessageID:)) + [displayID(inSubject: message.subject)].compactMap({ $0 })
        where !ids.contains(id) {
            ids.append(id)
        }
        return ids
    }

    /// The display id in a desk message id (`case.1234567890.comm-…@host`).
    static func displayID(inMessageID id: String) -> String? {
        guard id.hasPrefix(messageIDPrefix) else { return nil }
        let digits = id.dropFirst(messageIDPrefix.count).prefix { $0.isASCII && $0.isNumber }
        return isDisplayID(digits) ? String(digits) : nil
    }

    /// The display id after `Case` in a subject: `[Case 1234567890]`, `Case #1234567890`, `case: 1234567890`, in any
    /// case and with full-width brackets; ten digits exactly, so a longer number is not taken for one.
    public static func displayID(inSubject subject: String) -> String? {
        let folded = subject.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? subject
        var rest = folded[...]
        while let range = rest.range(of: "case", options: .caseInsensitive) {
            let before = range.lowerBound == folded.startIndex ? nil : folded[folded.index(before: range.lowerBound)]
            rest = folded[range.upperBound...]
            if let before, before.isLetter { continue }
            let digits = rest.drop { $0 == " " || $0 == "#" || $0 == ":" || $0 == "\t" }.prefix { $0.isASCII && $0.isNumber }
            let after = rest.drop { $0 == " " || $0 == "#" || $0 == ":" || $0 == "\t" }.dropFirst(digits.count).first
            if isDisplayID(digits), after.map({ !($0.isASCII && $0.isNumber) }) ?? true {
                return String(digits)
            }
        }
        return nil
    }

    private static func isDisplayID(_ digits: Substring) -> Bool {
        digits.count == 10 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The subject without reply and forward prefixes (`Re:`, `RE[2]:`, `Fwd:`, `FW:`, `AW:`, `返信:`, `回复:`, `답장:`…)
    /// and without the desk's `[Case …]` tag; at most 512 characters.
    public static func cleanSubject(_ subject: String) -> String {
        var text = subject.trimmingCharacters(in: .whitespacesAndNewlines)
        var changed = true
        while changed {
            changed = false
            let lowered = text.lowercased()
            for prefix in replyPrefixes {
                guard lowered.hasPrefix(prefix) else { continue }
                var rest = text.dropFirst(prefix.count)
                if rest.first == "[" || rest.first == "(" {
                    rest = rest.drop { $0 != ":" && $0 != "：" }
                }
                guard let colon = rest.first, colon == ":" || colon == "：" else { continue }
                text = rest.dropFirst().trimmingCharacters(in: .whitespaces)
                changed = true
                break
            }
            if text.hasPrefix("["), let close = text.firstIndex(of: "]"), displayID(inSubject: String(text[...close])) != nil {
                text = text[text.index(after: close)...].trimmingCharacters(in: .whitespaces)
                changed = true
            }
        }
        return String(text.prefix(512))
    }

    private static let replyPrefixes = ["re", "fwd", "fw", "aw", "wg", "sv", "vs", "tr", "返信", "転送", "回复", "答复", "转发", "回覆", "답장", "회신", "전달"]

    /// The new text of a reply: the lines above the quoted message — up to an attribution line (`On … wrote:`,
    /// `… のメッセージ:`, `… 님이 작성:`, `… 写道：`), an `-----Original Message-----` rule, Outlook's header block
    /// (`From:`/`Sent:`, `差出人:`/`送信日時:`…) with the underscore line above it, or the first run of `>` lines that
    /// goes on to the end; the whole text when nothing is quoted.
    public static func newText(ofReply text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var end = lines.count
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let next = index + 1 < lines.count ? String(lines[index + 1]) : nil
            if isAttribution(trimmed, next: next) || isOriginalRule(trimmed) {
                end = index
                break
            }
            if isQuotedHeader(lines, at: index) {
                end = index
                // Outlook draws a line of underscores above the block.
                if let rule = lines[..<index].lastIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
                    lines[rule].trimmingCharacters(in: .whitespaces).allSatisfy({ $0 == "_" })
                {
                    end = rule
                }
                break
            }
            if trimmed.hasPrefix(">"), lines[index...].allSatisfy({ $0.hasPrefix(">") || $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                end = index
                // The line that introduces the quote (`2026年12月7日(月) 9:00 Desk <desk@…>:`) goes with it.
                if index > 0, let previous = lines[index - 1].trimmingCharacters(in: .whitespaces).last, previous == ":" || previous == "：" {
                    end = index - 1
                }
                break
            }
        }
        let kept = lines[..<end].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return kept.isEmpty ? text.trimmingCharacters(in: .whitespacesAndNewlines) : kept
    }

    private static func isAttribution(_ line: String, next: String?) -> Bool {
        let quotedNext = next?.hasPrefix(">") ?? false
        let lowered = line.lowercased()
        if lowered.hasPrefix("on "), lowered.hasSuffix("wrote:") { return true }
        if ["のメッセージ:", "のメッセージ：", "wrote:", "님이 작성:", "님이 작성한 내용:", "写道：", "写道:", "寫道："].contains(where: { line.hasSuffix($0) }) {
            return quotedNext || lowered.hasPrefix("on ") || line.contains("20")
        }
        return false
    }

    /// Whether the lines at `index` are the header block Outlook puts above the message it quotes (`From:`, then
    /// `Sent:` or `Date:` within three lines; `差出人:`/`送信日時:`, `보낸 사람:`/`보낸 날짜:`, `发件人:`/`发送时间:`).
    private static func isQuotedHeader(_ lines: [Substring], at index: Int) -> Bool {
        let from = ["from:", "差出人:", "差出人：", "보낸 사람:", "发件人:", "发件人：", "寄件者:"]
        let sent = ["sent:", "date:", "送信日時:", "送信日時：", "보낸 날짜:", "发送时间:", "发送时间：", "日期:", "寄件日期:"]
        let line = lines[index].trimmingCharacters(in: .whitespaces).lowercased()
        guard from.contains(where: { line.hasPrefix($0) }) else { return false }
        return lines[(index + 1)..<min(lines.count, index + 4)].contains { next in
            let lowered = next.trimmingCharacters(in: .whitespaces).lowercased()
            return sent.contains(where: { lowered.hasPrefix($0) })
        }
    }

    private static func isOriginalRule(_ line: String) -> Bool {
        let lowered = line.lowercased()
        return lowered.hasPrefix("-----original message") || lowered.hasPrefix("-----元のメッセージ") || lowered.hasPrefix("-----원본 메시지")
            || lowered.hasPrefix("-----原始邮件")
    }
}
