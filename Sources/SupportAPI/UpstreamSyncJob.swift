import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import Scheduler
import Storage
import SupportModel

/// The payload of an upstream sync.
struct UpstreamSync: Codable, Sendable {
    /// The escalation.
    var escalationID: String
}

/// Carries an escalation on: creates the upstream case (first looking for one a crashed attempt created, by the
/// opening message's marker), reads the upstream case's new communications (downloading their files into the desk's
/// account) and its status, sends the messages the agent queued with their files (each ends with its marker, so a
/// message whose answer was lost is found upstream, not sent twice), then queues its next run — at
/// the provider's interval while the upstream case is open, sooner after a failure (30 s doubling to an hour). A
/// failure is recorded on the escalation, where the agent sees it; a refusal that retrying cannot fix fails the
/// escalation (no upstream case yet) or the message.
///
/// One job carries an escalation at a time: the escalation names it (``SupportEscalation/chainJobID``), and a job
/// it does not name stops at once; a lease (owner and end) keeps a replaced job that is still talking upstream and
/// its successor from talking at the same time — the successor hands the chain to a job due when the lease ends —,
/// while a job that died holding the lease takes it back when the scheduler runs it again.
public struct UpstreamSyncJob: JobHandler {
    /// The job kind.
    public static let jobKind = "support.upstream"
    /// The job kind.
    public let kind = Self.jobKind
    let store: any SupportStore
    let caller: any UpstreamSupportCaller
    let sealer: any SecretSealer
    let clock: any HikeshiClock
    let logger: Logger

    /// How long a run holds its escalation.
    static let lease: TimeInterval = 600

    /// Creates the handler.
    public init(store: any SupportStore, caller: any UpstreamSupportCaller, sealer: any SecretSealer, clock: any HikeshiClock, logger: Logger) {
        self.store = store
        self.caller = caller
        self.sealer = sealer
        self.clock = clock
        self.logger = logger
    }

    /// What a run found when it went to take its escalation.
    enum Claim: Sendable {
        /// The escalation is gone, or carried by another job: nothing to do.
        case stale
        /// A replaced job still holds it: the chain goes on in a successor due when that hold ends.
        case handedOver
        /// Taken: the escalation, its provider and its messages.
        case taken(SupportEscalation, SupportUpstreamProviderRecord?, [EscalationMessage])
    }

