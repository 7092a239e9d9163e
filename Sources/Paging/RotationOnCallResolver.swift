import Foundation
import HikeshiCore
import Logging
import Storage

/// Finds who is on call from stored rotations and their overrides, with the shift engine.
public struct RotationOnCallResolver: OnCallResolver {
    let store: any PagingStore
    let logger: Logger

    /// Creates the resolver.
    public init(store: any PagingStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// The people on call at `instant` across the rotations, in rotation order, each once.
    public func onCall(rotationArns: [String], accountID: String, at instant: Date) async throws -> [String] {
        var people: [String] = []
        for arn in rotationArns {
            guard
                let loaded = try await store.read(
                    logger: logger,
                    {
                        try await $0.rotations.definition(
                            arn: arn, accountID: accountID, overridesFrom: instant, to: instant.addingTimeInterval(1))
                    })
            else { continue }
            for person in try ShiftEngine.onCall(loaded.rotation.definition, overrides: loaded.overrides, at: instant) where !people.contains(person)
            {
                people.append(person)
            }
        }
        return people
    }
}
