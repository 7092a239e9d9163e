import HikeshiCSQLite
import Synchronization

/// One connection to the embedded database, with its prepared statements.
///
/// Statements run on the calling thread: a read of a few rows from the page cache takes microseconds, less than a
/// hand-over to a thread pool and back costs, so ``SQLiteDatabaseClient`` calls in directly (long operations, such
/// as `VACUUM INTO`, go to a thread pool). A statement's SQL text is prepared once and kept: the repositories send
/// the same few hundred texts with different parameters.
///
/// ``SQLiteDatabaseClient`` hands a connection to one task at a time; the lock around each statement keeps a
/// connection consistent even if a task shared it (a child task running a query while another runs): the statements
/// then run one after the other, as they did on a connection with SQLite's own mutex.
final class SQLiteHandle: Sendable {
    /// How many prepared statements a connection keeps; when full, it finalizes them all and starts again.
    static let statementCacheLimit = 256

    private struct State {
        var connection: OpaquePointer?
        var statements: [String: PreparedStatement] = [:]
        /// Told the write-ahead log's size after each commit; kept here so that it lives as long as the connection.
        var checkpointer: SQLiteCheckpointer?
    }

    private let state: Mutex<State>

    private init(connection: sending OpaquePointer) {
        self.state = Mutex(State(connection: connection))
    }

    deinit {
        close()
    }

    /// Opens (creating if needed) the database file at `path`, waiting up to `busyTimeout` milliseconds for
    /// another connection's lock.
    static func open(path: String, busyTimeout: Int32) throws -> SQLiteHandle {
        var connection: OpaquePointer?
        let flags = HIKESHI_SQLITE_OPEN_READWRITE | HIKESHI_SQLITE_OPEN_CREATE | HIKESHI_SQLITE_OPEN_NOMUTEX | HIKESHI_SQLITE_OPEN_EXRESCODE
        let code = sqlite_nio_sqlite3_open_v2(path, &connection, flags, nil)
        guard code == HIKESHI_SQLITE_OK, let connection else {
            let failure = SQLiteFailure(code: code, handle: connection)
            sqlite_nio_sqlite3_close_v2(connection)
            throw failure
        }
        sqlite_nio_sqlite3_busy_timeout(connection, busyTimeout)
        // Kept statements stay prepared: a plan chosen from bound values was prepared again on every use of a
        // listing (`LIMIT ?`), a tenth of a `DescribeCases`.
        hikeshi_sqlite3_enable_stable_plans(connection)
        return SQLiteHandle(connection: connection)
    }

    /// Runs one SQL statement with `binds` for its `?` parameters, calling `onRow` for each result row in order.
    func run(_ sql: String, _ binds: [SQLiteValue], onRow: (SQLiteResultRow) throws -> Void) throws {
        try state.withLock { state in
            guard let connection = state.connection else { throw SQLiteFailure(code: 21, message: "the connection is closed") }
            let (statement, keep) = try Self.prepared(sql, connection: connection, state: &state)
            defer {
                sqlite_nio_sqlite3_reset(statement.raw)
                sqlite_nio_sqlite3_clear_bindings(statement.raw)
                if !keep { sqlite_nio_sqlite3_finalize(statement.raw) }
            }
            try Self.bind(binds, to: statement.raw, connection: connection)
            var columns = statement.columns
            var checked = false
            while true {
                let code = sqlite_nio_sqlite3_step(statement.raw)
                if code == HIKESHI_SQLITE_DONE { return }
                guard code == HIKESHI_SQLITE_ROW else { throw SQLiteFailure(code: code, handle: connection) }
                if !checked {
                    // After a schema change (by any connection) SQLite prepares the statement again as it steps, and
                    // `SELECT *` may then return other columns than the names kept with it.
                    checked = true
                    if !columns.match(statement.raw) {
                        columns = Self.columns(of: statement.raw)
                        if keep { state.statements[sql] = PreparedStatement(raw: statement.raw, columns: columns) }
                    }
                }
                let values = try Self.values(of: statement.raw, count: columns.count)
                try onRow(SQLiteResultRow(columns: columns, values: values))
            }
        }
    }

