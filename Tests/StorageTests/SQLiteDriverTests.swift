import Foundation
import HikeshiTestSupport
import SQLKit
import Synchronization
import Testing

@testable import Storage

/// The embedded database's driver: what goes in as a parameter comes back out as the same value, mismatches are
/// errors naming the column, and kept statements stay right across schema changes.
@Suite("SQLite driver")
struct SQLiteDriverTests {
    private enum Colour: String, Codable, Sendable {
        case red
    }

    @Test("values round-trip by type: text (empty is not NULL), integers, reals, 0/1 booleans, blobs, enums, NULL")
    func roundTrip() async throws {
        try await withTestDatabase(.sqlite, migrate: false) { database, _ in
            try await database.transaction { sql in
                try await sql.raw("CREATE TABLE t (a, b, c, d, e, f, g)").run()
                try await sql.raw(
                    """
                    INSERT INTO t VALUES (\(bind: ""), \(bind: Int64.max), \(bind: 2.5), \(bind: true), \(bind: [UInt8]([0, 1, 255])),
                    \(bind: Colour.red), \(bind: String?.none))
                    """
                ).run()
                try await sql.raw("INSERT INTO t VALUES (\(bind: "日本語 ✓"), \(bind: -1), \(bind: 0), \(bind: false), \(bind: [UInt8]()), NULL, 7)")
                    .run()
            }
            let rows = try await database.read { sql in try await sql.raw("SELECT * FROM t ORDER BY rowid").all() }
            #expect(rows.count == 2)
            let first = try #require(rows.first)
            #expect(try first.decode(column: "a", as: String.self) == "")
            #expect(try first.decode(column: "a", as: String?.self) == "")
            #expect(try first.decode(column: "b", as: Int64.self) == .max)
            #expect(try first.decode(column: "c", as: Double.self) == 2.5)
            #expect(try first.decode(column: "d", as: Bool.self))
            #expect(try first.decode(column: "e", as: [UInt8].self) == [0, 1, 255])
            #expect(try first.decode(column: "f", as: String.self) == "red")
            #expect(try first.decode(column: "g", as: Int64?.self) == nil)
            #expect(try first.decodeNil(column: "g"))
            #expect(first.allColumns == ["a", "b", "c", "d", "e", "f", "g"])
            let second = try #require(rows.last)
            #expect(try second.decode(column: "a", as: String.self) == "日本語 ✓")
            #expect(try second.decode(column: "b", as: Int.self) == -1)
            #expect(try second.decode(column: "d", as: Bool.self) == false)
            #expect(try second.decode(column: "g", as: Int64?.self) == 7)
            #expect(try second.decode(column: "f", as: String?.self) == nil)
        }
    }

    @Test("a mismatch or a missing column is a decoding error naming the column, never a default")
    func mismatches() async throws {
        try await withTestDatabase(.sqlite, migrate: false) { database, _ in
            let row = try await database.read { sql in
                try #require(try await sql.raw("SELECT 'text' AS word, 2 AS number, NULL AS empty").first())
            }
            #expect(throws: DecodingError.self) { try row.decode(column: "word", as: Int64.self) }
            #expect(throws: DecodingError.self) { try row.decode(column: "number", as: Bool.self) }
            #expect(throws: DecodingError.self) { try row.decode(column: "empty", as: String.self) }
            #expect(throws: DecodingError.self) { try row.decode(column: "absent", as: String?.self) }
            do {
                _ = try row.decode(column: "word", as: Int64.self)
            } catch {
                #expect("\(error)".contains("word"))
            }
        }
    }

