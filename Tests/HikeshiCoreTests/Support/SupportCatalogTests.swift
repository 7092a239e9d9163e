import Testing

@testable import HikeshiCore

/// The service catalogue: its contents, localized names and lookups.
@Suite("SupportCatalog")
struct SupportCatalogTests {
    static let technicalCategoryCodes = ["general-guidance", "apis", "connectivity", "performance", "security", "other"]

    static let expectedSpecialties: [String: SupportSpecialty] = [
        "amazon-elastic-compute-cloud-linux": .compute,
        "amazon-elastic-compute-cloud-windows": .compute,
        "elastic-load-balancing": .networking,
        "amazon-virtual-private-cloud": .networking,
        "amazon-route53": .networking,
        "amazon-cloudfront": .networking,
        "amazon-elastic-container-service": .containers,
        "amazon-elastic-kubernetes-service": .containers,
        "aws-lambda": .serverless,
        "amazon-api-gateway": .serverless,
        "amazon-relational-database-service-mysql": .databases,
        "amazon-relational-database-service-postgresql": .databases,
        "amazon-aurora": .databases,
        "amazon-dynamodb": .databases,
        "amazon-elasticache": .databases,
        "amazon-simple-storage-service": .storage,
        "amazon-elastic-block-store": .storage,
        "amazon-elastic-file-system": .storage,
        "aws-identity-and-access-management": .security,
        "aws-key-management-service": .security,
        "amazon-guardduty": .security,
        "amazon-redshift": .analytics,
        "amazon-athena": .analytics,
        "amazon-kinesis": .analytics,
        "amazon-cloudwatch": .management,
        "aws-cloudformation": .management,
        "aws-systems-manager": .management,
        "aws-cloudtrail": .management,
        "customer-account": .billing,
        "billing": .billing,
    ]

    @Test("the catalogue holds exactly the expected services, sorted by code, each with its specialty")
    func services() {
        let codes = SupportCatalog.services.map(\.code)
        #expect(codes == Self.expectedSpecialties.keys.sorted())
        #expect(Set(codes).count == codes.count)
        for service in SupportCatalog.services {
            #expect(service.specialty == Self.expectedSpecialties[service.code], "\(service.code)")
        }
    }

    @Test("every specialty has at least one service")
    func specialtiesCovered() {
        #expect(Set(SupportCatalog.services.map(\.specialty)) == Set(SupportSpecialty.allCases))
    }

    @Test("only account and billing are not technical")
    func technicalFlag() {
        let nonTechnical = SupportCatalog.services.filter { !$0.isTechnical }.map(\.code)
        #expect(nonTechnical == ["billing", "customer-account"])
    }

    @Test("every service has a non-empty name in each language", arguments: SupportCatalog.services)
    func serviceNames(_ service: SupportServiceEntry) {
        for language in SupportLanguage.allCases {
            let name = service.name(in: language)
            #expect(!name.isEmpty, "\(service.code) \(language)")
            #expect(name == name.trimmingCharacters(in: .whitespacesAndNewlines), "\(service.code) \(language)")
        }
    }

    @Test("every category has a non-empty name in each language", arguments: SupportCatalog.services)
    func categoryNames(_ service: SupportServiceEntry) {
        #expect(!service.categories.isEmpty)
        #expect(Set(service.categories.map(\.code)).count == service.categories.count, "\(service.code)")
        for category in service.categories {
            for language in SupportLanguage.allCases {
                #expect(!category.name(in: language).isEmpty, "\(service.code)/\(category.code) \(language)")
            }
        }
    }

    @Test("technical services have the six technical categories")
    func technicalCategories() {
        for service in SupportCatalog.services where service.isTechnical {
            #expect(service.categories.map(\.code) == Self.technicalCategoryCodes, "\(service.code)")
        }
    }

    @Test("account and billing have their own categories")
    func nonTechnicalCategories() {
        #expect(SupportCatalog.service(code: "billing")?.categories.map(\.code) == ["general-guidance", "charges", "payments", "other"])
        #expect(SupportCatalog.service(code: "customer-account")?.categories.map(\.code) == ["general-guidance", "account-access", "other"])
    }

    @Test("English names follow DescribeServices")
    func englishNames() {
        #expect(SupportCatalog.service(code: "amazon-elastic-compute-cloud-linux")?.name(in: .english) == "Elastic Compute Cloud (EC2 - Linux)")
        #expect(SupportCatalog.service(code: "customer-account")?.name(in: .english) == "Account")
        #expect(SupportCatalog.service(code: "billing")?.name(in: .english) == "Billing")
        #expect(SupportCatalog.service(code: "billing")?.name(in: .japanese) == "請求")
    }

    @Test("technical category names in English")
    func categoryEnglishNames() {
        let names = SupportCatalog.service(code: "aws-lambda")?.categories.map { $0.name(in: .english) }
        #expect(names == ["General Guidance", "APIs", "Connectivity", "Performance", "Security", "Other"])
        #expect(SupportCatalog.category(code: "connectivity", service: "aws-lambda")?.name(in: .japanese) == "接続")
    }

    @Test("looking up services by code")
    func serviceLookup() {
        #expect(SupportCatalog.service(code: "amazon-dynamodb")?.specialty == .databases)
        #expect(SupportCatalog.service(code: "aws-lambda")?.code == "aws-lambda")
        #expect(SupportCatalog.service(code: "amazon-s3") == nil)
        #expect(SupportCatalog.service(code: "") == nil)
        #expect(SupportCatalog.service(code: "AWS-LAMBDA") == nil)
        for service in SupportCatalog.services {
            #expect(SupportCatalog.service(code: service.code) == service)
        }
    }

    @Test("looking up categories by code and service")
    func categoryLookup() {
        #expect(SupportCatalog.category(code: "performance", service: "amazon-aurora")?.code == "performance")
        #expect(SupportCatalog.category(code: "charges", service: "billing")?.name(in: .english) == "Charges")
        #expect(SupportCatalog.category(code: "account-access", service: "customer-account")?.code == "account-access")
        #expect(SupportCatalog.category(code: "charges", service: "customer-account") == nil)
        #expect(SupportCatalog.category(code: "account-access", service: "billing") == nil)
        #expect(SupportCatalog.category(code: "apis", service: "billing") == nil)
        #expect(SupportCatalog.category(code: "charges", service: "aws-lambda") == nil)
        #expect(SupportCatalog.category(code: "apis", service: "no-such-service") == nil)
    }

    @Test("every specialty has a name in each language, e.g. Japanese compute")
    func specialtyNames() {
        #expect(SupportSpecialty.compute.name(in: .japanese) == "コンピューティング")
        #expect(SupportSpecialty.compute.name(in: .english) == "Compute")
        for specialty in SupportSpecialty.allCases {
            for language in SupportLanguage.allCases {
                #expect(!specialty.name(in: language).isEmpty, "\(specialty) \(language)")
            }
        }
        #expect(
            SupportSpecialty.allCases.map(\.rawValue) == [
                "compute", "containers", "serverless", "networking", "databases", "storage", "security", "analytics", "management",
                "billing",
            ]
        )
    }
}

/// A service shown by its code in the parameterized tests' names (not its whole catalogue entry).
extension SupportServiceEntry: CustomTestStringConvertible {
    /// The service code.
    public var testDescription: String { code }
}
