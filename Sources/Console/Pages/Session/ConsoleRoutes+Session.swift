import Foundation
import HTTPTypes
import HikeshiCore
import Hummingbird

extension ConsoleRoutes {
    /// Sign-in, sign-out, the language menu and the user's own settings.
    func registerSession<Context: RequestContext>(on router: Router<Context>) {
        router.get("/console/signin") { request, _ in self.signInPage(request, refusal: nil, status: .ok) }
        router.post("/console/signin") { request, context in await self.signIn(request, context) }
        router.post("/console/signout") { request, context in
            await self.page(request, context) { _ in .redirect("/console/signin?notice=common.signedOut") }
                .signingOut(request, routes: self)
        }
        router.post("/console/language") { request, context in await self.chooseLanguage(request, context) }
        router.get("/console/settings") { request, context in
            await self.page(request, context) { call in self.settingsPage(call, errors: []) }
        }
        router.post("/console/settings") { request, context in
            await self.page(request, context) { call in try await self.saveSettings(call) }
        }
        router.post("/console/settings/password") { request, context in
            await self.page(request, context) { call in try await self.changePassword(call) }
        }
    }

    // MARK: Sign-in

    /// The sign-in form, with a fresh pre-session CSRF token in a cookie when the browser has none.
    func signInPage(_ request: Request, refusal: String?, status: HTTPResponse.Status, account: String = "", userName: String = "") -> Response {
        let language = negotiated(nil, request)
        let strings = ConsoleStrings.table(for: language)
        let existing = Cookies.value(Cookies.signIn, in: request.headers[.cookie]).flatMap { $0.count == 43 ? $0 : nil }
        let token = existing ?? RandomSecret.token()
        let query = FormData(urlEncoded: request.uri.query ?? "")
        let next = Self.safeNext(query["next"])
        let notice = query["notice"].flatMap { Self.lookup($0, in: strings) }
        let model = SignInModel(csrf: token, next: next, account: account, userName: userName, refusal: refusal)
        let chrome = signedOutChrome(language: language, title: strings.common.signIn, csrf: token, path: "/console/signin", notice: notice)
        var extra: [(HTTPField.Name, String)] = []
        if existing == nil { extra.append((.setCookie, Cookies.set(Cookies.signIn, token, secure: secureCookies))) }
        return html(
            template: "signin", envelope: PageEnvelope(t: strings, chrome: chrome, m: model), status: status, language: language, logger: logger,
            extra: extra)
    }

