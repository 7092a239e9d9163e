import AWSProtocol
import Foundation
import Storage

extension AWSError {
    /// A storage failure in the words of the service's model: the one translation every API family shares.
    ///
    /// A conflict (a unique key taken, usually by a concurrent call) becomes the model's `ConflictException` naming the
    /// kind of resource in the shape's resource-type member, when the operation may return one; any other failure
    /// becomes the model's internal error (`InternalServerException`, `InternalServerError`…), with no detail.
    static func storage(_ error: StorageError, operation: AWSOperationModel?, service: AWSServiceModel?) -> AWSError {
        let errors = service?.errors ?? [:]
        let allowed = (operation?.errors ?? Array(errors.keys)).compactMap { errors[$0] }
        if error.kind == .conflict, let conflict = allowed.first(where: { $0.code == "ConflictException" }) {
            var fields: [String: AWSJSONValue] = [:]
            if let type = error.resourceType, let member = conflict.member(named: "resourcetype") {
                fields[member] = .string(type)
            }
            // The engines do not say which key was taken; a model that requires the member gets it empty.
            if let member = conflict.member(named: "resourceid", "resourceidentifier") {
                fields[member] = .string("")
            }
            return AWSError(code: conflict.code, message: Self.conflictMessage(error.resourceType), status: conflict.status, fields: fields)
        }
        if error.kind == .unstorableValue {
            return AWSValidationError(field: "input", constraint: "Member must not contain characters the service cannot store").awsError
        }
        let failure = allowed.first { !$0.senderFault && $0.status >= 500 }
        return AWSError(
            code: failure?.code ?? "InternalFailure",
            message: "The service is temporarily unable to process the request",
            status: failure?.status ?? 500
        )
    }

    /// "A response plan with that identity exists already", "An integration …", or "The resource …".
    static func conflictMessage(_ resourceType: String?) -> String {
        guard let resourceType else { return "The resource with that identity exists already" }
        let noun = resourceType.lowercased().replacingOccurrences(of: "_", with: " ")
        let article = noun.first.map { "aeiou".contains($0) } == true ? "An" : "A"
        return "\(article) \(noun) with that identity exists already"
    }
}
