import Logging

extension StorageError {
    /// Logs the failure on `logger`: corrupt data, a schema mismatch or a broken configuration is an error an operator
    /// must see; a busy database a warning; a conflict or an unstorable value is the caller's to report.
    public func log(on logger: Logger) {
        switch kind {
        case .conflict, .unstorableValue:
            break
        case .unavailable:
            logger.warning("storage unavailable", metadata: ["storage.error": .string(description)])
        case .corrupt, .schemaMismatch, .configuration:
            logger.error("storage failure", metadata: ["storage.kind": .string("\(kind)"), "storage.error": .string(description)])
        }
    }
}
