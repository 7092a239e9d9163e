import HikeshiCore

/// AWS region names and the ARNs of resources that CloudWatch metric dimensions name.
enum AWSRegions {
    /// Region codes by the display names CloudWatch writes into alarm notifications (`"Region": "US East (N. Virginia)"`).
    static let codesByDisplayName: [String: String] = {
        let regions: [(code: String, names: [String])] = [
            ("us-east-1", ["US East (N. Virginia)"]),
            ("us-east-2", ["US East (Ohio)"]),
            ("us-west-1", ["US West (N. California)"]),
            ("us-west-2", ["US West (Oregon)"]),
            ("af-south-1", ["Africa (Cape Town)"]),
            ("ap-east-1", ["Asia Pacific (Hong Kong)"]),
            ("ap-east-2", ["Asia Pacific (Taipei)"]),
            ("ap-south-1", ["Asia Pacific (Mumbai)"]),
            ("ap-south-2", ["Asia Pacific (Hyderabad)"]),
            ("ap-northeast-1", ["Asia Pacific (Tokyo)"]),
            ("ap-northeast-2", ["Asia Pacific (Seoul)"]),
            ("ap-northeast-3", ["Asia Pacific (Osaka)", "Asia Pacific (Osaka-Local)"]),
            ("ap-southeast-1", ["Asia Pacific (Singapore)"]),
            ("ap-southeast-2", ["Asia Pacific (Sydney)"]),
            ("ap-southeast-3", ["Asia Pacific (Jakarta)"]),
            ("ap-southeast-4", ["Asia Pacific (Melbourne)"]),
            ("ap-southeast-5", ["Asia Pacific (Malaysia)"]),
            ("ap-southeast-7", ["Asia Pacific (Thailand)"]),
            ("ca-central-1", ["Canada (Central)"]),
            ("ca-west-1", ["Canada West (Calgary)"]),
            ("eu-central-1", ["EU (Frankfurt)", "Europe (Frankfurt)"]),
            ("eu-central-2", ["EU (Zurich)", "Europe (Zurich)"]),
            ("eu-west-1", ["EU (Ireland)", "Europe (Ireland)"]),
            ("eu-west-2", ["EU (London)", "Europe (London)"]),
            ("eu-west-3", ["EU (Paris)", "Europe (Paris)"]),
            ("eu-north-1", ["EU (Stockholm)", "Europe (Stockholm)"]),
            ("eu-south-1", ["EU (Milan)", "Europe (Milan)"]),
            ("eu-south-2", ["EU (Spain)", "Europe (Spain)"]),
            ("il-central-1", ["Israel (Tel Aviv)"]),
            ("me-south-1", ["Middle East (Bahrain)"]),
            ("me-central-1", ["Middle East (UAE)"]),
            ("mx-central-1", ["Mexico (Central)"]),
            ("sa-east-1", ["South America (Sao Paulo)", "South America (São Paulo)"]),
            ("us-gov-west-1", ["AWS GovCloud (US-West)", "AWS GovCloud (US)"]),
            ("us-gov-east-1", ["AWS GovCloud (US-East)"]),
            ("cn-north-1", ["China (Beijing)"]),
            ("cn-northwest-1", ["China (Ningxia)"]),
        ]
        var map: [String: String] = [:]
        for region in regions {
            for name in region.names { map[name.lowercased()] = region.code }
        }
        return map
    }()

    /// The region code for a display name, or the text itself when it already is a region code.
    static func code(forDisplayName name: String) -> String? {
        let trimmed = name.trimmingWhitespace()
        if let code = codesByDisplayName[trimmed.lowercased()] { return code }
        return isRegionCode(trimmed) ? trimmed : nil
    }

    /// Whether text is shaped like a region code: `us-east-1`, `us-gov-west-1`, `cn-northwest-1`.
    static func isRegionCode(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, !last.isEmpty, last.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
        return parts.dropLast().allSatisfy { part in !part.isEmpty && part.allSatisfy { ("a"..."z").contains($0) } }
    }

    /// The partition a region belongs to: `aws-cn` for `cn-…`, `aws-us-gov` for `us-gov-…`, else `aws`.
    static func partition(forRegion region: String) -> String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        return "aws"
    }

    /// ARNs of the resources a metric's dimensions name, for the dimensions whose resource ARN can be written from
    /// the value alone: EC2 instances, RDS instances and clusters, Lambda functions, SQS queues, DynamoDB tables,
    /// load balancers and target groups, SNS topics, S3 buckets, ECS services; and any dimension value that is an ARN.
    static func resourceArns(
        namespace: String?, dimensions: [(name: String, value: String)], partition: String, region: String?, account: String?
    ) -> [String] {
        var arns: [String] = []
        let values = Dictionary(dimensions.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        for (name, value) in dimensions {
            if IncomingAlert.looksLikeArn(value) {
                arns.append(value)
            } else if let arn = arn(dimension: name, value: value, namespace: namespace, partition: partition, region: region, account: account) {
                arns.append(arn)
            }
        }
        if namespace == "AWS/ECS", let cluster = values["ClusterName"], let service = values["ServiceName"],
            let region, let account, !region.isEmpty, !account.isEmpty
        {
            arns.append("arn:\(partition):ecs:\(region):\(account):service/\(cluster)/\(service)")
        }
        return arns
    }

    private static func arn(dimension: String, value: String, namespace: String?, partition: String, region: String?, account: String?) -> String? {
        guard !value.isEmpty, !value.contains(where: { $0.isWhitespace }) else { return nil }
        if dimension == "BucketName", namespace == nil || namespace == "AWS/S3" {
            return "arn:\(partition):s3:::\(value)"
        }
        guard let region, let account, !region.isEmpty, !account.isEmpty else { return nil }
        let prefix = "arn:\(partition)"
        switch (dimension, namespace) {
        case ("InstanceId", _) where value.hasPrefix("i-"):
            return "\(prefix):ec2:\(region):\(account):instance/\(value)"
        case ("DBInstanceIdentifier", _):
            return "\(prefix):rds:\(region):\(account):db:\(value)"
        case ("DBClusterIdentifier", _):
            return "\(prefix):rds:\(region):\(account):cluster:\(value)"
        case ("FunctionName", "AWS/Lambda"), ("FunctionName", nil):
            return "\(prefix):lambda:\(region):\(account):function:\(value)"
        case ("QueueName", "AWS/SQS"), ("QueueName", nil):
            return "\(prefix):sqs:\(region):\(account):\(value)"
        case ("TableName", "AWS/DynamoDB"), ("TableName", nil):
            return "\(prefix):dynamodb:\(region):\(account):table/\(value)"
        case ("LoadBalancer", _) where value.hasPrefix("app/") || value.hasPrefix("net/") || value.hasPrefix("gwy/"):
            return "\(prefix):elasticloadbalancing:\(region):\(account):loadbalancer/\(value)"
        case ("TargetGroup", _) where value.hasPrefix("targetgroup/"):
            return "\(prefix):elasticloadbalancing:\(region):\(account):\(value)"
        case ("TopicName", "AWS/SNS"), ("TopicName", nil):
            return "\(prefix):sns:\(region):\(account):\(value)"
        default:
            return nil
        }
    }
}
