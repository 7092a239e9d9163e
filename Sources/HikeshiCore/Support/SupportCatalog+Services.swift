import Foundation

extension SupportCatalog {
    /// The catalogue's services, in the order they are listed here.
    static let entries: [SupportServiceEntry] = [
        // Compute.
        technical("amazon-elastic-compute-cloud-linux", .compute, "Elastic Compute Cloud (EC2 - Linux)", "Amazon EC2 (Linux)"),
        technical("amazon-elastic-compute-cloud-windows", .compute, "Elastic Compute Cloud (EC2 - Windows)", "Amazon EC2 (Windows)"),
        // Networking.
        technical(
            "elastic-load-balancing",
            .networking,
            "Elastic Load Balancing (ELB)",
            "Elastic Load Balancing (ELB)",
            chinese: "弹性负载均衡 (ELB)"
        ),
        technical(
            "amazon-virtual-private-cloud",
            .networking,
            "Virtual Private Cloud (VPC)",
            japanese: "Amazon VPC (仮想プライベートクラウド)",
            korean: "Amazon VPC (가상 프라이빗 클라우드)",
            chinese: "Amazon VPC (虚拟私有云)"
        ),
        technical("amazon-route53", .networking, "Route 53", "Amazon Route 53"),
        technical("amazon-cloudfront", .networking, "CloudFront", "Amazon CloudFront"),
        // Containers.
        technical(
            "amazon-elastic-container-service",
            .containers,
            "Elastic Container Service (ECS)",
            "Amazon ECS (Elastic Container Service)",
            chinese: "Amazon ECS (弹性容器服务)"
        ),
        technical(
            "amazon-elastic-kubernetes-service",
            .containers,
            "Elastic Kubernetes Service (EKS)",
            "Amazon EKS (Elastic Kubernetes Service)",
            chinese: "Amazon EKS (弹性 Kubernetes 服务)"
        ),
        // Serverless.
        technical("aws-lambda", .serverless, "Lambda", "AWS Lambda"),
        technical("amazon-api-gateway", .serverless, "API Gateway", "Amazon API Gateway"),
        // Databases.
        technical("amazon-relational-database-service-mysql", .databases, "Relational Database Service (MySQL)", "Amazon RDS for MySQL"),
        technical(
            "amazon-relational-database-service-postgresql",
            .databases,
            "Relational Database Service (PostgreSQL)",
            "Amazon RDS for PostgreSQL"
        ),
        technical("amazon-aurora", .databases, "Aurora", "Amazon Aurora"),
        technical("amazon-dynamodb", .databases, "DynamoDB", "Amazon DynamoDB"),
        technical("amazon-elasticache", .databases, "ElastiCache", "Amazon ElastiCache"),
        // Storage.
        technical(
            "amazon-simple-storage-service",
            .storage,
            "Simple Storage Service (S3)",
            "Amazon S3 (Simple Storage Service)",
            chinese: "Amazon S3 (简单存储服务)"
        ),
        technical(
            "amazon-elastic-block-store",
            .storage,
            "Elastic Block Store (EBS)",
            "Amazon EBS (Elastic Block Store)",
            chinese: "Amazon EBS (弹性块存储)"
        ),
        technical(
            "amazon-elastic-file-system",
            .storage,
            "Elastic File System (EFS)",
            "Amazon EFS (Elastic File System)",
            chinese: "Amazon EFS (弹性文件系统)"
        ),
        // Security.
        technical(
            "aws-identity-and-access-management",
            .security,
            "Identity and Access Management (IAM)",
            "AWS IAM (Identity and Access Management)",
            chinese: "AWS IAM (身份和访问管理)"
        ),
        technical(
            "aws-key-management-service",
            .security,
            "Key Management Service (KMS)",
            "AWS KMS (Key Management Service)",
            chinese: "AWS KMS (密钥管理服务)"
        ),
        technical("amazon-guardduty", .security, "GuardDuty", "Amazon GuardDuty"),
        // Analytics.
        technical("amazon-redshift", .analytics, "Redshift", "Amazon Redshift"),
        technical("amazon-athena", .analytics, "Athena", "Amazon Athena"),
        technical("amazon-kinesis", .analytics, "Kinesis", "Amazon Kinesis"),
        // Management and governance.
        technical("amazon-cloudwatch", .management, "CloudWatch", "Amazon CloudWatch"),
        technical("aws-cloudformation", .management, "CloudFormation", "AWS CloudFormation"),
        technical("aws-systems-manager", .management, "Systems Manager", "AWS Systems Manager"),
        technical("aws-cloudtrail", .management, "CloudTrail", "AWS CloudTrail"),
        // Account and billing: not technical, open on every plan.
        SupportServiceEntry(
            code: "customer-account",
            specialty: .billing,
            isTechnical: false,
            categories: SupportCategory.account,
            english: "Account",
            japanese: "アカウント",
            korean: "계정",
            chinese: "账户"
        ),
        SupportServiceEntry(
            code: "billing",
            specialty: .billing,
            isTechnical: false,
            categories: SupportCategory.billing,
            english: "Billing",
            japanese: "請求",
            korean: "결제",
            chinese: "账单"
        ),
    ]

    /// A technical service whose Japanese and Korean names are `localized`, and whose Chinese name is `chinese` when
    /// given and `localized` otherwise.
    private static func technical(
        _ code: String,
        _ specialty: SupportSpecialty,
        _ english: String,
        _ localized: String,
        chinese: String? = nil
    ) -> SupportServiceEntry {
        technical(code, specialty, english, japanese: localized, korean: localized, chinese: chinese ?? localized)
    }

    /// A technical service with a name in each language and the standard technical categories.
    private static func technical(
        _ code: String,
        _ specialty: SupportSpecialty,
        _ english: String,
        japanese: String,
        korean: String,
        chinese: String
    ) -> SupportServiceEntry {
        SupportServiceEntry(
            code: code,
            specialty: specialty,
            isTechnical: true,
            categories: SupportCategory.technical,
            english: english,
            japanese: japanese,
            korean: korean,
            chinese: chinese
        )
    }
}
