import AWSClient
import AWSProtocol
import AsyncHTTPClient
import ContactsAPI
import Foundation
import IncidentsAPI
import Logging
import RunbooksAPI
import SSMContactsModel
import SSMIncidentsModel
import SSMModel

/// Reads an Incident Manager set-up through the public `ssm-contacts`, `ssm-incidents` and `ssm` APIs of an endpoint:
/// real AWS (`https://ssm-contacts.<region>.amazonaws.com` and its siblings, when no endpoint is given) or another
/// Hikeshi (one URL serves all three).
///
/// Only read operations are called. Every list is followed to its last page; a page token that comes back again is an
/// error rather than a loop. Calls that may succeed later are tried again (``SourceRetry``); anything else ends the
/// read with a ``MigrationError`` that says what to fix.
public struct EndpointSource: Sendable {
    private let contacts: AWSJSONClient
    private let incidents: AWSJSONClient
    private let ssm: AWSJSONClient
    private let retry: SourceRetry
    private let logger: Logger
    private let now: @Sendable () -> Date

    /// A reader of `endpoint` (`nil`: AWS's regional endpoints), signing for `region` with `credentials`.
    public init(
        endpoint: URL?, region: String, credentials: AWSCredentials, httpClient: HTTPClient, retry: SourceRetry = SourceRetry(),
        logger: Logger, now: @escaping @Sendable () -> Date = { Date() }
    ) throws(MigrationError) {
        func url(_ service: String) throws(MigrationError) -> URL {
            if let endpoint { return endpoint }
            guard let url = URL(string: "https://\(service).\(region).amazonaws.com") else {
                throw MigrationError(.invalidArgument, "the region \(region) does not make an endpoint URL")
            }
            return url
        }
        func client(_ model: AWSServiceModel, _ prefix: String) throws(MigrationError) -> AWSJSONClient {
            AWSJSONClient(
                endpoint: try url(model.endpointPrefix), region: region, signingName: model.signingName, targetPrefix: prefix,
                credentials: credentials, httpClient: httpClient, timeout: .seconds(60), logger: logger, now: now)
        }
        self.contacts = try client(SSMContacts.model, "SSMContacts")
        self.incidents = try client(SSMIncidents.model, "")
        self.ssm = try client(SSM.model, "AmazonSSM")
        self.retry = retry
        self.logger = logger
        self.now = now
    }

    /// Reads the whole set-up; `incidents: false` leaves incident history out.
    public func read(incidents includeIncidents: Bool = true) async throws(MigrationError) -> MigrationSnapshot {
        var snapshot = MigrationSnapshot()
        snapshot.contacts = try await readContacts()
        snapshot.rotations = try await readRotations()
        snapshot.replicationSet = try await readReplicationSet()
        snapshot.responsePlans = try await readResponsePlans()
        let (documents, warnings) = try await readDocuments(for: snapshot.responsePlans)
        snapshot.documents = documents
        snapshot.warnings += warnings
        if includeIncidents {
            snapshot.incidents = try await readIncidents()
        }
        logger.info(
            "source read",
            metadata: [
                "migration.contacts": "\(snapshot.contacts.count)", "migration.rotations": "\(snapshot.rotations.count)",
                "migration.response_plans": "\(snapshot.responsePlans.count)", "migration.incidents": "\(snapshot.incidents.count)",
            ])
        return snapshot
    }

    // MARK: - ssm-contacts

    private func readContacts() async throws(MigrationError) -> [ContactImport] {
        let listed = try await pages("ListContacts") { (token) throws(AWSClientError) in
            let page = try await contacts.call(
                "ListContacts", SSMContacts.ListContactsRequest(nextToken: token, maxResults: 100), as: SSMContacts.ListContactsResult.self)
            return (page.contacts ?? [], page.nextToken)
        }
        var result: [ContactImport] = []
        for summary in listed {
            let arn = summary.contactArn
            let contact = try await retry.run("GetContact") { () throws(AWSClientError) in
                try await contacts.call("GetContact", SSMContacts.GetContactRequest(contactId: arn), as: SSMContacts.GetContactResult.self)
            }
            var channels: [SSMContacts.ContactChannel] = []
            if contact.type == .personal {
                channels = try await pages("ListContactChannels") { (token) throws(AWSClientError) in
                    let page = try await contacts.call(
                        "ListContactChannels", SSMContacts.ListContactChannelsRequest(contactId: arn, nextToken: token, maxResults: 100),
                        as: SSMContacts.ListContactChannelsResult.self)
                    return (page.contactChannels, page.nextToken)
                }
            }
            let tags = try await contactTags(arn)
            let policy = try await contactPolicy(arn)
            // In a stable order, so an unchanged source fingerprints the same on every run.
            result.append(
                ContactImport(
                    contact: contact, channels: channels.sorted { $0.contactChannelArn < $1.contactChannelArn }, tags: tags, policy: policy))
        }
        return result
    }

