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
            throw translate(error)
        }
    }
}
