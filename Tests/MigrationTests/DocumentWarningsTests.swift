import Migration
import RunbooksAPI
import SSMModel
import Testing

@Suite("What of a copied runbook cannot run here")
struct DocumentWarningsTests {
    func document(_ content: String, format: SSM.DocumentFormat = .json) -> DocumentImport {
        DocumentImport(sourceArn: "document/Restart", name: "Restart", content: content, format: format)
    }

    @Test("Steps the engine runs and calls to this server's services raise nothing")
    func supported() {
        let json = """
            {"schemaVersion":"0.3","mainSteps":[{"name":"a","action":"aws:pause","inputs":{}},
             {"name":"b","action":"aws:executeAwsApi","inputs":{"Service":"ssm-incidents","Api":"GetIncidentRecord"}}]}
            """
        #expect(SetupMigrator.documentWarnings(document(json)).isEmpty)
    }

    @Test("Unknown actions and other AWS services are named, in JSON and in YAML")
    func unsupported() {
        let json = """
            {"mainSteps":[{"name":"a","action":"aws:runCommand","inputs":{}},
             {"name":"b","action":"aws:executeAwsApi","inputs":{"Service":"ec2","Api":"RebootInstances"}}]}
            """
        let warnings = SetupMigrator.documentWarnings(document(json))
        #expect(warnings.count == 2)
        #expect(warnings.first?.contains("aws:runCommand") == true)
        #expect(warnings.last?.contains("ec2") == true)
        let yaml = """
            schemaVersion: '0.3'
            mainSteps:
              - name: restart
                action: 'aws:changeInstanceState'
              - name: read
                action: aws:executeAwsApi
                inputs:
                  Service: rds
                  Api: DescribeDBInstances
            """
        let fromYAML = SetupMigrator.documentWarnings(document(yaml, format: .yaml))
        #expect(fromYAML.contains { $0.contains("aws:changeInstanceState") })
        #expect(fromYAML.contains { $0.contains("rds") })
    }
}
