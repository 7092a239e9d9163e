import Foundation
import HikeshiCore
import Mustache
import Testing

@testable import Console

@Suite("Escalations on the desk and the upstream providers page")
struct EscalationPageTests {
    static let script = "<script>alert(1)</script>"

    static func render(_ template: String, _ model: any Sendable, language: SupportLanguage = .english) throws -> String {
        let library = try ConsoleTemplates.library()
        let envelope = PageEnvelope(t: ConsoleStrings.table(for: language), chrome: Fixtures.chrome(language), m: model)
        return try #require(library.render(envelope, withTemplate: template), "\(template)")
    }

    /// The desk's case page with one escalation: a message that went up and one received from upstream, as the route
    /// builds them, the upstream one being `body`.
    static func casePage(upstreamBody body: String, canRelay: Bool = true, relayRefusal: String? = nil) -> DeskCaseModel {
        let up = EscalationMessageView(
            messageID: "upm-aaaaaaaaaaaaaaaaaaaa", directionLabel: "To upstream", directionClass: "up", stateLabel: "Sent", stateRaw: "SENT",
            body: "Please look at the customer's instance.", upstreamAuthor: nil, time: Fixtures.time, files: ["app.log"], sendError: nil,
            canRelay: false, relayText: "", relayFiles: false, relayRefusal: nil)
        let down = EscalationMessageView(
            messageID: "upm-bbbbbbbbbbbbbbbbbbbb", directionLabel: "From upstream", directionClass: "down", stateLabel: "Received",
            stateRaw: "RECEIVED", body: body, upstreamAuthor: "Amazon Web Services", time: Fixtures.time, files: ["diagnosis.txt"], sendError: nil,
            canRelay: canRelay, relayText: body, relayFiles: true, relayRefusal: relayRefusal)
        let escalation = EscalationView(
            escalationID: "esc-cccccccccccccccccccc", providerName: "aws", statusLabel: "Open upstream", statusRaw: "OPEN", statusClass: "active",
            upstreamDisplayID: "1234567890", upstreamStatus: "opened", attempts: 0, failing: false, lastError: nil, nextAttempt: Fixtures.time,
            lastPolled: Fixtures.time, upstreamMessages: [up, down], canSend: true, canRetry: false, sendCommunications: [], sendAttachments: [],
            sendNote: "", sendOpen: false, sendRefusal: UpstreamFormRefusal(nil), retryRefusal: nil)
        return DeskCaseModel(
            base: "/console/desk/cases/case-1", caseID: "case-1", displayID: "1234", subject: "EC2", lang: "ja", accountID: "222222222222",
            statusLabel: "Opened", statusRaw: "opened", statusClass: "open", severityLabel: "Urgent", plan: "business", service: "EC2",
            languageName: "日本語", dueLabel: "Answered", dueClass: "answered", due: nil, assignee: "Aiko", agentMissing: false, canAct: true,
            canAssign: false, messages: [], coach: [], query: "", similar: [],
            escalation: EscalationPanel(
                escalations: [escalation], providers: [], communications: [], attachments: [], note: "", canEscalate: true,
                refusal: UpstreamFormRefusal(nil)),
            errors: [])
    }

    @Test("an upstream message containing a script renders escaped, in its text and in the relay form's textarea")
    func upstreamTextIsEscaped() throws {
        for language in SupportLanguage.allCases {
            let html = try Self.render("desk-case", Self.casePage(upstreamBody: "Try a reboot. " + Self.script), language: language)
            #expect(!html.contains(Self.script), "\(language): the upstream text is not escaped")
            #expect(html.contains("Try a reboot. &lt;script&gt;alert(1)&lt;/script&gt;</p>"), "\(language): the message text")
            #expect(html.contains(">Try a reboot. &lt;script&gt;alert(1)&lt;/script&gt;</textarea>"), "\(language): the relay form's text")
        }
    }

    @Test("no console template renders a value unescaped (`{{{…}}}` or `{{&…}}`)")
    func noUnescapedTags() {
        for (name, source) in ConsoleTemplates.sources {
            #expect(!source.contains("{{{") && !source.contains("{{&"), "\(name) renders a value unescaped")
        }
    }

