import HikeshiCore
import Testing

@Suite("Audit entries")
struct AuditEntryTests {
    @Test(
        "reads are not changes; everything else is",
        arguments: [
            ("GetContact", false), ("ListContacts", false), ("DescribeCases", false), ("SearchOpsItems", false),
            ("BatchGetIncidentFindings", false), ("CheckCaseDraft", false), ("ExportAnalysis", false),
            ("CreateContact", true), ("AcceptPage", true), ("StartIncident", true), ("TagResource", true), ("ResolveCase", true),
        ])
    func changes(operation: String, isChange: Bool) {
        #expect(AuditEntry.isChange(operation: operation) == isChange)
    }

    @Test("identifiers are kept, secrets never, a created resource's nested ids are found")
    func resources() {
        let request: [String: Any] = [
            "ContactId": "arn:aws:ssm-contacts:us-east-1:111122223333:contact/alice", "ActivationCode": "123456",
            "SecretAccessKey": "wJalrXUtnFEMI", "Token": "tok-secret", "Plan": ["Stages": []], "Name": "Alice", "ResponsePlan": "arn:aws:plan",
            "Content": "customer text with a name", "Url": "https://hooks/secret-id",
        ]
        #expect(
            AuditEntry.resources(in: request, limit: 10) == ["arn:aws:ssm-contacts:us-east-1:111122223333:contact/alice", "Alice", "arn:aws:plan"])
        let response: [String: Any] = ["Integration": ["IntegrationId": "int-1", "Name": "Alerts"], "Token": "secret", "Url": "https://x/secret"]
        #expect(AuditEntry.resources(in: response) == ["int-1", "Alerts"])
        let many: [String: Any] = Dictionary(uniqueKeysWithValues: (0..<10).map { ("Thing\($0)Id", "id-\($0)") })
        #expect(AuditEntry.resources(in: many).count == 4)
        #expect(AuditEntry.resources(in: ["LongId": String(repeating: "x", count: 513)]).isEmpty)
    }
}
