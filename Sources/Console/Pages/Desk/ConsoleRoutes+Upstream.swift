import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Hummingbird

extension ConsoleRoutes {
    /// The upstream providers page: every desk user reads it (the escalate form offers its providers), admins of the
    /// provider add, change and delete (as they edit the company holidays of the plans page).
    func registerUpstream<Context: RequestContext>(on router: Router<Context>) {
        router.get("/console/desk/upstream") { request, context in
            await self.page(request, context, roles: Self.deskRoles) { call in
                try await self.upstreamPage(call, form: nil, errors: [])
            }
        }
        router.post("/console/desk/upstream") { request, context in
            await self.page(request, context, roles: []) { call in try await self.putUpstreamProvider(call) }
        }
        router.post("/console/desk/upstream/delete") { request, context in
            await self.page(request, context, roles: []) { call in try await self.deleteUpstreamProvider(call) }
        }
    }

    /// Where the providers page is (the routes above spell it out: the router takes literals).
    static let upstreamPath = "/console/desk/upstream"

    /// The providers page; `form` is a refused form shown again (nil: empty, or the provider `?edit=` names).
    func upstreamPage(_ call: ConsoleCall, form: UpstreamProviderForm?, errors: [String]) async throws -> ConsoleReply {
        let t = call.strings.desk
        let providers = try await services.desk.listUpstreamProviders(Hikeshi.ListUpstreamProvidersRequest().validated(), context: call.aws)
            .upstreamProviders.sorted { $0.name < $1.name }
        let editing = call.query.text("edit").flatMap { name in providers.first { $0.name == name } }
        let shown =
            form
            ?? editing.map { provider in
                UpstreamProviderForm(
                    name: provider.name, endpoint: provider.endpoint, region: provider.region, accessKeyID: provider.accessKeyId,
                    pollIntervalSeconds: String(provider.pollIntervalSeconds))
            } ?? UpstreamProviderForm(name: "", endpoint: "", region: "", accessKeyID: "", pollIntervalSeconds: "")
        let model = UpstreamProvidersModel(
            providers: providers.map { provider in
                UpstreamProviderRow(
                    name: provider.name, endpoint: provider.endpoint, region: provider.region, accessKeyID: provider.accessKeyId,
                    pollInterval: call.time.duration(TimeInterval(provider.pollIntervalSeconds)), updated: call.timeView(provider.updatedTime),
                    editHref: Self.upstreamPath + "?edit=" + (provider.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            },
            formHeading: providers.contains { $0.name == shown.name } ? String(format: t.changeProvider, shown.name) : t.addProvider,
            form: shown, canEdit: call.user.role == .admin, errors: errors)
        return .page(template: "desk-upstream", title: t.upstreamProviders, model: model, status: errors.isEmpty ? 200 : 400)
    }

    /// Adds or changes a provider; a refusal shows the form again with what was typed, never the secret.
    func putUpstreamProvider(_ call: ConsoleCall) async throws -> ConsoleReply {
        let t = call.strings.desk
        let form = call.form
        let interval = form.text("pollIntervalSeconds").map { Int($0) }
        if case .some(.none) = interval {
            let refusal = FieldRefusal(message: "ValidationException: \(t.pollInterval): \(t.pollIntervalHint)", paths: ["PollIntervalSeconds"])
            return try await upstreamPage(call, form: UpstreamProviderForm(sent: form, refusal: refusal), errors: [refusal.message])
        }
        do {
            let input = Hikeshi.PutUpstreamProviderRequest(
                name: form.text("name") ?? "", endpoint: form.text("endpoint"), region: form.text("region"),
                accessKeyId: form.text("accessKeyId") ?? "", secretAccessKey: form.text("secretAccessKey") ?? "",
                sessionToken: form.text("sessionToken"),
                pollIntervalSeconds: interval ?? nil)
            _ = try await services.desk.putUpstreamProvider(try input.validated(), context: call.aws)
        } catch let error as any AWSErrorConvertible {
            let refusal = FieldRefusal(error.awsError)
            return try await upstreamPage(call, form: UpstreamProviderForm(sent: form, refusal: refusal), errors: [refusal.message])
        }
        return .redirect(Self.upstreamPath + "?notice=desk.providerSaved")
    }

    /// Deletes a provider (the form asks first).
    func deleteUpstreamProvider(_ call: ConsoleCall) async throws -> ConsoleReply {
        do {
            _ = try await services.desk.deleteUpstreamProvider(
                try Hikeshi.DeleteUpstreamProviderRequest(name: call.form["name"] ?? "").validated(), context: call.aws)
        } catch let error as any AWSErrorConvertible {
            return try await upstreamPage(call, form: nil, errors: [Self.describe(error.awsError)])
        }
        return .redirect(Self.upstreamPath + "?notice=desk.providerDeleted")
    }
}
