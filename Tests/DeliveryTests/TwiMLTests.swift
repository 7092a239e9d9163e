import Testing

@testable import Delivery

/// Building TwiML for page calls.
@Suite("TwiML")
struct TwiMLTests {
    @Test("The page call, exactly")
    func pageCall() {
        let twiml = TwiML.page(
            message: "障害が発生しました。確認するには1を押してください。",
            language: .japanese,
            numDigits: 1,
            action: "https://hikeshi.example.com/twilio/gather?engagement=e1&page=7",
            closing: "応答がありませんでした。"
        )
        #expect(
            twiml.xml
                == #"<?xml version="1.0" encoding="UTF-8"?><Response>"#
                + #"<Gather input="dtmf" numDigits="1" action="https://hikeshi.example.com/twilio/gather?engagement=e1&amp;page=7" method="POST">"#
                + #"<Say language="ja-JP">障害が発生しました。確認するには1を押してください。</Say></Gather>"#
                + #"<Say language="ja-JP">応答がありませんでした。</Say></Response>"#
        )
    }

    @Test("Repeats, timeouts and the other verbs")
    func otherVerbs() {
        let page = TwiML.page(message: "Press 1", language: .english, numDigits: 4, action: "/a", repeatCount: 3, timeout: 10)
        #expect(
            page.xml
                == #"<?xml version="1.0" encoding="UTF-8"?><Response><Gather input="dtmf" numDigits="4" action="/a" method="POST" timeout="10">"#
                + #"<Say language="en-US" loop="3">Press 1</Say></Gather></Response>"#
        )
        let verbs = TwiML([.say("hi", voice: "Polly.Mizuki"), .pause(seconds: 2), .redirect("/next?a=1&b=2"), .hangup])
        #expect(
            verbs.xml
                == #"<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Mizuki">hi</Say><Pause length="2"/>"#
                + #"<Redirect method="POST">/next?a=1&amp;b=2</Redirect><Hangup/></Response>"#
        )
    }

    @Test("XML escaping of text and attributes; characters XML cannot hold are dropped")
    func escaping() {
        #expect(TwiML.escape(#"<script>alert("x") & 'y'</script>"#) == "&lt;script&gt;alert(&quot;x&quot;) &amp; &apos;y&apos;&lt;/script&gt;")
        #expect(TwiML.escape("a\u{0}b\u{1B}c\u{FFFE}d\te\nf") == "abcd\te\nf")
        #expect(TwiML.escape("데이터베이스 🔥") == "데이터베이스 🔥")
        let twiml = TwiML.page(message: "DB <prod> & \"cache\"", language: .korean, action: "https://h/x?a=\"1\"&b=<2>")
        #expect(twiml.xml.contains(#"action="https://h/x?a=&quot;1&quot;&amp;b=&lt;2&gt;""#))
        #expect(twiml.xml.contains(#"<Say language="ko-KR">DB &lt;prod&gt; &amp; &quot;cache&quot;</Say>"#))
    }

    @Test("Languages from tags and locale identifiers")
    func languages() {
        #expect(TwiML.Language(identifier: "en") == .english)
        #expect(TwiML.Language(identifier: "en_GB") == .english)
        #expect(TwiML.Language(identifier: "ja-JP") == .japanese)
        #expect(TwiML.Language(identifier: "KO") == .korean)
        #expect(TwiML.Language(identifier: "zh-Hans-CN") == .mandarin)
        #expect(TwiML.Language(identifier: "cmn-CN") == .mandarin)
        #expect(TwiML.Language(identifier: "fr-FR") == nil)
        #expect(TwiML.Language(identifier: "") == nil)
        #expect(TwiML.Language.allCases.map(\.rawValue) == ["en-US", "ja-JP", "ko-KR", "cmn-CN"])
    }
}
