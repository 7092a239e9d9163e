import AWSProtocol
import Foundation
import HikeshiCore
import Logging

/// The facts of one signed-in console request: who, in which language and zone, the form sent, and the AWS request
/// context the API handlers are called with (the user's account, and their name as the principal).
struct ConsoleCall: Sendable {
    let user: ConsoleUser
    let session: ConsoleSession
    let language: SupportLanguage
    let strings: ConsoleStrings
    let time: TimeFormatter
    let now: Date
    let path: String
    let form: FormData
    /// Files of a `multipart/form-data` POST to a route that takes uploads (empty otherwise).
    let files: [MultipartForm.File]
    /// Files of that POST left out for the limits.
    let refusedFiles: [MultipartForm.Refusal]
    let query: FormData
    let aws: AWSRequestContext

    var logger: Logger { aws.logger }

    /// Whether the user's role is one of `roles` (admins may do everything in their account).
    func allows(_ roles: Set<ConsoleRole>) -> Bool {
        user.role == .admin || roles.contains(user.role)
    }

    /// A `<time>` view of an instant.
    func timeView(_ instant: Date) -> TimeView {
        TimeView(machine: time.machine(instant), text: time.dateTime(instant), title: time.title(instant))
    }
}

/// An instant as the `time` partial renders it.
struct TimeView: Sendable {
    let machine: String
    let text: String
    let title: String
}