    private func contactTags(_ arn: String) async throws(MigrationError) -> [SSMContacts.Tag] {
        try await retry.run("ListTagsForResource") { () throws(AWSClientError) in
            try await contacts.call(
                "ListTagsForResource", SSMContacts.ListTagsForResourceRequest(resourceARN: arn), as: SSMContacts.ListTagsForResourceResult.self
            ).tags?.sorted { ($0.key ?? "") < ($1.key ?? "") } ?? []
        }
    }

    /// A contact's policy; none when the source has none (some answer `ResourceNotFoundException`).
    private func contactPolicy(_ arn: String) async throws(MigrationError) -> String? {
        do {
            return try await retry.run("GetContactPolicy") { () throws(AWSClientError) -> String? in
                do throws(AWSClientError) {
                    return try await contacts.call(
                        "GetContactPolicy", SSMContacts.GetContactPolicyRequest(contactArn: arn), as: SSMContacts.GetContactPolicyResult.self
                    ).policy
                } catch {
                    if error.code == "ResourceNotFoundException" { return nil }
                    throw error
                }
            }
        }
    }

    private func readRotations() async throws(MigrationError) -> [RotationImport] {
        let listed = try await pages("ListRotations") { (token) throws(AWSClientError) in
            let page = try await contacts.call(
                "ListRotations", SSMContacts.ListRotationsRequest(nextToken: token, maxResults: 100), as: SSMContacts.ListRotationsResult.self)
            return (page.rotations, page.nextToken)
        }
        let start = now()
        let end = start.addingTimeInterval(366 * 86_400)
        var result: [RotationImport] = []
        for summary in listed {
            let arn = summary.rotationArn
            let rotation = try await retry.run("GetRotation") { () throws(AWSClientError) in
                try await contacts.call("GetRotation", SSMContacts.GetRotationRequest(rotationId: arn), as: SSMContacts.GetRotationResult.self)
            }
            let overrides = try await pages("ListRotationOverrides") { (token) throws(AWSClientError) in
                let page = try await contacts.call(
                    "ListRotationOverrides",
                    SSMContacts.ListRotationOverridesRequest(rotationId: arn, startTime: start, endTime: end, nextToken: token, maxResults: 1024),
                    as: SSMContacts.ListRotationOverridesResult.self)
                return (page.rotationOverrides ?? [], page.nextToken)
            }
            let tags = try await contactTags(arn)
            let future = overrides.filter { $0.endTime > start }.sorted { $0.rotationOverrideId < $1.rotationOverrideId }
            result.append(RotationImport(rotation: rotation, overrides: future, tags: tags))
        }
        return result
    }

    // MARK: - ssm-incidents (REST-JSON)

    private func readReplicationSet() async throws(MigrationError) -> SourceReplicationSet? {
        let arns = try await pages("ListReplicationSets") { (token) throws(AWSClientError) in
            let page = try await incidents.callREST(
                "ListReplicationSets", method: "POST", path: "/listReplicationSets",
                body: SSMIncidents.ListReplicationSetsInput(maxResults: 100, nextToken: token), as: SSMIncidents.ListReplicationSetsOutput.self)
            return (page.replicationSetArns, page.nextToken)
        }
        guard let arn = arns.first else { return nil }
        let set = try await retry.run("GetReplicationSet") { () throws(AWSClientError) in
            try await incidents.callREST(
                "GetReplicationSet", method: "GET", path: "/getReplicationSet", query: [("arn", arn)], body: Self.noBody,
                as: SSMIncidents.GetReplicationSetOutput.self)
        }
        return SourceReplicationSet(arn: arn, regions: set.replicationSet.regionMap.keys.sorted())
    }

