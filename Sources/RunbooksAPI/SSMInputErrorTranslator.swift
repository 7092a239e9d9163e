import AWSProtocol

/// Wraps the `ssm` service so that two enum members answer the errors their operations' models name instead of the
/// generic `ValidationException`: an unknown `ResourceType` of the tag operations is `InvalidResourceType`, an unknown
/// `PermissionType` of the document permission operations `InvalidPermissionType` (with the validation's message).
public struct SSMInputErrorTranslator<Service: AWSServiceHandler>: AWSServiceHandler {
    /// The wrapped service.
    public let service: Service

    /// Wraps `service`.
    public init(_ service: Service) {
        self.service = service
    }

    private static var tagOperations: Set<String> { ["AddTagsToResource", "ListTagsForResource", "RemoveTagsFromResource"] }
    private static var permissionOperations: Set<String> { ["DescribeDocumentPermission", "ModifyDocumentPermission"] }

    /// The wrapped service's model.
    public var model: AWSServiceModel { service.model }

    /// Runs the operation, translating the two enum members' validation errors.
    public func handle(operation: String, input: AWSInput, context: AWSRequestContext) async throws -> any AWSShape {
        do {
            return try await service.handle(operation: operation, input: input, context: context)
        } catch let error as AWSValidationError {
            let fields = Set(error.violations.map(\.path.description))
            if Self.tagOperations.contains(operation), fields.contains("ResourceType") {
                throw RunbooksError.invalidResourceType(error.message)
            }
            if Self.permissionOperations.contains(operation), fields.contains("PermissionType") {
                throw RunbooksError.invalidPermissionType(error.message)
            }
            throw error
        }
    }
}