    /// Runs one sync.
    public func run(_ job: Job) async throws {
        let request = try job.payload(as: UpstreamSync.self)
        var logger = logger
        logger[metadataKey: "escalation.id"] = .string(request.escalationID)
        let start = clock.now()
        let claim = try await store.write(logger: logger) { tx -> Claim in
            guard var escalation = try await tx.escalations.escalation(id: request.escalationID, forUpdate: tx.locksRows),
                escalation.chainJobID == job.id
            else { return .stale }
            if let until = escalation.leaseUntil, until > start, escalation.leaseOwner != job.id {
                // A job the agent's action replaced is still talking upstream: carry on once it is done (or dead). A
                // job that died holding the lease and runs again (the same id) takes it back at once.
                let nextID = "support.upstream:\(escalation.id):\(RandomToken.hex(bytes: 6))"
                escalation.chainJobID = nextID
                escalation.nextAttemptAt = until
                try await tx.escalations.update(escalation)
                try await tx.jobs.enqueue(
                    kind: Self.jobKind, payload: UpstreamSync(escalationID: escalation.id), dueAt: until, now: start, id: nextID)
                return .handedOver
            }
            escalation.leaseOwner = job.id
            escalation.leaseUntil = start.addingTimeInterval(Self.lease)
            try await tx.escalations.update(escalation)
            return .taken(
                escalation, try await tx.upstreamProviders.provider(named: escalation.provider),
                try await tx.escalations.messages(escalationID: escalation.id))
        }
        guard case .taken(let claimed, let provider, let messages) = claim else {
            logger.debug("upstream sync not run: the escalation is carried by another job")
            return
        }
        var escalation = claimed
        var interval: TimeInterval = 300
        var failure: (String, retryable: Bool)?
        if let provider {
            interval = TimeInterval(provider.pollIntervalSeconds)
            do {
                let endpoint = try endpoint(provider)
                try await sync(&escalation, messages: messages, endpoint: endpoint, logger: logger)
                escalation.succeeded(at: clock.now())
            } catch let error as UpstreamFailure {
                failure = (error.description, error.isRetryable)
            } catch {
                // The desk's own storage: try again.
                failure = ("The desk could not record the upstream case's state: \(error)", true)
            }
        } else {
            failure = ("The upstream provider \(escalation.provider) was deleted", false)
        }
        let now = clock.now()
        if let (message, retryable) = failure {
            let retryAt = retryable ? now.addingTimeInterval(SupportEscalation.backoff(attempts: escalation.attempts + 1)) : nil
            escalation.attemptFailed(message, retryAt: retryAt, at: now)
            logger.warning(
                "upstream sync failed",
                metadata: [
                    "upstream.error": .string(message),
                    "upstream.retry_in_s": .stringConvertible(retryAt.map { Int($0.timeIntervalSince(now)) } ?? -1),
                ])
        }
        let (outcome, failed, pollInterval) = (escalation, failure != nil, interval)
        try await store.write(logger: logger) { tx in
            guard var current = try await tx.escalations.escalation(id: outcome.id, forUpdate: tx.locksRows) else { return }
            let stillOurs = current.chainJobID == job.id
            current.upstreamCaseID = outcome.upstreamCaseID
            current.upstreamDisplayID = outcome.upstreamDisplayID
            current.upstreamStatus = outcome.upstreamStatus
            current.lastPolledAt = outcome.lastPolledAt
            if current.leaseOwner == job.id {
                current.leaseOwner = nil
                current.leaseUntil = nil
            }
            current.updatedAt = now
            if stillOurs {
                // A run the agent's action replaced leaves the failure count and error to the run that replaced it.
                current.attempts = outcome.attempts
                current.lastError = outcome.lastError
                current.status = outcome.status
                let pending = try await tx.escalations.messages(escalationID: current.id).contains { $0.state == .pending }
                let next: Date? =
                    switch (current.status, failed) {
                    case (.failed, _): nil
                    case (_, true): outcome.nextAttemptAt
                    case (.resolved, false): pending ? now : nil
                    case (.open, false), (.creating, false): now.addingTimeInterval(pollInterval)
                    }
                if let next {
                    let nextID = "support.upstream:\(current.id):\(RandomToken.hex(bytes: 6))"
                    current.chainJobID = nextID
                    current.nextAttemptAt = next
                    try await tx.jobs.enqueue(kind: Self.jobKind, payload: UpstreamSync(escalationID: current.id), dueAt: next, now: now, id: nextID)
                } else {
                    current.chainJobID = nil
                    current.nextAttemptAt = nil
                }
            } else if outcome.upstreamCaseID != nil, current.status == .creating {
                current.status = .open
            }
            try await tx.escalations.update(current)
        }
    }

    /// The provider's endpoint with its secrets opened.
    func endpoint(_ provider: SupportUpstreamProviderRecord) throws(UpstreamFailure) -> UpstreamEndpoint {
        guard let url = URL(string: provider.endpoint) else {
            throw UpstreamFailure(code: nil, message: "The provider's endpoint is not a URL", isRetryable: false)
        }
        do {
            return UpstreamEndpoint(
                url: url, region: provider.region, accessKeyID: provider.accessKeyID, secretAccessKey: try sealer.open(provider.sealedSecret),
                sessionToken: try provider.sealedSessionToken.map { try sealer.open($0) })
        } catch {
            throw UpstreamFailure(
                code: nil, message: "The provider's secret cannot be opened with this server's master key; store it again", isRetryable: false)
        }
    }

    /// One pass: create the upstream case if there is none; read it (what came down, and which of the desk's queued
    /// messages are there already — sent by a run whose answer was lost); send the rest.
    func sync(_ escalation: inout SupportEscalation, messages: [EscalationMessage], endpoint: UpstreamEndpoint, logger: Logger) async throws {
        if escalation.upstreamCaseID == nil {
            guard var opening = messages.first(where: { $0.direction == .up && $0.state == .pending }) else {
                throw UpstreamFailure(code: nil, message: "Nothing to open the upstream case with", isRetryable: false)
            }
            try await create(&escalation, with: &opening, endpoint: endpoint)
        }
        guard let upstream = escalation.upstreamCaseID else { return }
        let known = try await read(&escalation, upstream: upstream, endpoint: endpoint, logger: logger)
        for var message in known where message.direction == .up && message.state == .pending {
            do {
                let setID = try await upload(message.details.attachments, accountID: nil, endpoint: endpoint)
                _ = try await call(
                    "AddCommunicationToCase",
                    Support.AddCommunicationToCaseRequest(caseId: upstream, communicationBody: message.body, attachmentSetId: setID),
                    as: Support.AddCommunicationToCaseResponse.self, endpoint)
                message.state = .sent
                message.details.error = nil
            } catch let error as UpstreamFailure where !error.isRetryable {
                message.state = .failed
                message.details.error = error.description
            }
            let stored = message
            try await store.write(logger: logger) { tx in try await tx.escalations.update(stored) }
        }
    }

