import AWSProtocol
import Foundation
import SSMContactsModel
import SSMIncidentsModel
import Storage
import SupportModel
import Testing

@testable import App

@Suite("One translation of storage failures into each model's errors")
struct StorageErrorTranslationTests {
    static let conflict = StorageError(.conflict, "unique constraint", table: "response_plans")

    @Test("a conflict is the model's ConflictException, naming the kind of resource in the model's own member")
    func conflictNamesItsResource() throws {
        let incidents = AWSError.storage(
            Self.conflict, operation: SSMIncidents.model.operations["CreateResponsePlan"], service: SSMIncidents.model)
        #expect(incidents.code == "ConflictException" && incidents.status == 409)
        #expect(incidents.fields["resourceType"] == .string("RESPONSE_PLAN"))
        #expect(incidents.message.contains("response plan"))

        let contactConflict = StorageError(.conflict, "unique constraint", table: "contacts")
        let contacts = AWSError.storage(contactConflict, operation: SSMContacts.model.operations["CreateContact"], service: SSMContacts.model)
        #expect(contacts.code == "ConflictException" && contacts.status == 400)
        #expect(contacts.fields["ResourceType"] == .string("CONTACT"))
        #expect(contacts.fields["resourceType"] == nil)
        // The model requires ResourceId; the engines do not say which key was taken.
        #expect(contacts.fields["ResourceId"] == .string(""))
        #expect(AWSError.conflictMessage("INTEGRATION") == "An integration with that identity exists already")
        #expect(AWSError.conflictMessage(nil) == "The resource with that identity exists already")
    }

    @Test("a conflict an operation cannot report, or any other failure, is the model's internal error with no detail")
    func otherFailures() throws {
        let support = AWSError.storage(Self.conflict, operation: Support.model.operations["CreateCase"], service: Support.model)
        #expect(support.code == "InternalServerError" && support.status == 500)
        let corrupt = StorageError(.corrupt, "incident arn:aws:ssm-incidents::1:incident-record/x is unreadable")
        let incidents = AWSError.storage(corrupt, operation: SSMIncidents.model.operations["GetIncidentRecord"], service: SSMIncidents.model)
        #expect(incidents.code == "InternalServerException" && incidents.status == 500)
        #expect(!incidents.message.contains("incident-record") && incidents.fields.isEmpty)
        let busy = AWSError.storage(StorageError(.unavailable, "database busy"), operation: nil, service: SSMContacts.model)
        #expect(busy.code == "InternalServerException" && busy.status == 500)
    }
}
