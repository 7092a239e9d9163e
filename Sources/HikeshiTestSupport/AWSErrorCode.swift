import AWSProtocol

/// The AWS error code `call` fails with: nil when it succeeds, `unexpected …` for an error that is not an AWS error.
public func awsErrorCode(_ call: () async throws -> Void) async -> String? {
    do {
        try await call()
        return nil
    } catch let error as any AWSErrorConvertible {
        return error.awsError.code
    } catch {
        return "unexpected \(error)"
    }
}
