import Foundation
import HikeshiCSQLite
import SQLKit

/// The column names of a prepared statement's results, shared by every row it returns.
final class SQLiteColumns: Sendable {
    /// The names in result order.
    let names: [String]
    /// Each name's length in UTF-8 bytes.
    private let lengths: [Int]

    init(names: [String]) {
        self.names = names
        self.lengths = names.map(\.utf8.count)
    }

    /// The position of the first column named `name`; a short scan beats hashing at a dozen columns. Names of another
    /// length are passed over without comparing them (a string comparison that fails takes the slow path, which
    /// cost more than the rest of reading a column).
    func index(of name: String) -> Int? {
        let length = name.utf8.count
        for index in names.indices where lengths[index] == length && names[index] == name {
            return index
        }
        return nil
    }

    /// How many columns a row has.
    var count: Int { names.count }

    /// Whether these are the result columns of `statement` as it stands (compared without copying its names).
    func match(_ statement: OpaquePointer) -> Bool {
        guard Int(sqlite_nio_sqlite3_column_count(statement)) == names.count else { return false }
        for (index, name) in names.enumerated() {
            guard let cName = sqlite_nio_sqlite3_column_name(statement, Int32(index)) else { return false }
            let length = strlen(cName)
            let matches = cName.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
                name.utf8.elementsEqual(UnsafeBufferPointer(start: bytes, count: length))
            }
            guard matches else { return false }
        }
        return true
    }
}

/// One result row of the embedded database, read out of SQLite before the next step.
///
/// It decodes what the repositories read — text, integers, reals, booleans stored as 0/1, blobs, and NULL as an
/// optional's nil — and refuses a mismatch (text read as an integer) with a `DecodingError` naming the column.
struct SQLiteResultRow: SQLRow {
    let columns: SQLiteColumns
    let values: [SQLiteValue]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool {
        columns.index(of: column) != nil
    }

    func decodeNil(column: String) throws -> Bool {
        try value(column) == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let value = try value(column)
        // What the repositories read most, without a conformance lookup or a conditional cast: text and integers,
        // optional or not. A cast's `D?` result, like spelling `String?.self` here, asks the runtime for an optional's
        // metadata on every call (four tenths of the time spent reading columns); the optional types are compared
        // with metatypes made once, and a value of the very type asked for is passed as it is.
        switch value {
        case .text(let text) where D.self == String.self: return Self.identical(text, as: type)
        case .text(let text) where D.self == ColumnTypes.optionalString: return Self.identical(String?.some(text), as: type)
        case .integer(let number) where D.self == Int64.self: return Self.identical(number, as: type)
        case .integer(let number) where D.self == ColumnTypes.optionalInt64: return Self.identical(Int64?.some(number), as: type)
        case .null where D.self == ColumnTypes.optionalString: return Self.identical(String?.none, as: type)
        case .null where D.self == ColumnTypes.optionalInt64: return Self.identical(Int64?.none, as: type)
        default:
            break
        }
        guard let optional = D.self as? any SQLiteOptionalColumn.Type else {
            return try Self.decodePlain(value, as: type, column: column)
        }
        let decoded = value == .null ? optional.nothing : try optional.decodeWrapped(value, column: column)
        guard let result = decoded as? D else { throw Self.mismatch(value, D.self, column: column) }
        return result
    }

    /// `value` as `type`, which the caller has just found to be `Value` itself (not checked again here: naming an
    /// optional type costs the look-up this avoids).
    @inline(__always)
    private static func identical<Value, D>(_ value: Value, as type: D.Type) -> D {
        unsafeBitCast(value, to: D.self)
    }

    private static func mismatch(_ value: SQLiteValue, _ type: Any.Type, column: String) -> DecodingError {
        .typeMismatch(type, .init(codingPath: [SQLiteColumnKey(column)], debugDescription: "column \(column) holds \(value.kind), not \(type)"))
    }

    private func value(_ column: String) throws -> SQLiteValue {
        guard let index = columns.index(of: column) else {
            throw DecodingError.keyNotFound(
                SQLiteColumnKey(column),
                .init(codingPath: [], debugDescription: "no column \(column) in the result")
            )
        }
        return values[index]
    }

    /// A non-optional value of `type` from `value`.
    static func decodePlain<D: Decodable>(_ value: SQLiteValue, as type: D.Type, column: String) throws -> D {
        let decoded: Any?
        switch (value, type) {
        case (.text(let text), is String.Type): decoded = text
        case (.integer(let number), is Int64.Type): decoded = number
        case (.integer(let number), is Int.Type): decoded = Int(exactly: number)
        case (.integer(let number), is Bool.Type): decoded = number == 1 ? true : number == 0 ? false : nil
        case (.integer(let number), is Double.Type): decoded = Double(number)
        case (.real(let number), is Double.Type): decoded = number
        case (.integer(let number), is Int32.Type): decoded = Int32(exactly: number)
        case (.integer(let number), is String.Type): decoded = String(number)
        case (.real(let number), is String.Type): decoded = String(number)
        case (.blob(let bytes), is [UInt8].Type): decoded = bytes
        case (.blob(let bytes), is Data.Type): decoded = Data(bytes)
        case (.real(let seconds), is Date.Type): decoded = Date(timeIntervalSince1970: seconds)
        case (.integer(let seconds), is Date.Type): decoded = Date(timeIntervalSince1970: Double(seconds))
        default: decoded = nil
        }
        guard let result = decoded as? D else { throw mismatch(value, D.self, column: column) }
        return result
    }
}

/// The optional column types the fast path compares with, made once.
private enum ColumnTypes {
    static let optionalString: Any.Type = String?.self
    static let optionalInt64: Any.Type = Int64?.self
}

/// Optional column types: NULL decodes as nil, anything else as the wrapped type.
private protocol SQLiteOptionalColumn {
    static var nothing: Any { get }
    static func decodeWrapped(_ value: SQLiteValue, column: String) throws -> Any
}

extension Optional: SQLiteOptionalColumn where Wrapped: Decodable {
    fileprivate static var nothing: Any {
        let absent: Wrapped? = nil
        return absent as Any
    }

    fileprivate static func decodeWrapped(_ value: SQLiteValue, column: String) throws -> Any {
        Wrapped?.some(try SQLiteResultRow.decodePlain(value, as: Wrapped.self, column: column)) as Any
    }
}

private struct SQLiteColumnKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { self.stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension SQLiteValue {
    /// The storage class, for messages.
    var kind: String {
        switch self {
        case .integer: "an integer"
        case .real: "a real"
        case .text: "text"
        case .blob: "a blob"
        case .null: "NULL"
        }
    }
}