    /// Finalizes every statement and closes the connection (after a statement in progress); later calls fail.
    func close() {
        state.withLock { state in
            Self.finalizeAll(&state)
            if let connection = state.connection {
                sqlite_nio_sqlite3_close_v2(connection)
                state.connection = nil
            }
        }
    }

    private static func finalizeAll(_ state: inout State) {
        for statement in state.statements.values {
            sqlite_nio_sqlite3_finalize(statement.raw)
        }
        state.statements.removeAll(keepingCapacity: true)
    }

    /// Replaces SQLite's automatic checkpoint, which runs in the commit that fills the write-ahead log, with
    /// `checkpointer`, told the log's size in pages after each commit.
    func checkpoint(with checkpointer: SQLiteCheckpointer) {
        state.withLock { state in
            guard let connection = state.connection else { return }
            state.checkpointer = checkpointer
            let context = Unmanaged.passUnretained(checkpointer).toOpaque()
            _ = sqlite_nio_sqlite3_wal_hook(
                connection,
                { context, _, _, pages in
                    if let context {
                        Unmanaged<SQLiteCheckpointer>.fromOpaque(context).takeUnretainedValue().committed(logPages: Int(pages))
                    }
                    return HIKESHI_SQLITE_OK
                },
                context
            )
        }
    }

    /// How many times SQLite prepared the kept statement for `sql` again since it was kept (`nil`: not kept): after a
    /// schema change, and never because of the values bound to it.
    func timesPreparedAgain(_ sql: String) -> Int? {
        state.withLock { state in
            state.statements[sql].map { Int(sqlite_nio_sqlite3_stmt_status($0.raw, HIKESHI_SQLITE_STMTSTATUS_REPREPARE, 0)) }
        }
    }

    /// The statement for `sql`, kept or newly prepared, and whether it is kept (schema statements run once, in
    /// migrations, and are not; the text is looked at only when it is not in the cache).
    private static func prepared(_ sql: String, connection: OpaquePointer, state: inout State) throws -> (PreparedStatement, kept: Bool) {
        if let statement = state.statements[sql] { return (statement, true) }
        let keep = !changesSchema(sql)
        var raw: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sql.withCString { text in
            let code = sqlite_nio_sqlite3_prepare_v3(connection, text, -1, keep ? UInt32(HIKESHI_SQLITE_PREPARE_PERSISTENT) : 0, &raw, &tail)
            // Text after the first statement would be dropped without a word: refuse it instead.
            if code == HIKESHI_SQLITE_OK, let tail, !isBlank(tail) {
                sqlite_nio_sqlite3_finalize(raw)
                raw = nil
                return Int32(-1)
            }
            return code
        }
        guard code != -1 else { throw SQLiteFailure(code: 1, message: "more than one statement in one call") }
        guard code == HIKESHI_SQLITE_OK, let raw else {
            throw SQLiteFailure(code: code == HIKESHI_SQLITE_OK ? 21 : code, handle: connection)
        }
        let statement = PreparedStatement(raw: raw, columns: columns(of: raw))
        if keep {
            if state.statements.count >= statementCacheLimit { finalizeAll(&state) }
            state.statements[sql] = statement
        }
        return (statement, keep)
    }

    /// The result column names of a prepared statement.
    private static func columns(of statement: OpaquePointer) -> SQLiteColumns {
        let count = Int(sqlite_nio_sqlite3_column_count(statement))
        return SQLiteColumns(
            names: (0..<count).map { index in
                sqlite_nio_sqlite3_column_name(statement, Int32(index)).map { String(cString: $0) } ?? ""
            })
    }