    @Test("a received message has a relay form with its ids, the session's token, files and request-information checkboxes")
    func relayForm() throws {
        let html = try Self.render("desk-case", Self.casePage(upstreamBody: "Reboot the instance."))
        let relay = try #require(Self.form(in: html, action: "/console/desk/cases/case-1/relay"))
        #expect(relay.contains(#"name="_csrf" value="token""#))
        #expect(relay.contains(#"name="escalation" value="esc-cccccccccccccccccccc""#))
        #expect(relay.contains(#"name="message" value="upm-bbbbbbbbbbbbbbbbbbbb""#))
        #expect(relay.contains(#"name="includeAttachments" value="yes" checked"#))
        #expect(relay.contains(#"name="requestInformation" value="yes""#))
        #expect(html.contains("Amazon Web Services"), "who wrote it upstream")
        #expect(html.contains("diagnosis.txt") && html.contains("app.log"), "the messages' files")
        // Only the received message is relayed, and only by an agent who may answer the case.
        #expect(html.components(separatedBy: #"data-testid="relay""#).count == 2)
        let nobody = try Self.render("desk-case", Self.casePage(upstreamBody: "Reboot the instance.", canRelay: false))
        #expect(Self.form(in: nobody, action: "/console/desk/cases/case-1/relay") == nil)
        #expect(Self.form(in: nobody, action: "/console/desk/cases/case-1/upstream") != nil, "more still goes up")
    }

    @Test("a refused relay shows its refusal beside the text, kept as the agent typed it")
    func refusedRelay() throws {
        let html = try Self.render("desk-case", Self.casePage(upstreamBody: "Reboot.", relayRefusal: "ValidationException: Body"))
        #expect(html.contains(#"<details class="edit" open><summary>Relay to customer</summary>"#))
        #expect(html.contains(#"aria-invalid="true" aria-describedby="relay-upm-bbbbbbbbbbbbbbbbbbbb-error""#))
        #expect(html.contains(#"<p class="field-error" id="relay-upm-bbbbbbbbbbbbbbbbbbbb-error">ValidationException: Body</p>"#))
    }

