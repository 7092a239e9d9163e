import Logging
import NIOCore
import SQLKit
import SQLiteKit

/// SQLKit's view of one ``SQLiteHandle``: serializes a query and runs it on the handle, in the calling task.
struct SQLiteSQLConnection: SQLDatabase {
    let handle: SQLiteHandle
    let logger: Logger
    let eventLoop: any EventLoop

    var dialect: any SQLDialect { SQLiteDialect() }

    var queryLogLevel: Logger.Level? { .trace }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        let (sql, binds) = serialize(query)
        if logger.logLevel <= .trace {
            logger.trace("sql", metadata: ["db.statement": "\(sql)", "db.parameters": "\(binds.count)"])
        }
        try handle.run(sql, binds.map(SQLiteValue.init(binding:))) { onRow($0) }
    }
}