    private static func bind(_ binds: [SQLiteValue], to statement: OpaquePointer, connection: OpaquePointer) throws {
        let expected = Int(sqlite_nio_sqlite3_bind_parameter_count(statement))
        guard expected == binds.count else {
            throw SQLiteFailure(code: 25, message: "the statement takes \(expected) parameters, \(binds.count) given")
        }
        for (offset, value) in binds.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .integer(let number): code = sqlite_nio_sqlite3_bind_int64(statement, index, number)
            case .real(let number): code = sqlite_nio_sqlite3_bind_double(statement, index, number)
            case .null: code = sqlite_nio_sqlite3_bind_null(statement, index)
            case .text(var text):
                guard let length = Int32(exactly: text.utf8.count) else { throw tooBig }
                code = text.withUTF8 { bytes in
                    // An empty buffer may have no address, and a null pointer would bind NULL, not "".
                    let start = bytes.baseAddress.map { UnsafeRawPointer($0) } ?? Self.emptyBytes
                    return hikeshi_sqlite3_bind_text_copied(statement, index, start.assumingMemoryBound(to: CChar.self), length)
                }
            case .blob(let bytes):
                guard let length = Int32(exactly: bytes.count) else { throw tooBig }
                code = bytes.withUnsafeBytes { buffer in
                    hikeshi_sqlite3_bind_blob_copied(statement, index, buffer.baseAddress ?? Self.emptyBytes, length)
                }
            }
            guard code == HIKESHI_SQLITE_OK else { throw SQLiteFailure(code: code, handle: connection) }
        }
    }

    /// SQLITE_TOOBIG: a value of 2 GiB or more.
    private static var tooBig: SQLiteFailure { SQLiteFailure(code: 18, message: "a value of 2 GiB or more cannot be bound") }

    private static var emptyBytes: UnsafeRawPointer { UnsafeRawPointer(("" as StaticString).utf8Start) }

    private static func values(of statement: OpaquePointer, count: Int) throws -> [SQLiteValue] {
        var values: [SQLiteValue] = []
        values.reserveCapacity(count)
        for column in 0..<Int32(count) {
            switch sqlite_nio_sqlite3_column_type(statement, column) {
            case HIKESHI_SQLITE_INTEGER:
                values.append(.integer(sqlite_nio_sqlite3_column_int64(statement, column)))
            case HIKESHI_SQLITE_FLOAT:
                values.append(.real(sqlite_nio_sqlite3_column_double(statement, column)))
            case HIKESHI_SQLITE_TEXT:
                // The text pointer first, then its length (SQLite's documented order).
                // No pointer for a text value means SQLite ran out of memory converting it.
                guard let text = sqlite_nio_sqlite3_column_text(statement, column) else {
                    throw SQLiteFailure(code: 7, message: "out of memory reading a text column")
                }
                let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                values.append(.text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self)))
            case HIKESHI_SQLITE_BLOB:
                let bytes = sqlite_nio_sqlite3_column_blob(statement, column)
                let length = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
                values.append(.blob(bytes.map { Array(UnsafeRawBufferPointer(start: $0, count: length)) } ?? []))
            default:
                values.append(.null)
            }
        }
        return values
    }

    /// Whether `sql` creates, alters or drops schema objects.
    static func changesSchema(_ sql: String) -> Bool {
        var keyword = Substring(sql.utf8.drop { $0 == 0x20 || $0 == 0x0a || $0 == 0x09 || $0 == 0x0d }.prefix(6))
        keyword = Substring(keyword.uppercased())
        return keyword.hasPrefix("CREATE") || keyword.hasPrefix("ALTER") || keyword.hasPrefix("DROP")
    }

    private static func isBlank(_ text: UnsafePointer<CChar>) -> Bool {
        var cursor = text
        while cursor.pointee != 0 {
            switch UInt8(bitPattern: cursor.pointee) {
            case 0x20, 0x0a, 0x09, 0x0d, UInt8(ascii: ";"): cursor += 1
            default: return false
            }
        }
        return true
    }

    private struct PreparedStatement {
        let raw: OpaquePointer
        let columns: SQLiteColumns
    }
}
