import HikeshiCSQLite

/// An error that SQLite returned: its extended result code and message.
///
/// ``StorageError/translate(_:)`` turns it into a ``StorageError`` before it leaves the storage layer.
struct SQLiteFailure: Error, CustomStringConvertible {
    /// SQLite's extended result code (`SQLITE_CONSTRAINT_UNIQUE` is 2067, say).
    let code: Int32
    /// SQLite's message for the failure (`UNIQUE constraint failed: contacts.account_id, contacts.alias`).
    let message: String

    /// The primary result code: the low byte of the extended one.
    var primaryCode: Int32 { code & 0xff }

    /// Whether a UNIQUE or PRIMARY KEY constraint refused the statement.
    var isUniqueViolation: Bool {
        // SQLITE_CONSTRAINT_PRIMARYKEY (1555), SQLITE_CONSTRAINT_UNIQUE (2067), SQLITE_CONSTRAINT_ROWID (2579).
        code == 1555 || code == 2067 || code == 2579
    }

    /// Whether another connection held a lock for longer than the busy timeout (SQLITE_BUSY, SQLITE_LOCKED).
    var isBusy: Bool { primaryCode == 5 || primaryCode == 6 }

    /// SQLite's name for the primary code, for logs ("database is locked").
    var reason: String {
        sqlite_nio_sqlite3_errstr(primaryCode).map { String(cString: $0) } ?? "error \(code)"
    }

    var description: String { "sqlite \(code): \(message)" }

    /// The failure the connection `handle` reports for `code`.
    init(code: Int32, handle: OpaquePointer?) {
        self.code = code
        self.message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "error \(code)"
    }

    /// A failure with a message of the driver's own (a statement SQLite cannot run as given).
    init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }
}