    private func readResponsePlans() async throws(MigrationError) -> [ResponsePlanImport] {
        let listed = try await pages("ListResponsePlans") { (token) throws(AWSClientError) in
            let page = try await incidents.callREST(
                "ListResponsePlans", method: "POST", path: "/listResponsePlans",
                body: SSMIncidents.ListResponsePlansInput(maxResults: 100, nextToken: token), as: SSMIncidents.ListResponsePlansOutput.self)
            return (page.responsePlanSummaries, page.nextToken)
        }
        var result: [ResponsePlanImport] = []
        for summary in listed {
            let arn = summary.arn
            let plan = try await retry.run("GetResponsePlan") { () throws(AWSClientError) in
                try await incidents.callREST(
                    "GetResponsePlan", method: "GET", path: "/getResponsePlan", query: [("arn", arn)], body: Self.noBody,
                    as: SSMIncidents.GetResponsePlanOutput.self)
            }
            let policies = try await pages("GetResourcePolicies") { (token) throws(AWSClientError) in
                // resourceArn travels in the query string; the body holds the paging members only.
                let page = try await incidents.callREST(
                    "GetResourcePolicies", method: "POST", path: "/getResourcePolicies", query: [("resourceArn", arn)],
                    body: PolicyPage(maxResults: 100, nextToken: token), as: SSMIncidents.GetResourcePoliciesOutput.self)
                return (page.resourcePolicies, page.nextToken)
            }
            result.append(
                ResponsePlanImport(plan: plan, tags: try await incidentTags(arn), policies: policies.sorted { $0.policyId < $1.policyId }))
        }
        return result
    }

    private func incidentTags(_ arn: String) async throws(MigrationError) -> [String: String] {
        try await retry.run("ListTagsForResource") { () throws(AWSClientError) in
            try await incidents.callREST(
                "ListTagsForResource", method: "GET", path: "/tags/\(AWSJSONClient.percentEncoded(arn))", body: Self.noBody,
                as: SSMIncidents.ListTagsForResourceResponse.self
            ).tags
        }
    }

    private func readIncidents() async throws(MigrationError) -> [IncidentImport] {
        let listed = try await pages("ListIncidentRecords") { (token) throws(AWSClientError) in
            let page = try await incidents.callREST(
                "ListIncidentRecords", method: "POST", path: "/listIncidentRecords",
                body: SSMIncidents.ListIncidentRecordsInput(maxResults: 100, nextToken: token), as: SSMIncidents.ListIncidentRecordsOutput.self)
            return (page.incidentRecordSummaries, page.nextToken)
        }
        var result: [IncidentImport] = []
        for summary in listed {
            let arn = summary.arn
            let record = try await retry.run("GetIncidentRecord") { () throws(AWSClientError) in
                try await incidents.callREST(
                    "GetIncidentRecord", method: "GET", path: "/getIncidentRecord", query: [("arn", arn)], body: Self.noBody,
                    as: SSMIncidents.GetIncidentRecordOutput.self)
            }.incidentRecord
            let summaries = try await pages("ListTimelineEvents") { (token) throws(AWSClientError) in
                let page = try await incidents.callREST(
                    "ListTimelineEvents", method: "POST", path: "/listTimelineEvents",
                    body: SSMIncidents.ListTimelineEventsInput(
                        incidentRecordArn: arn, maxResults: 100, nextToken: token, sortBy: .eventTime, sortOrder: .ascending),
                    as: SSMIncidents.ListTimelineEventsOutput.self)
                return (page.eventSummaries, page.nextToken)
            }
            var events: [SSMIncidents.TimelineEvent] = []
            for event in summaries {
                let id = event.eventId
                events.append(
                    try await retry.run("GetTimelineEvent") { () throws(AWSClientError) in
                        try await incidents.callREST(
                            "GetTimelineEvent", method: "GET", path: "/getTimelineEvent", query: [("eventId", id), ("incidentRecordArn", arn)],
                            body: Self.noBody, as: SSMIncidents.GetTimelineEventOutput.self)
                    }.event)
            }
            let items = try await pages("ListRelatedItems") { (token) throws(AWSClientError) in
                let page = try await incidents.callREST(
                    "ListRelatedItems", method: "POST", path: "/listRelatedItems",
                    body: SSMIncidents.ListRelatedItemsInput(incidentRecordArn: arn, maxResults: 100, nextToken: token),
                    as: SSMIncidents.ListRelatedItemsOutput.self)
                return (page.relatedItems, page.nextToken)
            }
            result.append(IncidentImport(record: record, timeline: events, relatedItems: items, tags: try await incidentTags(arn)))
        }
        return result
    }

