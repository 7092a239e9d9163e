import Foundation
import HikeshiCore
import Hummingbird

extension ConsoleRoutes {
    /// The admin pages: console users and the account's access keys (admins only).
    func registerAdmin<Context: RequestContext>(on router: Router<Context>) {
        let admins: Set<ConsoleRole> = [.admin]
        router.get("/console/admin") { request, context in await self.page(request, context, roles: admins) { _ in .redirect("/console/admin/users") }
        }
        router.get("/console/admin/users") { request, context in
            await self.page(request, context, roles: admins) { call in try await self.usersPage(call, created: nil, errors: []) }
        }
        router.post("/console/admin/users") { request, context in
            await self.page(request, context, roles: admins) { call in try await self.createUser(call) }
        }
        router.post("/console/admin/users/:user") { request, context in
            await self.page(request, context, roles: admins) { call in try await self.changeUser(call, userID: context.parameters.get("user") ?? "") }
        }
        router.get("/console/admin/keys") { request, context in
            await self.page(request, context, roles: admins) { call in try await self.keysPage(call, created: nil) }
        }
        router.post("/console/admin/keys") { request, context in
            await self.page(request, context, roles: admins) { call in
                let created = try await self.services.accessKeys.createAccessKey(accountID: call.user.accountID)
                call.logger.info("console access key created", metadata: ["access_key.id": .string(created.accessKeyID)])
                return try await self.keysPage(call, created: created)
            }
        }
        router.post("/console/admin/keys/:key") { request, context in
            await self.page(request, context, roles: admins) { call in
                guard let status = call.form["status"].flatMap(AccessKeyStatus.init(rawValue:)),
                    try await self.services.accessKeys.setStatus(
                        status, accessKeyID: context.parameters.get("key") ?? "", accountID: call.user.accountID)
                else { throw ConsoleError(.notFound) }
                return .redirect("/console/admin/keys?notice=admin.keyChanged")
            }
        }
    }

    /// A role's name in the viewer's language.
    static func roleLabel(_ role: ConsoleRole, _ t: AdminStrings) -> String {
        switch role {
        case .admin: t.roleAdmin
        case .responder: t.roleResponder
        case .oncallManager: t.roleOncallManager
        case .supportAgent: t.roleSupportAgent
        case .customer: t.roleCustomer
        }
    }

    func usersPage(_ call: ConsoleCall, created: String?, errors: [String]) async throws -> ConsoleReply {
        let t = call.strings.admin
        let isProvider = try await services.store.read(logger: call.logger) { tx in try await tx.accounts.isProvider(accountID: call.user.accountID) }
        let allowed = ConsoleRole.allCases.filter { $0.allowed(inProviderAccount: isProvider) }
        let users = try await authenticator.users(accountID: call.user.accountID, logger: call.logger).map { user in
            UserRow(
                userID: user.userID, userName: user.userName, roleLabel: Self.roleLabel(user.role, t),
                roles: allowed.map { Choice(value: $0.rawValue, label: Self.roleLabel($0, t), selected: $0 == user.role) }, disabled: user.disabled,
                stateLabel: user.disabled ? t.disabled : t.active, created: call.timeView(user.createdAt), isSelf: user.userID == call.user.userID)
        }
        let model = UsersModel(
            users: users, roles: allowed.map { Choice(value: $0.rawValue, label: Self.roleLabel($0, t), selected: false) }, created: created,
            errors: errors)
        return .page(template: "admin-users", title: t.users, model: model, status: errors.isEmpty ? 200 : 400)
    }

    func createUser(_ call: ConsoleCall) async throws -> ConsoleReply {
        let t = call.strings.admin
        let name = call.form.text("username") ?? ""
        guard let role = call.form["role"].flatMap(ConsoleRole.init(rawValue:)) else {
            return try await usersPage(call, created: nil, errors: [t.roleNotAllowed])
        }
        do {
            let (user, password) = try await authenticator.createUser(
                accountID: call.user.accountID, userName: name, role: role, password: call.form.text("password"),
                contactArn: call.form.text("contact"),
                agentID: call.form.text("agent"), logger: call.logger)
            let chosen = call.form["password"].map { !$0.isEmpty } ?? false
            let shown = chosen ? String(format: t.userCreatedChosen, user.userName) : String(format: t.userCreated, user.userName) + " " + password
            return try await usersPage(call, created: shown, errors: [])
        } catch let problem as ConsoleAuthenticator.UserProblem {
            return try await usersPage(call, created: nil, errors: [message(problem, call.strings)])
        }
    }

    func changeUser(_ call: ConsoleCall, userID: String) async throws -> ConsoleReply {
        guard userID != call.user.userID else { return try await usersPage(call, created: nil, errors: [call.strings.admin.notYourself]) }
        let role = call.form["role"].flatMap(ConsoleRole.init(rawValue:))
        let disabled = call.form["disabled"].map { $0 == "true" }
        do {
            try await authenticator.administer(accountID: call.user.accountID, userID: userID, role: role, disabled: disabled, logger: call.logger)
        } catch let problem as ConsoleAuthenticator.UserProblem {
            if problem == .noSuchUser { throw ConsoleError(.notFound) }
            return try await usersPage(call, created: nil, errors: [message(problem, call.strings)])
        }
        return .redirect("/console/admin/users?notice=admin.userChanged")
    }

    func message(_ problem: ConsoleAuthenticator.UserProblem, _ strings: ConsoleStrings) -> String {
        switch problem {
        case .invalidName: strings.admin.nameInvalid
        case .nameTaken: strings.admin.nameTaken
        case .roleNotAllowed: strings.admin.roleNotAllowed
        case .password(.tooShort): strings.common.passwordTooShort
        case .password(.tooLong): strings.common.passwordTooLong
        case .password(.controlCharacter): strings.common.passwordControl
        case .wrongPassword: strings.common.passwordWrong
        case .noSuchAccount, .noSuchUser: strings.common.notFoundText
        }
    }

    func keysPage(_ call: ConsoleCall, created: (accessKeyID: String, secret: String)?) async throws -> ConsoleReply {
        let t = call.strings.admin
        let keys = try await services.accessKeys.accessKeys(accountID: call.user.accountID).map { key in
            KeyRow(
                accessKeyID: key.accessKeyID, active: key.status == .active, stateLabel: key.status == .active ? t.active : t.disabled,
                created: call.timeView(key.createdAt))
        }
        return .page(
            template: "admin-keys", title: t.accessKeys, model: KeysModel(keys: keys, newKeyID: created?.accessKeyID, secret: created?.secret))
    }
}
