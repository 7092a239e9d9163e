/// A service that the HTTP layer can route operations to.
///
/// The generated `…Service` types conform to this by decoding the input shape of the named
/// operation and calling the matching method of the family's handler protocol.
public protocol AWSServiceHandler: Sendable {
    /// The service's wire description.
    var model: AWSServiceModel { get }

    /// Decodes, validates and runs one operation, returning its output shape.
    func handle(operation: String, input: AWSInput, context: AWSRequestContext) async throws -> any AWSShape
}
