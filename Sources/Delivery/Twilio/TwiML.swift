/// A TwiML document: the instructions a Twilio voice call runs.
///
/// ```swift
/// let twiml = TwiML.page(
///     message: "障害が発生しました。確認するには1を押してください。",
///     language: .japanese,
///     action: "https://hikeshi.example.com/twilio/gather?page=42"
/// )
/// // <?xml version="1.0" encoding="UTF-8"?><Response><Gather input="dtmf" numDigits="1"
/// //   action="https://hikeshi.example.com/twilio/gather?page=42" method="POST"><Say language="ja-JP">…</Say>
/// //   </Gather><Say language="ja-JP">…</Say></Response>
/// ```
///
/// All text and attribute values are XML-escaped and characters XML cannot hold are dropped.
public struct TwiML: Sendable, Hashable {
    /// The language `<Say>` speaks, as Twilio's language codes.
    public enum Language: String, Sendable, Hashable, CaseIterable {
        /// English (United States).
        case english = "en-US"
        /// Japanese.
        case japanese = "ja-JP"
        /// Korean.
        case korean = "ko-KR"
        /// Mandarin Chinese (Simplified).
        case mandarin = "cmn-CN"

        /// The language for a language tag or locale identifier: `en`, `en-US`, `en_GB`, `ja`, `ja-JP`, `ko`,
        /// `zh`, `zh-CN`, `zh-Hans`, `cmn-CN`; nil for any other language.
        ///
        /// - Parameter identifier: The tag, case-insensitive, `-` or `_` separated.
        public init?(identifier: String) {
            let primary = identifier.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
            switch primary {
            case "en": self = .english
            case "ja": self = .japanese
            case "ko": self = .korean
            case "zh", "cmn": self = .mandarin
            default: return nil
            }
        }
    }

    /// One TwiML verb.
    public indirect enum Verb: Sendable, Hashable {
        /// `<Say>`: speaks text, `loop` times (0 repeats until the call ends).
        case say(String, language: Language? = nil, voice: String? = nil, loop: Int? = nil)
        /// `<Gather input="dtmf">`: collects up to `numDigits` key presses, then posts them (`Digits`) to `action`;
        /// the nested verbs play while it waits. Waits `timeout` seconds after the last key (Twilio's default 5).
        case gather(numDigits: Int, action: String, method: String = "POST", timeout: Int? = nil, [Verb])
        /// `<Pause>`: silence for some seconds.
        case pause(seconds: Int)
        /// `<Redirect>`: continues with the TwiML at a URL.
        case redirect(String, method: String = "POST")
        /// `<Hangup>`: ends the call.
        case hangup
    }

    /// The verbs, in order.
    public var verbs: [Verb]

    /// Makes a document from verbs.
    ///
    /// - Parameter verbs: The verbs, in order.
    public init(_ verbs: [Verb]) {
        self.verbs = verbs
    }

    /// The page call: the message is spoken inside a `<Gather>` that posts the pressed digits to `action`; when no
    /// key is pressed, `closing` is spoken and the call ends.
    ///
    /// - Parameters:
    ///   - message: What to say, in `language`.
    ///   - language: The language to speak.
    ///   - numDigits: How many digits to collect (the acknowledgement code's length).
    ///   - action: The URL Twilio posts the digits to.
    ///   - repeatCount: How many times the message is said while waiting.
    ///   - timeout: Seconds to wait for a key after the message.
    ///   - closing: What to say when no key was pressed; nil to say nothing.
    /// - Returns: The document.
    public static func page(
        message: String,
        language: Language,
        numDigits: Int = 1,
        action: String,
        repeatCount: Int = 1,
        timeout: Int? = nil,
        closing: String? = nil
    ) -> TwiML {
        var verbs: [Verb] = [
            .gather(
                numDigits: numDigits,
                action: action,
                timeout: timeout,
                [.say(message, language: language, loop: repeatCount == 1 ? nil : repeatCount)]
            )
        ]
        if let closing {
            verbs.append(.say(closing, language: language))
        }
        return TwiML(verbs)
    }

    /// The document as XML, with the declaration, on one line.
    public var xml: String {
        var text = #"<?xml version="1.0" encoding="UTF-8"?><Response>"#
        for verb in self.verbs {
            Self.render(verb, into: &text)
        }
        return text + "</Response>"
    }

    /// Escapes text for XML content or a double- or single-quoted attribute, dropping characters XML 1.0 cannot
    /// hold (control characters other than tab, line feed and carriage return; U+FFFE; U+FFFF).
    ///
    /// - Parameter text: The text.
    /// - Returns: The escaped text.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    private static func render(_ verb: Verb, into text: inout String) {
        switch verb {
        case .say(let message, let language, let voice, let loop):
            text += "<Say"
            if let voice {
                text += " voice=\"\(Self.escape(voice))\""
            }
            if let language {
                text += " language=\"\(language.rawValue)\""
            }
            if let loop {
                text += " loop=\"\(loop)\""
            }
            text += ">\(Self.escape(message))</Say>"
        case .gather(let numDigits, let action, let method, let timeout, let nested):
            text += "<Gather input=\"dtmf\" numDigits=\"\(numDigits)\" action=\"\(Self.escape(action))\" method=\"\(Self.escape(method))\""
            if let timeout {
                text += " timeout=\"\(timeout)\""
            }
            text += ">"
            for inner in nested {
                Self.render(inner, into: &text)
            }
            text += "</Gather>"
        case .pause(let seconds):
            text += "<Pause length=\"\(seconds)\"/>"
        case .redirect(let url, let method):
            text += "<Redirect method=\"\(Self.escape(method))\">\(Self.escape(url))</Redirect>"
        case .hangup:
            text += "<Hangup/>"
        }
    }
}
