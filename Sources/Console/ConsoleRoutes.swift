import AWSProtocol
import Crypto
import Foundation
import HTTPTypes
import HikeshiCore
import Hummingbird
import Logging
import Mustache
import NIOCore
import Storage

/// The web console under `/console/`: sign-in and sessions, the pages of every area, and the request pipeline they share
/// (session, CSRF and Origin checks, role checks, language and time zone, security headers, rendering).
public struct ConsoleRoutes: Sendable {
    let services: ConsoleServices
    let authenticator: ConsoleAuthenticator
    /// The templates, parsed on first use; nil (and the parse error logged) if one does not parse.
    func library(logger: Logger) -> MustacheLibrary? {
        switch ConsoleTemplates.parsed {
        case .success(let library):
            return library
        case .failure(let error):
            logger.error("console templates do not parse", metadata: ["error": .string(String(describing: error))])
            return nil
        }
    }
    let origin: String
    let region: String
    let secureCookies: Bool
    let logger: Logger

    /// The largest form body the console reads.
    static let maximumFormBytes = 1 << 20
    /// The largest `multipart/form-data` body a route that takes attachments reads: three files of 5 MB and the
    /// form around them.
    static let maximumUploadBytes = 3 * 5 * 1024 * 1024 + (1 << 20)

    /// Creates the console (its templates are parsed when it first renders a page).
    ///
    /// - Parameters:
    ///   - publicURL: The server's public URL: its origin is accepted on forms, and https makes cookies `Secure`.
    ///   - region: The region console users work in (ARNs and the AWS request context).
    public init(services: ConsoleServices, hasher: PasswordHasher, publicURL: String, region: String, logger: Logger) throws {
        self.services = services
        self.authenticator = ConsoleAuthenticator(store: services.store, clock: services.clock, hasher: hasher)
        let url = URL(string: publicURL)
        let scheme = url?.scheme?.lowercased() ?? "http"
        let port = url?.port.map { ":\($0)" } ?? ""
        self.origin = "\(scheme)://\(url?.host?.lowercased() ?? "")\(port)"
        self.secureCookies = scheme == "https"
        self.region = region
        self.logger = logger
    }