    /// Creates the upstream case with its opening message — unless a run that crashed after creating it left it
    /// there: then the case carrying the opening message's marker is linked instead.
    func create(_ escalation: inout SupportEscalation, with opening: inout EscalationMessage, endpoint: UpstreamEndpoint) async throws {
        let body = opening.body
        var found = try await findCreated(escalation, marker: opening.marker, endpoint: endpoint)
        if found == nil {
            let setID = try await upload(opening.details.attachments, accountID: nil, endpoint: endpoint)
            let open = escalation.opening
            let created = try await call(
                "CreateCase",
                Support.CreateCaseRequest(
                    subject: open.subject, serviceCode: open.serviceCode, severityCode: open.severityCode, categoryCode: open.categoryCode,
                    communicationBody: body, language: open.language.rawValue,
                    issueType: open.technical ? "technical" : "customer-service", attachmentSetId: setID),
                as: Support.CreateCaseResponse.self, endpoint)
            guard let caseID = created.caseId else {
                throw UpstreamFailure(code: nil, message: "The upstream desk created a case without an id", isRetryable: true)
            }
            found = (caseID, nil)
        }
        guard let (caseID, displayID) = found else { return }
        escalation.linked(upstreamCaseID: caseID, displayID: displayID, at: clock.now())
        opening.state = .sent
        let (linked, sent) = (escalation, opening)
        try await store.write(logger: logger) { tx in
            guard var current = try await tx.escalations.escalation(id: linked.id, forUpdate: tx.locksRows) else { return }
            current.upstreamCaseID = linked.upstreamCaseID
            current.upstreamDisplayID = linked.upstreamDisplayID
            if current.status == .creating {
                // Linked: the failures before it are over.
                current.status = .open
                current.attempts = 0
                current.lastError = nil
            }
            try await tx.escalations.update(current)
            try await tx.escalations.update(sent)
        }
    }

    /// The upstream case a crashed run created for this escalation, found by its marker among the account's newest
    /// thousand cases (its id and display id). No time bound: the desk's clock and the upstream's need not agree.
    func findCreated(_ escalation: SupportEscalation, marker: String, endpoint: UpstreamEndpoint) async throws -> (String, String?)? {
        var token: String?
        for _ in 0..<10 {
            let page = try await call(
                "DescribeCases",
                Support.DescribeCasesRequest(
                    includeResolvedCases: true, nextToken: token, maxResults: 100, language: escalation.opening.language.rawValue,
                    includeCommunications: true),
                as: Support.DescribeCasesResponse.self, endpoint)
            for found in page.cases ?? [] {
                let texts = (found.recentCommunications?.communications ?? []).compactMap(\.body)
                if let id = found.caseId, found.subject == escalation.opening.subject, texts.contains(where: { $0.contains(marker) }) {
                    return (id, found.displayId)
                }
            }
            guard let next = page.nextToken, !next.isEmpty else { return nil }
            token = next
        }
        return nil
    }

    /// Uploads the case's files as one upstream attachment set; nil when there are none.
    func upload(_ references: [AttachmentReference], accountID: String?, endpoint: UpstreamEndpoint) async throws -> String? {
        guard !references.isEmpty else { return nil }
        let files = try await store.read(logger: logger) { tx in
            var files: [Support.Attachment] = []
            for reference in references {
                guard let file = try await tx.attachments.attachment(id: reference.id, accountID: accountID),
                    let data = Data(base64Encoded: file.data)
                else { continue }
                files.append(Support.Attachment(fileName: file.fileName, data: data))
            }
            return files
        }
        guard !files.isEmpty else { return nil }
        let set = try await call(
            "AddAttachmentsToSet", Support.AddAttachmentsToSetRequest(attachments: files), as: Support.AddAttachmentsToSetResponse.self, endpoint)
        return set.attachmentSetId
    }