    @Test("two statements in one call are refused, not half run")
    func oneStatementPerCall() async throws {
        try await withTestDatabase(.sqlite, migrate: false) { database, _ in
            try await database.transaction { sql in try await sql.raw("CREATE TABLE t (a)").run() }
            await #expect(throws: StorageError.self) {
                try await database.transaction { sql in
                    try await sql.raw("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)").run()
                }
            }
            let count = try await database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM t").first()?.decode(column: "n", as: Int.self)
            }
            #expect(count == 0)
        }
    }

    @Test("a kept statement reads the columns a schema change gave it")
    func schemaChange() async throws {
        try await withTestDatabase(.sqlite, migrate: false) { database, _ in
            try await database.transaction { sql in
                try await sql.raw("CREATE TABLE t (a)").run()
                try await sql.raw("INSERT INTO t VALUES (1)").run()
            }
            let before = try await database.transaction { sql in try await sql.raw("SELECT * FROM t").first()?.allColumns }
            #expect(before == ["a"])
            try await database.transaction { sql in try await sql.raw("ALTER TABLE t ADD COLUMN b DEFAULT 2").run() }
            let after = try await database.transaction { sql in try await sql.raw("SELECT * FROM t").first() }
            #expect(after?.allColumns == ["a", "b"])
            #expect(try after?.decode(column: "b", as: Int.self) == 2)
        }
    }

    @Test("a kept statement stays prepared when the values bound to it change, its LIMIT included")
    func keptStatementsStayPrepared() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "hikeshi-driver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let handle = try SQLiteHandle.open(path: directory.appending(path: "kept.sqlite").path, busyTimeout: 0)
        try handle.run("CREATE TABLE t (a TEXT, b INTEGER)", []) { _ in }
        try handle.run("CREATE INDEX t_a ON t (a, b)", []) { _ in }
        for number in 0..<5 {
            try handle.run("INSERT INTO t VALUES (?, ?)", [.text("x"), .integer(Int64(number))]) { _ in }
        }
        let query = "SELECT b FROM t WHERE a = ? ORDER BY b DESC LIMIT ?"
        var seen: [[Int64]] = []
        for limit in [2, 2, 3, 1] {
            var rows: [Int64] = []
            try handle.run(query, [.text("x"), .integer(Int64(limit))]) { row in rows.append(try row.decode(column: "b", as: Int64.self)) }
            seen.append(rows)
        }
        #expect(seen == [[4, 3], [4, 3], [4, 3, 2], [4]])
        #expect(handle.timesPreparedAgain(query) == 0)
    }

    @Test("a commit that fills the write-ahead log leaves the checkpoint to the checkpointer, one at a time")
    func checkpointsOffTheWriter() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "hikeshi-checkpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "wal.sqlite").path
        let writer = try SQLiteHandle.open(path: path, busyTimeout: 0)
        try writer.run("PRAGMA journal_mode = WAL", []) { _ in }
        let jobs = Mutex<[@Sendable (SQLiteCheckpointer.Pass) -> Void]>([])
        let checkpointer = SQLiteCheckpointer(
            handle: try SQLiteHandle.open(path: path, busyTimeout: 0), schedule: { pass in jobs.withLock { $0.append(pass) } }, logger: testLogger)
        writer.checkpoint(with: checkpointer)
        func databaseBytes() throws -> Int { try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) }
        try writer.run("CREATE TABLE t (a)", []) { _ in }
        let before = try databaseBytes()
        // About 1,200 pages in one commit: SQLite's own checkpoint would have copied them into the file in the commit.
        try writer.run("BEGIN", []) { _ in }
        for _ in 0..<1_200 {
            try writer.run("INSERT INTO t VALUES (zeroblob(4000))", []) { _ in }
        }
        try writer.run("COMMIT", []) { _ in }
        #expect(try databaseBytes() == before)
        #expect(jobs.withLock { $0.count } == 1)
        // While one is pending, another long commit asks for no second.
        try writer.run("INSERT INTO t VALUES (1)", []) { _ in }
        #expect(jobs.withLock { $0.count } == 1)
        let passes = try #require(jobs.withLock { $0.popLast() })
        passes(.besideWriter)
        #expect(try databaseBytes() > 1_200 * 4_000)
        // Until the last pass, no other checkpoint is asked for.
        try writer.run("INSERT INTO t VALUES (1)", []) { _ in }
        #expect(jobs.withLock { $0.isEmpty })
        passes(.holdingWriterLock)
        // The log starts again after a whole checkpoint: the next commit is short and asks for none.
        try writer.run("INSERT INTO t VALUES (2)", []) { _ in }
        #expect(jobs.withLock { $0.isEmpty })
        checkpointer.close()
        writer.close()
    }

    @Test("under a stream of large transactions the write-ahead log stays bounded: each checkpoint copies it whole and it starts again")
    func writeAheadLogStaysBounded() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "hikeshi-wal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appending(path: "stream.sqlite").path
        let database = try await SQLiteDatabaseClient.open(path: path, logger: testLogger)
        try await database.transaction { sql in try await sql.raw("CREATE TABLE t (a)").run() }
        // 40 transactions of about 300 pages each: 12,000 pages (47 MB) through the log. Each waits for the checkpoint
        // the one before asked for (the thread pool may be busy with other tests): what is checked is that a checkpoint
        // copies the log whole and the next transaction starts it again, not how soon the pool runs it.
        for _ in 0..<40 {
            try await database.transaction { sql in
                for _ in 0..<300 {
                    try await sql.raw("INSERT INTO t VALUES (zeroblob(4000))").run()
                }
            }
            while database.checkpointPending {
                await Task.yield()
            }
        }
        let log = try #require(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int)
        #expect(log < 4_000 * 4_096, "the log holds \(log) bytes")
        let rows = try await database.read { sql in try await sql.raw("SELECT COUNT(*) AS n FROM t").first()?.decode(column: "n", as: Int.self) }
        #expect(rows == 12_000)
        await database.shutdown()
    }

    @Test("a reader's kept statement reads the columns the writer's schema change gave it")
    func schemaChangeSeenByReaders() async throws {
        try await withTestDatabase(.sqlite, migrate: false) { database, _ in
            try await database.transaction { sql in
                try await sql.raw("CREATE TABLE t (a)").run()
                try await sql.raw("INSERT INTO t VALUES (1)").run()
            }
            // Every reader prepares and keeps the statement.
            for _ in 0..<4 {
                let columns = try await database.read { sql in try await sql.raw("SELECT * FROM t").first()?.allColumns }
                #expect(columns == ["a"])
            }
            try await database.transaction { sql in try await sql.raw("ALTER TABLE t ADD COLUMN b DEFAULT 2").run() }
            for _ in 0..<4 {
                let row = try await database.read { sql in try await sql.raw("SELECT * FROM t").first() }
                #expect(row?.allColumns == ["a", "b"])
                #expect(try row?.decode(column: "b", as: Int.self) == 2)
            }
        }
    }

    @Test("one connection shared by child tasks runs their statements one after the other")
    func sharedConnection() async throws {
        try await withTestDatabase(.sqlite, migrate: false) { database, _ in
            try await database.transaction { sql in
                try await sql.raw("CREATE TABLE t (n INTEGER)").run()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for value in 0..<200 {
                        group.addTask { try await sql.raw("INSERT INTO t VALUES (\(bind: value))").run() }
                    }
                    try await group.waitForAll()
                }
            }
            let total = try await database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n, SUM(n) AS s FROM t").first().map {
                    [try $0.decode(column: "n", as: Int.self), try $0.decode(column: "s", as: Int.self)]
                }
            }
            #expect(total == [200, 199 * 200 / 2])
        }
    }

    @Test("shutting down waits for reads in progress; later calls fail instead of waiting")
    func shutdown() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hikeshi-driver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try await SQLiteDatabaseClient.open(path: directory.appendingPathComponent("d.sqlite").path, logger: testLogger)
        try await database.transaction { sql in try await sql.raw("CREATE TABLE t (n)").run() }
        let reads = Task {
            var count = 0
            for _ in 0..<500 {
                guard (try? await database.read({ sql in try await sql.raw("SELECT COUNT(*) AS n FROM t").first() })) != nil else { break }
                count += 1
            }
            return count
        }
        await database.shutdown()
        _ = await reads.value
        await #expect(throws: StorageError.self) {
            try await database.read { sql in try await sql.raw("SELECT 1").run() }
        }
        await #expect(throws: StorageError.self) {
            try await database.transaction { sql in try await sql.raw("SELECT 1").run() }
        }
    }

    @Test("transactions waiting for another client's write lock hold no thread: other work goes on, and they run after it")
    func lockWaitHoldsNoThread() async throws {
        try await withTestDatabase(.sqlite, migrate: false) { database, reopen in
            try await database.transaction { sql in try await sql.raw("CREATE TABLE t (n INTEGER)").run() }
            // Each client serializes its own transactions: several clients, so that several wait at once.
            var others: [any DatabaseClient] = []
            for _ in 0..<ProcessInfo.processInfo.activeProcessorCount + 2 { others.append(try await reopen()) }
            let (held, holding) = AsyncStream.makeStream(of: Void.self)
            let (release, releasing) = AsyncStream.makeStream(of: Void.self)
            let holder = Task {
                try await database.transaction { sql in
                    try await sql.raw("INSERT INTO t VALUES (0)").run()
                    holding.yield()
                    for await _ in release { break }
                }
            }
            for await _ in held { break }
            // More waiters than the machine has cooperative threads: had they slept in SQLite, nothing below could run.
            let waiters = others.enumerated().map { value, other in
                Task { try await other.transaction { sql in try await sql.raw("INSERT INTO t VALUES (\(bind: value + 1))").run() } }
            }
            let work = await withTaskGroup(of: Int.self) { group in
                for value in 0..<100 { group.addTask { value } }
                return await group.reduce(0, +)
            }
            #expect(work == 4950)
            releasing.yield()
            try await holder.value
            for waiter in waiters { try await waiter.value }
            let count = try await database.read { sql in try await sql.raw("SELECT COUNT(*) AS n FROM t").first()?.decode(column: "n", as: Int.self) }
            #expect(count == others.count + 1)
        }
    }

    @Test("more statements than the cache keeps still run, and a failed one leaves the connection usable")
    func cacheBound() async throws {
        try await withTestDatabase(.sqlite, migrate: false) { database, _ in
            let count = SQLiteHandle.statementCacheLimit + 20
            let sum = try await database.read { sql in
                var sum = 0
                for value in 0..<count {
                    // A different text each time: every one is prepared, the cache refills.
                    sum += try await sql.raw("SELECT \(unsafeRaw: String(value)) AS v").first()?.decode(column: "v", as: Int.self) ?? -1
                }
                return sum
            }
            #expect(sum == count * (count - 1) / 2)
            await #expect(throws: StorageError.self) {
                try await database.read { sql in try await sql.raw("SELECT * FROM missing_table").run() }
            }
            await #expect(throws: StorageError.self) {
                // Fails while stepping, not while preparing: integer overflow.
                try await database.read { sql in try await sql.raw("SELECT abs(\(bind: Int64.min))").run() }
            }
            let again = try await database.read { sql in try await sql.raw("SELECT 41 + \(bind: 1) AS v").first()?.decode(column: "v", as: Int.self) }
            #expect(again == 42)
        }
    }
}