    // MARK: - ssm (Automation documents)

    /// The documents of the source account that plans run; AWS's own (owner `Amazon`) are not copied: the target
    /// has its own or reports that it cannot run them.
    private func readDocuments(for plans: [ResponsePlanImport]) async throws(MigrationError) -> ([DocumentImport], [String]) {
        var wanted: [String: String?] = [:]
        for plan in plans {
            for case .ssmAutomation(let automation) in plan.plan.actions ?? [] {
                wanted[automation.documentName] = automation.documentVersion
            }
        }
        var documents: [DocumentImport] = []
        var warnings: [String] = []
        for (name, version) in wanted.sorted(by: { $0.key < $1.key }) {
            let pinned = version.flatMap { $0.hasPrefix("$") ? nil : $0 }
            let described: SSM.DescribeDocumentResult
            do {
                described = try await retry.run("DescribeDocument") { () throws(AWSClientError) in
                    try await ssm.call(
                        "DescribeDocument", SSM.DescribeDocumentRequest(name: name, documentVersion: pinned), as: SSM.DescribeDocumentResult.self)
                }
            } catch {
                warnings.append("document \(name): the source could not describe it (\(error)); its runbook is not copied")
                continue
            }
            // AWS's own documents (owner Amazon) are not copied: the plan's warning says whether this server has one.
            guard described.document?.owner != "Amazon", !name.hasPrefix("AWS") else { continue }
            let document: SSM.GetDocumentResult
            let tags: [SSM.Tag]
            do {
                document = try await retry.run("GetDocument") { () throws(AWSClientError) in
                    try await ssm.call("GetDocument", SSM.GetDocumentRequest(name: name, documentVersion: pinned), as: SSM.GetDocumentResult.self)
                }
                tags = try await retry.run("ListTagsForResource") { () throws(AWSClientError) in
                    try await ssm.call(
                        "ListTagsForResource", SSM.ListTagsForResourceRequest(resourceType: .document, resourceId: name),
                        as: SSM.ListTagsForResourceResult.self
                    ).tagList ?? []
                }
            } catch {
                warnings.append("document \(name): the source could not give it (\(error)); its runbook is not copied")
                continue
            }
            guard let content = document.content else {
                warnings.append("document \(name): the source gave no content; its runbook is not copied")
                continue
            }
            documents.append(
                DocumentImport(
                    sourceArn: "document/\(name)", name: name, content: content, format: document.documentFormat ?? .json,
                    documentType: document.documentType ?? .automation, versionName: document.versionName,
                    tags: Dictionary(tags.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })))
        }
        return (documents, warnings)
    }

    // MARK: - Paging

    /// No body (a `GET`).
    private static let noBody: NoBody? = nil

    /// The body of a call that sends none.
    private struct NoBody: Encodable, Sendable {}

    /// The body of `GetResourcePolicies` (its `resourceArn` is in the query string).
    private struct PolicyPage: Encodable, Sendable {
        var maxResults: Int
        var nextToken: String?
    }

    /// Every item of a paged list; a token seen before ends the read with an error instead of looping.
    private func pages<Item: Sendable>(
        _ operation: String, _ page: (String?) async throws(AWSClientError) -> ([Item], String?)
    ) async throws(MigrationError) -> [Item] {
        var items: [Item] = []
        var token: String?
        var seen: Set<String> = []
        repeat {
            let current = token
            let (found, next) = try await retry.run(operation) { () throws(AWSClientError) in try await page(current) }
            items += found
            token = next.flatMap { $0.isEmpty ? nil : $0 }
            if let token, !seen.insert(token).inserted {
                throw MigrationError(
                    .invalidSource, "\(operation) returned the same page token twice; the source's listing is inconsistent, try again")
            }
        } while token != nil
        return items
    }
}