    /// Reads the upstream case's communications (new ones become received messages, with their files downloaded into
    /// the desk's account; the desk's own sent messages are recognised) and its status.
    func read(_ escalation: inout SupportEscalation, upstream: String, endpoint: UpstreamEndpoint, logger: Logger) async throws
        -> [EscalationMessage]
    {
        var communications: [Support.Communication] = []
        var token: String?
        repeat {
            let page = try await call(
                "DescribeCommunications", Support.DescribeCommunicationsRequest(caseId: upstream, nextToken: token, maxResults: 100),
                as: Support.DescribeCommunicationsResponse.self, endpoint)
            communications += page.communications ?? []
            token = page.nextToken.flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil && communications.count < 5000
        var known = try await store.read(logger: logger) { [id = escalation.id] tx in try await tx.escalations.messages(escalationID: id) }
        for communication in communications.reversed() {
            let body = communication.body ?? ""
            let key = Self.key(communication)
            guard !known.contains(where: { $0.upstreamKey == key }) else { continue }
            // The desk's own message, by its marker (sent, or sent by a run whose answer was lost: it is not sent again).
            if let index = known.firstIndex(where: { $0.direction == .up && $0.upstreamKey == nil && body.contains($0.marker) }) {
                known[index].upstreamKey = key
                if known[index].state == .pending || known[index].state == .failed {
                    known[index].state = .sent
                    known[index].details.error = nil
                }
                let sent = known[index]
                try await store.write(logger: logger) { tx in try await tx.escalations.update(sent) }
                continue
            }
            let now = clock.now()
            var files: [SupportAttachmentRecord] = []
            for detail in communication.attachmentSet ?? [] {
                guard let id = detail.attachmentId else { continue }
                let answer = try await call(
                    "DescribeAttachment", Support.DescribeAttachmentRequest(attachmentId: id), as: Support.DescribeAttachmentResponse.self, endpoint)
                guard let data = answer.attachment?.data else { continue }
                files.append(
                    SupportAttachmentRecord(
                        id: "attachment-" + RandomToken.hex(bytes: 16), setID: "", accountID: escalation.deskAccountID,
                        fileName: MultipartForm.safeFileName(answer.attachment?.fileName ?? detail.fileName ?? "attachment"), size: data.count,
                        data: data.base64EncodedString(), createdAt: now))
            }
            let message = EscalationMessage(
                id: "upm-" + RandomToken.hex(bytes: 10), escalationID: escalation.id, direction: .down, state: .received, body: body,
                upstreamKey: key,
                details: EscalationMessage.Details(
                    attachments: files.map { AttachmentReference(id: $0.id, fileName: $0.fileName) }, submittedBy: communication.submittedBy,
                    upstreamTime: communication.timeCreated.flatMap(AWSJSONCoding.parseISO8601)),
                createdAt: now)
            let (deskAccount, received) = (escalation.deskAccountID, files)
            try await store.write(logger: logger) { tx in
                if !received.isEmpty {
                    let set = SupportAttachmentSetRecord(
                        id: "as-" + RandomToken.hex(bytes: 16), accountID: deskAccount, createdAt: now, expiresAt: now.addingTimeInterval(3600))
                    try await tx.attachments.insert(set)
                    for var file in received {
                        file.setID = set.id
                        try await tx.attachments.insert(file)
                    }
                }
                try await tx.escalations.insert(message)
            }
            known.append(message)
            logger.info(
                "upstream message received", metadata: ["upstream.case": .string(upstream), "upstream.files": .stringConvertible(files.count)])
        }
        let cases = try await call(
            "DescribeCases", Support.DescribeCasesRequest(caseIdList: [upstream], includeResolvedCases: true, includeCommunications: false),
            as: Support.DescribeCasesResponse.self, endpoint)
        if let found = cases.cases?.first, let status = found.status {
            escalation.upstreamDisplayID = found.displayId ?? escalation.upstreamDisplayID
            escalation.upstreamStatusRead(status, at: clock.now())
        }
        return known
    }

    /// The key of an upstream communication: its time, author and a hash of its text.
    static func key(_ communication: Support.Communication) -> String {
        "\(communication.timeCreated ?? "")|\(communication.submittedBy ?? "")|\(StableHash.fnv1a64Hex((communication.body ?? "").utf8))"
    }

    private func call<Input: AWSShape, Output: AWSShape>(
        _ operation: String, _ input: Input, as output: Output.Type, _ endpoint: UpstreamEndpoint
    ) async throws(UpstreamFailure) -> Output {
        try await caller.call(operation, input, as: output, at: endpoint)
    }
}
