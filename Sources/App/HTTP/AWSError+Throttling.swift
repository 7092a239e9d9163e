import AWSProtocol
import Foundation

extension AWSError {
    /// The service's `ThrottlingException` (its model's status: 400 for the JSON services, 429 for ssm-incidents),
    /// saying when to try again; botocore and the aws CLI retry it with backoff.
    static func throttled(retryAfter seconds: Double, service: AWSServiceModel?) -> AWSError {
        let model = service?.errors["ThrottlingException"]
        let wait = max(1, Int(seconds.rounded(.up)))
        var fields: [String: AWSJSONValue] = [:]
        if let member = model?.member(named: "retryafterseconds") {
            fields[member] = .number(Double(wait))
        }
        if let member = model?.member(named: "servicecode") {
            fields[member] = .string(service?.endpointPrefix ?? "")
        }
        if let member = model?.member(named: "quotacode") {
            fields[member] = .string("RequestsPerSecondPerAccessKey")
        }
        return AWSError(
            code: "ThrottlingException", message: "Rate exceeded: this access key sent too many requests; retry after \(wait) s",
            status: model?.status ?? 400, fields: fields)
    }
}
