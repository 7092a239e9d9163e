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
            let what = error.resourceType.map { "A " + $0.lowercased().replacingOccurrences(of: "_", with: " ") } ?? "The resource"
            return AWSError(code: conflict.code, message: "\(what) with that identity exists already", status: conflict.status, fields: fields)
        }
        let failure = allowed.first { !$0.senderFault && $0.status >= 500 }
        return AWSError(
            code: failure?.code ?? "InternalFailure",
            message: "The service is temporarily unable to process the request",
            status: failure?.status ?? 500
        )
    }
}
