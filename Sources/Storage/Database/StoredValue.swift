import SQLKit

/// Reads a column that holds a stored enum's raw value.
///
/// A value the enum does not know is ``StorageError/Kind/corrupt`` (the API answers 500 and the log
/// names the column), never silently replaced by a default.
public enum StoredValue {
    /// The enum case stored in `column` of `row`.
    public static func decode<Value: RawRepresentable>(_ type: Value.Type, _ row: any SQLRow, column: String) throws -> Value
    where Value.RawValue == String {
        let text = try row.decode(column: column, as: String.self)
        guard let value = Value(rawValue: text) else {
            throw StorageError(.corrupt, "\(column) holds a value \(Value.self) does not know")
        }
        return value
    }

    /// The enum case stored in `column` of `row`, or nil when the column is NULL.
    public static func decodeIfPresent<Value: RawRepresentable>(_ type: Value.Type, _ row: any SQLRow, column: String) throws -> Value?
    where Value.RawValue == String {
        guard let text = try row.decode(column: column, as: String?.self) else { return nil }
        guard let value = Value(rawValue: text) else {
            throw StorageError(.corrupt, "\(column) holds a value \(Value.self) does not know")
        }
        return value
    }
}
