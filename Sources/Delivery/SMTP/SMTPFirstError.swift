import Synchronization

/// The first error a connection's pipeline saw (a TLS handshake failure, a reply timeout, a malformed reply).
///
/// When the connection closes because of it, the task talking to the server may only see the aftermath (a write
/// on a closed channel, the end of the replies); the first error says what actually went wrong.
final class SMTPFirstError: Sendable {
    private let storage = Mutex<(any Error)?>(nil)

    /// The first error recorded, if any.
    var error: (any Error)? {
        self.storage.withLock { $0 }
    }

    /// Records an error unless one was recorded already.
    func record(_ error: any Error) {
        self.storage.withLock { stored in
            if stored == nil {
                stored = error
            }
        }
    }
}
