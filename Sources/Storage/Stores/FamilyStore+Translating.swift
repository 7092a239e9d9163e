import Logging

extension FamilyStore {
    /// ``read(logger:_:)``, with whatever it throws (storage errors included) passed through `translate`, so an API
    /// module turns storage failures into its own error type in one place.
    public func read<T: Sendable>(
        logger: Logger,
        translating translate: (any Error) -> any Error,
        _ body: @Sendable (Transaction) async throws -> T
    ) async throws -> T {
        do {
            return try await read(logger: logger, body)
        } catch {
            Self.log(error, logger: logger)
            throw translate(error)
        }
    }

    /// ``write(logger:_:)``, with whatever it throws passed through `translate`.
    public func write<T: Sendable>(
        logger: Logger,
        translating translate: (any Error) -> any Error,
        _ body: @Sendable (Transaction) async throws -> T
    ) async throws -> T {
        do {
            return try await write(logger: logger, body)
        } catch {
            Self.log(error, logger: logger)
            throw translate(error)
        }
    }

    /// Logs a storage failure before the API's error (which says nothing of it to the client) replaces it: corrupt data,
    /// a schema mismatch or a broken configuration is an error an operator must see; a busy database a warning.
    private static func log(_ error: any Error, logger: Logger) {
        guard let error = error as? StorageError else { return }
        switch error.kind {
        case .conflict:
            break
        case .unavailable:
            logger.warning("storage unavailable", metadata: ["storage.error": .string(error.description)])
        case .corrupt, .schemaMismatch, .configuration:
            logger.error("storage failure", metadata: ["storage.kind": .string("\(error.kind)"), "storage.error": .string(error.description)])
        }
    }
}
