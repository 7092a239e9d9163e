import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Storage

extension AnalysisHandler {
    /// Creates the analysis of a resolved incident: a `ProblemAnalysis` document (version 1) in the caller's account
    /// and region holding the incident's facts and the template's questions, and an `ANALYSIS` related item on the
    /// incident pointing at it, in one transaction.
    ///
    /// An incident has one analysis: while its analysis document exists, another is a `ConflictException` naming it
    /// (delete the document with `ssm delete-document` to start over). An open incident is a `ValidationException` on
    /// `IncidentRecordArn`; an incident or template the caller does not have is `ResourceNotFoundException`.
    public func createAnalysis(_ input: Hikeshi.CreateAnalysisRequest, context: AWSRequestContext) async throws -> Hikeshi.CreateAnalysisResponse {
        if let name = input.name, let reserved = Self.reservedPrefixes.first(where: { name.lowercased().hasPrefix($0) }) {
            throw AnalysisError.invalid("Name", "Names starting with \(reserved) are reserved for AWS and Hikeshi documents")
        }
        let now = clock.now()
        let created: PostIncidentAnalysis
        do {
            created = try await write(context.logger) { tx in
                guard let incident = try await tx.incidents.record(arn: input.incidentRecordArn, accountID: context.accountID) else {
                    throw AnalysisError.notFound("Incident record \(input.incidentRecordArn) not found")
                }
                // An open incident is refused before anything else is looked at.
                do throws(AnalysisRuleError) {
                    _ = try AnalyzedIncident(resolved: incident)
                } catch {
                    throw AnalysisError(error, field: "IncidentRecordArn")
                }
                // Two creates for one incident take turns (PostgreSQL; SQLite has one writer).
                try await tx.lock(key: "analysis|\(incident.arn)")
                let (template, reference) = try await Self.template(
                    input.templateName ?? Self.defaultTemplate, version: input.templateVersion, context: context, tx: tx)
                let name = input.name ?? "Analysis-\(incident.id)"
                let related = try await tx.relatedItems.list(incidentArn: incident.arn, after: nil, limit: Self.relatedItemLimit).items
                try await Self.checkNoAnalysis(of: incident, related: related, context: context, tx: tx)
                guard try await tx.documents.document(named: name, accountID: context.accountID, region: context.region) == nil else {
                    throw AnalysisError.conflict("A document named \(name) already exists")
                }
                guard related.count < Self.relatedItemLimit else {
                    throw AnalysisError.conflict(
                        "The incident holds \(Self.relatedItemLimit) related items, the most it may; remove one to link an analysis")
                }
                let timeline = try await tx.timeline.list(
                    incidentArn: incident.arn, matching: [], ascending: true, after: nil, limit: PostIncidentAnalysis.timelineLimit)
                let engagements = try await tx.engagements.engagements(incidentID: incident.arn, accountID: incident.accountID)
                let executions = try await Self.executions(of: incident, related: related, tx: tx)
                let analysis: PostIncidentAnalysis
                let content: String
                do throws(AnalysisRuleError) {
                    analysis = try PostIncidentAnalysis.create(
                        name: name, accountID: context.accountID, region: context.region, incident: incident, template: template,
                        templateReference: reference, timeline: timeline.items, engagements: engagements, relatedItems: related,
                        executions: executions, by: context.principalArn, at: now)
                    content = try analysis.content()
                } catch {
                    throw AnalysisError(error, field: "IncidentRecordArn")
                }
                let document = RunbookDocument(
                    accountID: context.accountID, region: context.region, name: name, kind: .problemAnalysis, displayName: nil, targetType: nil,
                    defaultVersion: 1, latestVersion: 1, createdAt: now)
                let version = RunbookDocumentVersion(
                    version: 1, versionName: nil, format: .json, content: content, hash: Self.hash(content), outline: analysis.outline, createdAt: now
                )
                try await tx.documents.insert(document, first: version)
                let item = RelatedItem(
                    id: UUID().uuidString.lowercased(), kind: .analysis, value: .arn(analysis.arn),
                    title: AnalysisText.of(analysis.language).documentTitle)
                try await tx.relatedItems.add(item, incidentArn: incident.arn, accountID: incident.accountID, at: now)
                return analysis
            }
        } catch let error as StorageError where error.kind == .conflict {
            // A concurrent create of the same name committed first.
            throw AnalysisError.conflict("A document with the name of this analysis (\(input.name ?? "Analysis-<incident id>")) already exists")
        }
        context.logger.info(
            "analysis created",
            metadata: [
                "analysis.name": .string(created.name), "incident.arn": .string(created.incident.arn),
                "analysis.template": .string(created.template.name),
            ])
        return Hikeshi.CreateAnalysisResponse(analysis: created.wire(documentVersion: 1))
    }

    /// The automation executions linked to an incident: those its record lists (`automationExecutions`, the runbooks
    /// its plan started) and those its `AUTOMATION` related items name (`arn:aws:ssm:REGION:ACCOUNT:automation-execution/ID`),
    /// in the incident's account, that Hikeshi has.
    static func executions(of incident: Incident, related: [RelatedItem], tx: any AnalysisTransaction) async throws -> [AutomationExecution] {
        var found: [AutomationExecution] = []
        var seen: Set<String> = []
        for text in AnalysisRunbook.linked(to: incident, relatedItems: related) {
            guard let arn = ARN(text), arn.service == "ssm", arn.account == incident.accountID,
                arn.resourceType == "automation-execution", let id = arn.resourcePath.first, !id.isEmpty, seen.insert(text).inserted,
                let execution = try await tx.automationExecutions.execution(id: id, accountID: incident.accountID, region: arn.region)
            else { continue }
            found.append(execution)
        }
        return found
    }

