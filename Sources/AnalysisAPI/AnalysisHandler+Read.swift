import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Storage

extension AnalysisHandler {
    /// Returns an analysis (its document's default version): facts, questions with answers, action items.
    public func getAnalysis(_ input: Hikeshi.GetAnalysisRequest, context: AWSRequestContext) async throws -> Hikeshi.GetAnalysisResponse {
        let loaded = try await read(context.logger) { tx in try await Self.load(input.name, context: context, tx: tx) }
        return Hikeshi.GetAnalysisResponse(analysis: loaded.analysis.wire(documentVersion: loaded.version.version))
    }

    /// Lists the caller's analyses in the region by name, or (with `IncidentRecordArn`) the analysis of one incident
    /// (one page, no token). `ProblemAnalysis` documents Hikeshi cannot read as analyses (written by hand through
    /// `ssm create-document`) are left out; `ssm list-documents` shows every one.
    public func listAnalyses(_ input: Hikeshi.ListAnalysesRequest, context: AWSRequestContext) async throws -> Hikeshi.ListAnalysesResponse {
        let scope = "ListAnalyses"
        let cursor = try PaginationToken.decode(input.nextToken, scope: scope)
        let limit = PaginationToken.pageSize(input.maxResults, default: 50, maximum: Self.maximumPage)
        let logger = context.logger
        let (summaries, next) = try await read(context.logger) { tx -> ([Hikeshi.AnalysisSummary], String?) in
            if let incidentArn = input.incidentRecordArn {
                return (try await Self.analyses(of: incidentArn, context: context, tx: tx), nil)
            }
            let query = DocumentListQuery(
                reader: context.accountID, region: context.region, sources: [.own], kinds: [.problemAnalysis], namePrefixes: [], targetTypes: [],
                tag: nil, ownArnPrefix: Self.documentArn("", context: context))
            let listings = try await tx.documents.list(query, after: cursor.map { ($0, context.accountID) }, limit: limit + 1)
            var summaries: [Hikeshi.AnalysisSummary] = []
            for listing in listings.prefix(limit) {
                let document = listing.document
                guard
                    let version = try await tx.documents.version(
                        of: document.name, accountID: context.accountID, region: context.region, number: document.defaultVersion, versionName: nil)
                else { continue }
                do {
                    summaries.append(try Self.analysis(in: version, name: document.name, context: context).summary)
                } catch let error as AnalysisError {
                    logger.debug(
                        "document left out of ListAnalyses",
                        metadata: ["document.name": .string(document.name), "error.message": .string(error.message)])
                }
            }
            let next = listings.count > limit ? listings.prefix(limit).last.map { PaginationToken.encode($0.document.name, scope: scope) } : nil
            return (summaries, next)
        }
        return Hikeshi.ListAnalysesResponse(analyses: summaries, nextToken: next)
    }

    /// The analyses of one of the caller's incidents in the caller's region: its `ANALYSIS` related items whose
    /// documents exist.
    static func analyses(of incidentArn: String, context: AWSRequestContext, tx: any AnalysisTransaction) async throws -> [Hikeshi.AnalysisSummary] {
        guard let incident = try await tx.incidents.record(arn: incidentArn, accountID: context.accountID) else {
            throw AnalysisError.notFound("Incident record \(incidentArn) not found")
        }
        let related = try await tx.relatedItems.list(incidentArn: incident.arn, after: nil, limit: relatedItemLimit).items
        var summaries: [Hikeshi.AnalysisSummary] = []
        for item in related where item.kind == .analysis {
            guard case .arn(let text) = item.value, let arn = ARN(text), arn.service == "ssm", arn.region == context.region,
                arn.account == context.accountID, arn.resource.hasPrefix("document/")
            else { continue }
            let name = String(arn.resource.dropFirst("document/".count))
            guard let document = try await tx.documents.document(named: name, accountID: context.accountID, region: context.region),
                document.kind == .problemAnalysis,
                let version = try await tx.documents.version(
                    of: name, accountID: context.accountID, region: context.region, number: document.defaultVersion, versionName: nil),
                let analysis = try? analysis(in: version, name: name, context: context)
            else { continue }
            summaries.append(analysis.summary)
        }
        return summaries
    }

    /// Renders an analysis as Markdown in its language.
    public func exportAnalysis(_ input: Hikeshi.ExportAnalysisRequest, context: AWSRequestContext) async throws -> Hikeshi.ExportAnalysisResponse {
        let loaded = try await read(context.logger) { tx in try await Self.load(input.name, context: context, tx: tx) }
        let analysis = loaded.analysis
        return Hikeshi.ExportAnalysisResponse(
            name: analysis.name, format: input.format ?? .markdown, language: analysis.language.wire, content: analysis.markdown())
    }
}