    @Test("every form of the case page and the providers page posts the session's CSRF token", arguments: ["desk-case", "desk-upstream"])
    func everyFormCarriesTheToken(template: String) throws {
        let html = try Self.render(template, try #require(Fixtures.models[template]))
        let forms = html.components(separatedBy: #"<form method="post""#).dropFirst()
        #expect(forms.count >= 2)
        for form in forms {
            let body = form.components(separatedBy: "</form>")[0]
            #expect(body.contains(#"<input type="hidden" name="_csrf" value="token">"#), "a form without the token: \(body.prefix(120))")
        }
    }

    @Test("the provider form keeps what was typed but never the secret or the session token, and marks the refused field")
    func providerFormNeverEchoesSecrets() throws {
        let sent = FormData(
            urlEncoded: "name=aws-reseller&endpoint=ftp%3A%2F%2Fexample.com&region=us-east-1&accessKeyId=AKIAIOSFODNN7EXAMPLE"
                + "&secretAccessKey=wJalrXUtnFEMI%2FK7MDENG%2FbPxRfiCYSECRETKEY&sessionToken=FwoGZXIvYXdzEXAMPLETOKEN&pollIntervalSeconds=120")
        let refusal = FieldRefusal(message: "ValidationException: 1 validation error detected: Value at 'Endpoint' failed", paths: ["Endpoint"])
        let model = UpstreamProvidersModel(
            providers: [], formHeading: "Add provider", form: UpstreamProviderForm(sent: sent, refusal: refusal), canEdit: true,
            errors: [refusal.message])
        let html = try Self.render("desk-upstream", model)
        #expect(!html.contains("SECRETKEY") && !html.contains("EXAMPLETOKEN"), "a secret is echoed into the page")
        #expect(html.contains(#"id="p-secret" name="secretAccessKey" type="password""#))
        #expect(html.contains(#"id="p-token" name="sessionToken" type="password""#))
        #expect(html.contains(#"value="ftp://example.com" aria-describedby="p-endpoint-hint p-endpoint-error" aria-invalid="true""#))
        #expect(html.contains(#"<p class="field-error" id="p-endpoint-error">ValidationException: 1 validation error detected"#))
        #expect(html.contains(#"value="AKIAIOSFODNN7EXAMPLE""#) && html.contains(#"value="120""#))
        #expect(!html.contains(#"id="p-name-error""#), "only the named field is marked")
        #expect(html.contains("<div class=\"errors\" role=\"alert\""), "the summary at the top too")
    }

    @Test("a desk user who is not an admin reads the providers but gets no form and no delete button")
    func providersReadOnly() throws {
        let model = UpstreamProvidersModel(
            providers: [
                UpstreamProviderRow(
                    name: "aws", endpoint: "https://support.us-east-1.amazonaws.com", region: "us-east-1", accessKeyID: "AKIAIOSFODNN7EXAMPLE",
                    pollInterval: "5 min", updated: Fixtures.time, editHref: "/console/desk/upstream?edit=aws")
            ], formHeading: "Add provider", form: UpstreamProviderForm(name: "", endpoint: "", region: "", accessKeyID: "", pollIntervalSeconds: ""),
            canEdit: false, errors: [])
        let html = try Self.render("desk-upstream", model)
        #expect(html.contains(#"data-provider="aws""#) && html.contains("AKIAIOSFODNN7EXAMPLE"))
        #expect(!html.contains("<form method=\"post\" action=\"/console/desk/upstream"))
        #expect(html.contains("Only admins add, change or delete providers."))
    }

    @Test("a ValidationException's fields name the form fields; list indexes and nested members count as their member")
    func fieldRefusal() {
        let refusal = FieldRefusal(message: "ValidationException: x", paths: ["AttachmentIds[3]", "Opening.Subject"])
        #expect(refusal.members == ["AttachmentIds", "Opening"])
        #expect(refusal.at("AttachmentIds") == "ValidationException: x")
        #expect(refusal.at("Body") == nil)
        let form = UpstreamFormRefusal(refusal)
        #expect(form.attachments == "ValidationException: x" && form.form == nil && form.note == nil)
        let conflict = UpstreamFormRefusal(FieldRefusal(message: "ConflictException: escalated already", paths: []))
        #expect(conflict.form == "ConflictException: escalated already" && conflict.provider == nil)
        #expect(UpstreamFormRefusal(nil).form == nil)
        let provider = UpstreamProviderRefusal(FieldRefusal(message: "m", paths: ["PollIntervalSeconds"]))
        #expect(provider.pollInterval == "m" && provider.endpoint == nil && provider.secretAccessKey == nil)
    }

    @Test("a message's excerpt folds whitespace and is cut to its length; no box checked sends no list")
    func excerptsAndChoices() {
        #expect(ConsoleRoutes.excerpt("line one\n\n  line\ttwo ") == "line one line two")
        let long = ConsoleRoutes.excerpt(String(repeating: "あ", count: 500))
        #expect(long.count == ConsoleRoutes.excerptLength && long.hasSuffix("…"))
        #expect(ConsoleRoutes.chosen([]) == nil)
        #expect(ConsoleRoutes.chosen(["", "comm-1"]) == ["comm-1"])
    }

    @Test("the notices the escalation and provider forms redirect with exist in every language", arguments: SupportLanguage.allCases)
    func notices(language: SupportLanguage) {
        let strings = ConsoleStrings.table(for: language)
        for key in [
            "desk.escalatedNotice", "desk.sentUpstreamNotice", "desk.relayedNotice", "desk.retriedNotice", "desk.providerSaved",
            "desk.providerDeleted",
        ] {
            #expect(ConsoleRoutes.lookup(key, in: strings) != nil, "\(language) \(key)")
        }
    }

    /// The text of the first `<form method="post" action="…">` with `action`, up to its end; nil when there is none.
    static func form(in html: String, action: String) -> String? {
        let parts = html.components(separatedBy: #"<form method="post" action="\#(action)""#)
        guard parts.count > 1 else { return nil }
        return parts[1].components(separatedBy: "</form>")[0]
    }
}
