import AWSProtocol

/// A refused form as its page shows it: the message for the error summary at the top, and the members it names (a
/// `ValidationException`'s `Fields`, or the field the console itself refused), so that each named field shows the
/// message again beside it.
struct FieldRefusal: Sendable, Equatable {
    /// The summary's line: the error code and the API's message.
    let message: String
    /// The members the refusal names, as the API spells them (`Endpoint`, `AttachmentIds`), without list indexes.
    let members: [String]

    /// A refusal with its message and the member paths it names (`AttachmentIds[3]` counts as `AttachmentIds`).
    init(message: String, paths: [String]) {
        self.message = message
        self.members = paths.map(Self.member(ofPath:))
    }

    /// The API's refusal: a `ValidationException` names its fields; any other error names none.
    init(_ error: AWSError) {
        var paths: [String] = []
        if case .array(let fields)? = error.fields["Fields"] {
            for case .object(let field) in fields {
                if case .string(let name)? = field["Name"] { paths.append(name) }
            }
        }
        self.init(message: ConsoleRoutes.describe(error), paths: paths)
    }

    /// The message when the refusal names `member`, for that field's own line; nil otherwise.
    func at(_ member: String) -> String? {
        members.contains(member) ? message : nil
    }

    /// The message when the refusal names none of `members` (it belongs to the form as a whole); nil otherwise.
    func elsewhere(than members: Set<String>) -> String? {
        self.members.contains(where: members.contains) ? nil : message
    }

    /// `AttachmentIds[3]` → `AttachmentIds`, `Opening.Subject` → `Opening`: the form field a member path belongs to.
    static func member(ofPath path: String) -> String {
        String(path.prefix { $0 != "[" && $0 != "." })
    }
}
