import HikeshiCore

/// An upstream provider on the providers page: where it points and with which key, never its secret.
struct UpstreamProviderRow: Sendable {
    let name: String
    let endpoint: String
    let region: String
    let accessKeyID: String
    let pollInterval: String
    let updated: TimeView
    let editHref: String
}

/// The provider form's refusal beside each field (nil where the field is fine).
struct UpstreamProviderRefusal: Sendable {
    let name: String?
    let endpoint: String?
    let region: String?
    let accessKeyID: String?
    let secretAccessKey: String?
    let sessionToken: String?
    let pollInterval: String?

    /// Each field's line for `refusal` (none without one).
    init(_ refusal: FieldRefusal?) {
        name = refusal?.at("Name")
        endpoint = refusal?.at("Endpoint")
        region = refusal?.at("Region")
        accessKeyID = refusal?.at("AccessKeyId")
        secretAccessKey = refusal?.at("SecretAccessKey")
        sessionToken = refusal?.at("SessionToken")
        pollInterval = refusal?.at("PollIntervalSeconds")
    }
}

/// The add-or-change form of a provider: what was typed (kept when it is refused) or the provider being changed.
/// The secret access key and the session token are never carried back into the page.
struct UpstreamProviderForm: Sendable {
    let name: String
    let endpoint: String
    let region: String
    let accessKeyID: String
    let pollIntervalSeconds: String
    let refusal: UpstreamProviderRefusal

    /// The form as it was sent (`name`, `endpoint`, `region`, `accessKeyId`, `pollIntervalSeconds`), with its refusal.
    init(sent form: FormData, refusal: FieldRefusal?) {
        self.name = form["name"] ?? ""
        self.endpoint = form["endpoint"] ?? ""
        self.region = form["region"] ?? ""
        self.accessKeyID = form["accessKeyId"] ?? ""
        self.pollIntervalSeconds = form["pollIntervalSeconds"] ?? ""
        self.refusal = UpstreamProviderRefusal(refusal)
    }

    /// The form filled with a stored provider's values (empty for a new one).
    init(name: String, endpoint: String, region: String, accessKeyID: String, pollIntervalSeconds: String) {
        self.name = name
        self.endpoint = endpoint
        self.region = region
        self.accessKeyID = accessKeyID
        self.pollIntervalSeconds = pollIntervalSeconds
        self.refusal = UpstreamProviderRefusal(nil)
    }
}

/// The desk's upstream providers (where cases are escalated) and, for admins, the form to add or change one.
struct UpstreamProvidersModel: Sendable {
    let providers: [UpstreamProviderRow]
    /// "Add provider", or "Change provider …" when the form's name is a stored provider's.
    let formHeading: String
    let form: UpstreamProviderForm
    let canEdit: Bool
    let errors: [String]
}