    /// Checks the sign-in form (double-submitted token, Origin) and the password; on success a new session cookie.
    func signIn<Context: RequestContext>(_ request: Request, _ context: Context) async -> Response {
        let language = negotiated(nil, request)
        let strings = ConsoleStrings.table(for: language)
        guard let body = try? await request.body.collect(upTo: 16 * 1024) else {
            return problem(status: .contentTooLarge, language: language, heading: \.common.requestRefused, text: \.common.csrfText)
        }
        let form = FormData(urlEncoded: String(buffer: body))
        let cookieToken = Cookies.value(Cookies.signIn, in: request.headers[.cookie]) ?? ""
        guard sameOrigin(request), !cookieToken.isEmpty, RandomSecret.equal(form["_csrf"] ?? "", cookieToken) else {
            return problem(status: .forbidden, language: language, heading: \.common.csrfTitle, text: \.common.csrfText)
        }
        let account = form.text("account") ?? ""
        let userName = form.text("username") ?? ""
        let password = form["password"] ?? ""
        guard !account.isEmpty, !userName.isEmpty, !password.isEmpty, password.utf8.count <= 1024 else {
            return signInPage(request, refusal: strings.common.signInRefused, status: .unauthorized, account: account, userName: userName)
        }
        let client = (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress ?? "unknown"
        let outcome: ConsoleAuthenticator.SignIn
        do {
            outcome = try await authenticator.signIn(
                accountID: account, userName: userName, password: password, clientAddress: client, logger: logger)
        } catch {
            return problem(status: .serviceUnavailable, language: language, heading: \.common.requestRefused, text: \.common.serviceUnavailable)
        }
        switch outcome {
        case .refused:
            return signInPage(request, refusal: strings.common.signInRefused, status: .unauthorized, account: account, userName: userName)
        case .busy:
            return signInPage(request, refusal: strings.common.serviceUnavailable, status: .tooManyRequests, account: account, userName: userName)
        case .locked(let until):
            let when = TimeFormatter(language: language, timeZoneID: "UTC").title(until)
            return signInPage(
                request, refusal: String(format: strings.common.signInLocked, when), status: .tooManyRequests, account: account, userName: userName)
        case .signedIn(let sessionID, let user):
            var response = Self.redirect(user.mustChangePassword ? "/console/settings" : Self.safeNext(form["next"]))
            response.headers.append(HTTPField(name: .setCookie, value: Cookies.set(Cookies.session, sessionID, secure: secureCookies)))
            response.headers.append(HTTPField(name: .setCookie, value: Cookies.clear(Cookies.signIn, secure: secureCookies)))
            return response
        }
    }

    /// A `next` target that stays inside the console (never another site, never a protocol-relative URL).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/console/"), !next.hasPrefix("//"), !next.contains("\\"), !next.contains("\n") else {
            return "/console/"
        }
        return next
    }

    /// The language menu: saves the user's setting when signed in, else a cookie; back to the page it was chosen on.
    func chooseLanguage<Context: RequestContext>(_ request: Request, _ context: Context) async -> Response {
        let cookie = request.headers[.cookie]
        let live = await Cookies.value(Cookies.session, in: cookie).asyncMap { try? await authenticator.session(id: $0, logger: logger) } ?? nil
        if live != nil {
            return await page(request, context) { call in
                let language = call.form["lang"].flatMap(SupportLanguage.init(code:))
                try await authenticator.updateSettings(
                    user: call.user, language: language ?? call.user.language, timeZone: call.user.timeZone, theme: call.user.theme,
                    logger: call.logger)
                return .redirect(Self.safeNext(call.form["back"]))
            }
        }
        guard let body = try? await request.body.collect(upTo: 16 * 1024) else { return Response(status: .contentTooLarge) }
        let form = FormData(urlEncoded: String(buffer: body))
        let token = Cookies.value(Cookies.signIn, in: cookie) ?? ""
        guard sameOrigin(request), !token.isEmpty, RandomSecret.equal(form["_csrf"] ?? "", token),
            let language = form["lang"].flatMap(SupportLanguage.init(code:))
        else {
            return problem(status: .forbidden, language: negotiated(nil, request), heading: \.common.csrfTitle, text: \.common.csrfText)
        }
        var response = Self.redirect("/console/signin")
        response.headers.append(
            HTTPField(name: .setCookie, value: Cookies.set(Cookies.language, language.rawValue, secure: secureCookies, maxAge: 31_536_000)))
        return response
    }

    // MARK: Settings

    /// The settings page.
    func settingsPage(_ call: ConsoleCall, errors: [String]) -> ConsoleReply {
        let t = call.strings.common
        let languages =
            [Choice(value: "", label: t.languageFollowBrowser, selected: call.user.language == nil)]
            + SupportLanguage.allCases.map { Choice(value: $0.rawValue, label: $0.nativeName, selected: call.user.language == $0) }
        let themes = [(ConsoleTheme.system, t.themeSystem), (.light, t.themeLight), (.dark, t.themeDark)].map {
            Choice(value: $0.0.rawValue, label: $0.1, selected: call.user.theme == $0.0)
        }
        let zones = [
            "UTC", "Asia/Tokyo", "Asia/Seoul", "Asia/Shanghai", "Asia/Singapore", "Europe/London", "Europe/Berlin", "America/New_York",
            "America/Los_Angeles",
        ]
        let model = SettingsModel(
            languages: languages, timeZone: call.user.timeZone ?? "", zones: zones, themes: themes, mustChange: call.user.mustChangePassword,
            errors: errors)
        return .page(template: "settings", title: t.settings, model: model, status: errors.isEmpty ? 200 : 400)
    }

    /// Saves language, time zone and theme.
    func saveSettings(_ call: ConsoleCall) async throws -> ConsoleReply {
        let zone = call.form.text("timezone")
        if let zone, TimeZone(identifier: zone) == nil {
            return settingsPage(call, errors: ["\(call.strings.common.timeZone): \(zone)"])
        }
        let language = call.form.text("language").flatMap(SupportLanguage.init(code:))
        let theme = call.form["theme"].flatMap(ConsoleTheme.init(rawValue:)) ?? call.user.theme
        try await authenticator.updateSettings(user: call.user, language: language, timeZone: zone, theme: theme, logger: call.logger)
        return .redirect("/console/settings?notice=common.saved")
    }

    /// Changes the password (the current one checked), keeping this session and ending the others.
    func changePassword(_ call: ConsoleCall) async throws -> ConsoleReply {
        let t = call.strings.common
        do {
            try await authenticator.changePassword(
                user: call.user, current: call.form["current"] ?? "", new: call.form["new"] ?? "", keepingSession: call.session.idHash,
                logger: call.logger)
        } catch let problem as ConsoleAuthenticator.UserProblem {
            let message: String
            switch problem {
            case .wrongPassword: message = t.passwordWrong
            case .password(.tooShort): message = t.passwordTooShort
            case .password(.tooLong): message = t.passwordTooLong
            case .password(.controlCharacter): message = t.passwordControl
            default: message = t.requestRefused
            }
            return settingsPage(call, errors: [message])
        }
        return .redirect("/console/settings?notice=common.passwordChanged")
    }
}

extension Response {
    /// This response, and the request's session ended with its cookie cleared (when the pipeline accepted the form).
    fileprivate func signingOut(_ request: Request, routes: ConsoleRoutes) async -> Response {
        guard status == .seeOther, let sessionID = Cookies.value(Cookies.session, in: request.headers[.cookie]) else { return self }
        try? await routes.authenticator.signOut(sessionID: sessionID, logger: routes.logger)
        var response = self
        response.headers.append(HTTPField(name: .setCookie, value: Cookies.clear(Cookies.session, secure: routes.secureCookies)))
        return response
    }
}