    /// Adds every console route to `router`.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/console/assets/:file") { _, context in self.asset(context.parameters.get("file") ?? "") }
        router.get("/console/") { request, context in
            await self.page(request, context) { call in
                .redirect(call.user.role == .customer ? "/console/support/cases" : "/console/incidents")
            }
        }
        registerSession(on: router)
        registerIncidents(on: router)
        registerOnCall(on: router)
        registerSupport(on: router)
        registerDesk(on: router)
        registerAdmin(on: router)
    }

    // MARK: - The pipeline

    /// Runs a page of a signed-in user: finds the session, checks CSRF and Origin on a POST, the role, and a pending
    /// password change, then renders what `body` answers.
    ///
    /// A route that takes attachments passes `uploads: true`: its POST may then be `multipart/form-data` up to
    /// ``maximumUploadBytes`` (files go to ``ConsoleCall/files``, the CSRF token is its `_csrf` field as usual); every
    /// other POST is read as urlencoded up to ``maximumFormBytes``.
    func page<Context: RequestContext>(
        _ request: Request, _ context: Context, roles: Set<ConsoleRole>? = nil, uploads: Bool = false,
        _ body: @Sendable (ConsoleCall) async throws -> ConsoleReply
    ) async -> Response {
        let started = ContinuousClock.now
        var response = await pipeline(request, context, roles: roles, uploads: uploads, body)
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        response.headers[optional: .serverTiming] = String(format: "app;dur=%.2f", milliseconds)
        return response
    }

    /// The page pipeline itself (``page(_:_:roles:uploads:_:)`` times it for `Server-Timing`).
    private func pipeline<Context: RequestContext>(
        _ request: Request, _ context: Context, roles: Set<ConsoleRole>?, uploads: Bool,
        _ body: @Sendable (ConsoleCall) async throws -> ConsoleReply
    ) async -> Response {
        let requestID = UUID().uuidString.lowercased()
        var logger = self.logger
        logger[metadataKey: "request.id"] = .string(requestID)
        let cookie = request.headers[.cookie]
        let path = request.uri.path
        let isPost = request.method == .post
        let found: (ConsoleSession, ConsoleUser)?
        do {
            found = try await Cookies.value(Cookies.session, in: cookie).asyncMap { try await authenticator.session(id: $0, logger: logger) } ?? nil
        } catch {
            return problem(
                status: .serviceUnavailable, language: negotiated(nil, request), heading: \.common.requestRefused, text: \.common.serviceUnavailable)
        }
        guard let (session, user) = found else {
            var response: Response
            if isPost || request.headers[optional: .requestedWith] != nil {
                response = Response(status: .unauthorized)
            } else {
                let next =
                    request.uri.string.hasPrefix("/console/")
                    ? "?next=" + (request.uri.string.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") : ""
                response = Self.redirect("/console/signin" + next)
            }
            // A session that ended leaves its cookie behind; clear it so the signed-out pages treat the browser as such.
            if Cookies.value(Cookies.session, in: cookie) != nil {
                response.headers.append(HTTPField(name: .setCookie, value: Cookies.clear(Cookies.session, secure: secureCookies)))
            }
            return response
        }
        logger[metadataKey: "console.user"] = .string(user.userName)
        logger[metadataKey: "account.id"] = .string(user.accountID)
        let language = negotiated(user, request)
        var form = FormData()
        var upload: MultipartForm?
        if isPost {
            let boundary = uploads ? MultipartForm.boundary(contentType: request.headers[.contentType]) : nil
            let limit = boundary == nil ? Self.maximumFormBytes : Self.maximumUploadBytes
            guard let body = try? await request.body.collect(upTo: limit) else {
                return problem(status: .contentTooLarge, language: language, heading: \.common.requestRefused, text: \.common.csrfText)
            }
            if let boundary {
                guard let parsed = try? MultipartForm(body: Data(body.readableBytesView), boundary: boundary) else {
                    return problem(status: .badRequest, language: language, heading: \.common.requestRefused, text: \.common.csrfText)
                }
                upload = parsed
                form = parsed.fields
            } else {
                form = FormData(urlEncoded: String(buffer: body))
            }
            let token = form["_csrf"] ?? request.headers[optional: .csrfToken] ?? ""
            guard sameOrigin(request), RandomSecret.equal(token, session.csrfToken) else {
                logger.notice("console form refused", metadata: ["console.reason": "csrf or origin", "console.path": .string(path)])
                return problem(status: .forbidden, language: language, heading: \.common.csrfTitle, text: \.common.csrfText)
            }
        }
        if user.mustChangePassword, !path.hasPrefix("/console/settings"), path != "/console/signout", path != "/console/language" {
            return Self.redirect("/console/settings")
        }
        if let roles, user.role != .admin, !roles.contains(user.role) {
            return problem(
                status: .forbidden, language: language, heading: \.common.forbiddenTitle, text: \.common.forbiddenText, user: user, session: session,
                path: path)
        }
        let zone = user.timeZone ?? Cookies.value(Cookies.timeZone, in: cookie).flatMap { $0.removingPercentEncoding }
        let call = ConsoleCall(
            user: user, session: session, language: language, strings: ConsoleStrings.table(for: language),
            time: TimeFormatter(language: language, timeZoneID: zone), now: services.clock.now(), path: path, form: form,
            files: upload?.files ?? [], refusedFiles: upload?.refused ?? [], query: FormData(urlEncoded: request.uri.query ?? ""),
            aws: AWSRequestContext(
                accountID: user.accountID, region: region, accessKeyID: "console", requestID: requestID, logger: logger, principalName: user.userName)
        )
        let reply: ConsoleReply
        do {
            reply = try await body(call)
        } catch {
            return failure(error, call: call)
        }
        if isPost, reply.isSuccess {
            await recordChange(call: call, route: context.endpointPath ?? path, requestID: requestID)
        }
        return render(reply, call: call, request: request)
    }

    /// Writes the audit entry of a form that changed something: the user, the route, the resource path.
    private func recordChange(call: ConsoleCall, route: String, requestID: String) async {
        guard let audit = services.audit else { return }
        let entry = AuditEntry(
            at: call.now, accountID: call.user.accountID, principal: "user/" + call.user.userName, source: .console, service: "console",
            operation: "POST " + route, resources: [call.path], requestID: requestID)
        do {
            try await audit.record(entry, logger: call.logger)
        } catch {
            call.logger.error(
                "audit entry not recorded", metadata: ["audit.operation": .string(entry.operation), "error": .string(String(describing: error))])
        }
    }

    /// The response for a reply.
    func render(_ reply: ConsoleReply, call: ConsoleCall, request: Request) -> Response {
        switch reply {
        case .redirect(let location):
            return Self.redirect(location)
        case .download(let fileName, let data):
            var headers = securityHeaders(language: call.language)
            headers[.contentType] = "application/octet-stream"
            let ascii = String(fileName.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 32 ? Character($0) : "_" })
            let encoded = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "attachment"
            headers[.contentDisposition] = "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        case .page(let template, let title, let model, let status):
            let envelope = PageEnvelope(t: call.strings, chrome: chrome(call: call, title: title), m: model)
            return html(
                template: template, envelope: envelope, status: HTTPResponse.Status(code: status), language: call.language, logger: call.logger)
        case .fragment(let template, let model):
            let envelope = PageEnvelope(t: call.strings, chrome: chrome(call: call, title: ""), m: model)
            guard let text = library(logger: call.logger)?.render(envelope, withTemplate: template) else {
                call.logger.error("console template missing", metadata: ["console.template": .string(template)])
                return Response(status: .internalServerError)
            }
            let etag = "\"" + SHA256.hash(data: Data(text.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
            var headers = securityHeaders(language: call.language)
            headers[.eTag] = etag
            if request.headers[.ifNoneMatch] == etag {
                return Response(status: .notModified, headers: headers)
            }
            headers[.contentType] = "text/html; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }

    /// Renders a template in the layout as a response.
    func html(
        template: String, envelope: PageEnvelope, status: HTTPResponse.Status, language: SupportLanguage, logger: Logger,
        extra: [(HTTPField.Name, String)] = []
    ) -> Response {
        guard let text = library(logger: logger)?.render(envelope, withTemplate: template) else {
            logger.error("console template missing", metadata: ["console.template": .string(template)])
            return Response(status: .internalServerError)
        }
        var headers = securityHeaders(language: language)
        headers[.contentType] = "text/html; charset=utf-8"
        for (name, value) in extra { headers.append(HTTPField(name: name, value: value)) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The layout's facts for a signed-in page.
    func chrome(call: ConsoleCall, title: String) -> Chrome {
        let t = call.strings.common
        var nav: [Chrome.NavItem] = []
        func add(_ label: String, _ href: String, _ roles: Set<ConsoleRole>) {
            guard call.allows(roles) else { return }
            nav.append(.init(label: label, href: href, current: call.path.hasPrefix(href)))
        }
        add(t.navIncidents, "/console/incidents", [.responder, .oncallManager])
        add(t.navOnCall, "/console/oncall", [.responder, .oncallManager])
        add(t.navSupport, "/console/support", [.customer])
        add(t.navDesk, "/console/desk", [.supportAgent])
        add(t.navAdmin, "/console/admin", [])
        add(t.navSettings, "/console/settings", [.responder, .oncallManager, .supportAgent, .customer])
        let notice = call.query["notice"].flatMap { Self.lookup($0, in: call.strings) }
        return Chrome(
            htmlLang: call.language.htmlLang, title: title, theme: call.user.theme.rawValue, cssPath: ConsoleAssets.cssPath,
            jsPath: ConsoleAssets.jsPath, path: call.path, csrf: call.session.csrfToken, signedIn: true, userName: call.user.userName,
            roleLabel: Self.roleLabel(call.user.role, call.strings.admin), accountID: call.user.accountID, nav: nav,
            languages: Chrome.languages(current: call.language),
            notice: notice, zoneNote: String(format: t.timesShownIn, call.time.zoneName(at: call.now)))
    }

    /// A string of any area's table by its key (`common.saved`, `incidents.noteAdded`), for `?notice=` after a redirect;
    /// an unknown key shows nothing.
    static func lookup(_ key: String, in strings: ConsoleStrings) -> String? {
        let parts = key.split(separator: ".").map(String.init)
        guard parts.count == 2, let area = Mirror(reflecting: strings).children.first(where: { $0.label == parts[0] })?.value else { return nil }
        return Mirror(reflecting: area).children.first { $0.label == parts[1] }?.value as? String
    }

    /// What the user sees when a page's work failed: the API's own error (code and message) on the page, a missing
    /// object as 404, a storage failure as 503.
    func failure(_ error: any Error, call: ConsoleCall) -> Response {
        let session = call.session
        switch error {
        case let error as ConsoleError:
            switch error.kind {
            case .notFound:
                return problem(
                    status: .notFound, language: call.language, heading: \.common.notFoundTitle, text: \.common.notFoundText, user: call.user,
                    session: session, path: call.path)
            case .forbidden, .unauthenticated:
                return problem(
                    status: .forbidden, language: call.language, heading: \.common.forbiddenTitle, text: \.common.forbiddenText, user: call.user,
                    session: session, path: call.path)
            case .csrf:
                return problem(
                    status: .forbidden, language: call.language, heading: \.common.csrfTitle, text: \.common.csrfText, user: call.user,
                    session: session, path: call.path)
            case .badForm:
                return problem(
                    status: .badRequest, language: call.language, heading: \.common.requestRefused, text: \.common.csrfText, user: call.user,
                    session: session, path: call.path)
            case .render:
                call.logger.error("console render failed", metadata: ["console.detail": .string(error.detail)])
                return problem(
                    status: .internalServerError, language: call.language, heading: \.common.requestRefused, text: \.common.serviceUnavailable,
                    user: call.user, session: session, path: call.path)
            }
        case let error as any AWSErrorConvertible:
            let aws = error.awsError
            if aws.code == "ResourceNotFoundException" || aws.status == 404 {
                return problem(
                    status: .notFound, language: call.language, heading: \.common.notFoundTitle, text: \.common.notFoundText, user: call.user,
                    session: session, path: call.path)
            }
            return problem(
                status: .badRequest, language: call.language, heading: \.common.requestRefused, rawText: aws.message, code: aws.code, user: call.user,
                session: session, path: call.path)
        case is StorageError:
            return problem(
                status: .serviceUnavailable, language: call.language, heading: \.common.requestRefused, text: \.common.serviceUnavailable,
                user: call.user, session: session, path: call.path)
        default:
            call.logger.error("console page failed", metadata: ["error.type": .string(String(describing: type(of: error)))])
            return problem(
                status: .internalServerError, language: call.language, heading: \.common.requestRefused, text: \.common.serviceUnavailable,
                user: call.user, session: session, path: call.path)
        }
    }

    /// The problem page's model.
    struct ProblemModel: Sendable {
        let heading: String
        let text: String
        let code: String?
    }

    /// A problem page (for a signed-in user with their navigation, or a bare one).
    func problem(
        status: HTTPResponse.Status, language: SupportLanguage, heading: KeyPath<ConsoleStrings, String>,
        text: KeyPath<ConsoleStrings, String>? = nil,
        rawText: String? = nil, code: String? = nil, user: ConsoleUser? = nil, session: ConsoleSession? = nil, path: String = "/console/"
    ) -> Response {
        let strings = ConsoleStrings.table(for: language)
        let model = ProblemModel(heading: strings[keyPath: heading], text: rawText ?? text.map { strings[keyPath: $0] } ?? "", code: code)
        let chrome: Chrome
        if let user, let session {
            let call = ConsoleCall(
                user: user, session: session, language: language, strings: strings,
                time: TimeFormatter(language: language, timeZoneID: user.timeZone),
                now: services.clock.now(), path: path, form: FormData(), files: [], refusedFiles: [], query: FormData(),
                aws: AWSRequestContext(accountID: user.accountID, region: region, accessKeyID: "console", requestID: "", logger: logger))
            chrome = self.chrome(call: call, title: model.heading)
        } else {
            chrome = signedOutChrome(language: language, title: model.heading, csrf: "", path: path)
        }
        return html(
            template: "problem", envelope: PageEnvelope(t: strings, chrome: chrome, m: model), status: status, language: language, logger: logger)
    }

    /// The layout's facts for a page without a session.
    func signedOutChrome(language: SupportLanguage, title: String, csrf: String, path: String, notice: String? = nil) -> Chrome {
        let now = services.clock.now()
        let utc = TimeFormatter(language: language, timeZoneID: "UTC")
        return Chrome(
            htmlLang: language.htmlLang, title: title, theme: ConsoleTheme.system.rawValue, cssPath: ConsoleAssets.cssPath,
            jsPath: ConsoleAssets.jsPath,
            path: path, csrf: csrf, signedIn: false, userName: "", roleLabel: "", accountID: "", nav: [],
            languages: Chrome.languages(current: language), notice: notice,
            zoneNote: String(format: ConsoleStrings.table(for: language).common.timesShownIn, utc.zoneName(at: now)))
    }

    /// The language of a request (the user's setting, the menu's cookie, the browser's preference).
    func negotiated(_ user: ConsoleUser?, _ request: Request) -> SupportLanguage {
        LanguageNegotiation.language(
            setting: user?.language, cookie: Cookies.value(Cookies.language, in: request.headers[.cookie]),
            acceptLanguage: request.headers[.acceptLanguage])
    }

    /// Whether a state-changing request comes from the console's own pages: its `Origin` (or, without one, its
    /// `Sec-Fetch-Site`) must be this server as the browser reached it or as the public URL names it.
    func sameOrigin(_ request: Request) -> Bool {
        let authority = (request.head.authority ?? "").lowercased()
        let allowed = [origin, "http://\(authority)", "https://\(authority)"]
        if let value = request.headers[.origin] {
            return value != "null" && allowed.contains(value.lowercased())
        }
        if let site = request.headers[optional: .fetchSite] {
            return site == "same-origin"
        }
        return false
    }

    /// Headers every console answer carries: a CSP without inline script, no framing, no sniffing, no caching of
    /// signed-in pages, and the language.
    func securityHeaders(language: SupportLanguage) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentSecurityPolicy] =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
        headers[optional: .frameOptions] = "DENY"
        headers[.xContentTypeOptions] = "nosniff"
        headers[optional: .referrerPolicy] = "same-origin"
        headers[.cacheControl] = "no-store"
        headers[.contentLanguage] = language.htmlLang
        headers[.vary] = "Accept-Language, Cookie"
        if secureCookies { headers[.strictTransportSecurity] = "max-age=31536000" }
        return headers
    }

    /// 303 See Other to a console path.
    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location.hasPrefix("/console") ? location : "/console/"
        headers[.cacheControl] = "no-store"
        return Response(status: .seeOther, headers: headers)
    }

    /// The stylesheet or script, by its hashed name.
    func asset(_ file: String) -> Response {
        let body: String
        let type: String
        if "/console/assets/" + file == ConsoleAssets.cssPath {
            (body, type) = (ConsoleAssets.stylesheet, "text/css; charset=utf-8")
        } else if "/console/assets/" + file == ConsoleAssets.jsPath {
            (body, type) = (ConsoleAssets.script, "text/javascript; charset=utf-8")
        } else {
            return Response(status: .notFound)
        }
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "public, max-age=31536000, immutable"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

extension Optional {
    /// The async transform of the wrapped value, or nil.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}