    /// Refuses a second analysis: the incident's `ANALYSIS` related items that point at an analysis document that
    /// still exists (a deleted one leaves its related item behind, and does not count).
    static func checkNoAnalysis(of incident: Incident, related: [RelatedItem], context: AWSRequestContext, tx: any AnalysisTransaction)
        async throws
    {
        for item in related where item.kind == .analysis {
            guard case .arn(let text) = item.value, let arn = ARN(text), arn.service == "ssm", arn.account == incident.accountID,
                arn.resource.hasPrefix("document/")
            else { continue }
            let name = String(arn.resource.dropFirst("document/".count))
            if let document = try await tx.documents.document(named: name, accountID: arn.account, region: arn.region),
                document.kind == .problemAnalysis
            {
                throw AnalysisError.conflict("The incident \(incident.arn) already has the analysis \(name) (\(text))")
            }
        }
    }

    /// The template a CreateAnalysis names — by name (the caller's own template, else a built-in one) or by ARN (the
    /// caller's, a built-in one with an empty owner or `Amazon`, or another account's that is shared with the caller)
    /// — read at a version (`$LATEST`, `$DEFAULT`, a number; the default, or what a share grants, when absent).
    /// A document that is not a JSON `ProblemAnalysisTemplate` in the form ``AnalysisTemplate`` reads is a
    /// `ValidationException` on `TemplateName`.
    static func template(_ reference: String, version: String?, context: AWSRequestContext, tx: any AnalysisTransaction) async throws
        -> (AnalysisTemplate, AnalysisTemplateReference)
    {
        var name = reference
        var owner: String? = nil
        if reference.hasPrefix("arn:") {
            guard let arn = ARN(reference), arn.service == "ssm", arn.region == context.region, arn.resource.hasPrefix("document/") else {
                throw AnalysisError.notFound("Template \(reference) not found")
            }
            name = String(arn.resource.dropFirst("document/".count))
            owner = arn.account
        }
        let found:
            (kind: DocumentKind, content: String, format: DocumentContentFormat, language: DocumentLanguage, reference: AnalysisTemplateReference)
        if owner == nil || owner == context.accountID,
            let document = try await tx.documents.document(named: name, accountID: context.accountID, region: context.region)
        {
            let number = try versionNumber(version, of: document) ?? document.defaultVersion
            guard
                let stored = try await tx.documents.version(
                    of: name, accountID: context.accountID, region: context.region, number: number, versionName: nil)
            else {
                throw AnalysisError.notFound("Template \(reference) has no version \(number)")
            }
            found = (
                document.kind, stored.content, stored.format, AnalysisTemplate.language(ofName: name),
                AnalysisTemplateReference(name: name, owner: .account(context.accountID), version: number)
            )
        } else if owner == nil || owner == "" || owner == DocumentOwner.builtInName, let builtIn = BuiltInDocument.named(name) {
            guard version == nil || ["1", "$LATEST", "$DEFAULT"].contains(version) else {
                throw AnalysisError.notFound("Template \(reference) has no version \(version ?? "")")
            }
            found = (
                builtIn.kind, builtIn.content, .json, builtIn.language ?? AnalysisTemplate.language(ofName: name),
                AnalysisTemplateReference(name: name, owner: .builtIn, version: 1)
            )
        } else if let owner, owner != context.accountID, !owner.isEmpty,
            let document = try await tx.documents.document(named: name, accountID: owner, region: context.region),
            let share = try await tx.documentPermissions.share(of: name, accountID: owner, region: context.region, readableBy: context.accountID)
        {
            let number =
                try versionNumber(version, of: document)
                ?? share.version.unnamed(defaultVersion: document.defaultVersion, latestVersion: document.latestVersion)
            guard share.version.allows(number, defaultVersion: document.defaultVersion, latestVersion: document.latestVersion),
                let stored = try await tx.documents.version(of: name, accountID: owner, region: context.region, number: number, versionName: nil)
            else {
                throw AnalysisError.notFound("Template \(reference) has no version \(number) shared with this account")
            }
            found = (
                document.kind, stored.content, stored.format, AnalysisTemplate.language(ofName: name),
                AnalysisTemplateReference(name: name, owner: .account(owner), version: number)
            )
        } else {
            throw AnalysisError.notFound("Template \(reference) not found")
        }
        guard found.kind == .problemAnalysisTemplate else {
            throw AnalysisError.invalid("TemplateName", "\(reference) is an \(found.kind.rawValue) document, not a ProblemAnalysisTemplate")
        }
        guard found.format == .json else {
            throw AnalysisError.invalid(
                "TemplateName",
                "\(reference) is written in \(found.format.rawValue); analysis templates are read in JSON (create it with --document-format JSON)")
        }
        do throws(AnalysisRuleError) {
            return (try AnalysisTemplate.read(json: found.content, fallbackLanguage: found.language), found.reference)
        } catch {
            throw AnalysisError.invalid("TemplateName", "\(reference) is not an analysis template Hikeshi can read: \(error.message)")
        }
    }

    /// The version number a `TemplateVersion` names (`$LATEST`, `$DEFAULT` or a number); nil when none is given.
    static func versionNumber(_ version: String?, of document: RunbookDocument) throws -> Int? {
        switch version {
        case nil: return nil
        case "$LATEST": return document.latestVersion
        case "$DEFAULT": return document.defaultVersion
        case let text?:
            guard let number = Int(text), number > 0 else { throw AnalysisError.invalid("TemplateVersion", "\(text) is not a document version") }
            return number
        }
    }
}
