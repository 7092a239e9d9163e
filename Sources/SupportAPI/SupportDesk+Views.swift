import Foundation
import HikeshiCore
import HikeshiModel
import Storage

extension SupportDesk {
    /// The agent view of a case: plan, due time, business time spent, whether the target was met; with communications
    /// when `communications` is given (oldest first).
    static func view(_ record: SupportCase, communications: [SupportCommunication]?, now: Date) throws -> Hikeshi.CaseView {
        let stored = record.details
        // The clock stops at the first response, or at resolution when the case was resolved without one.
        let targetMet = FirstResponseClock.targetMet(dueAt: record.dueAt, firstResponseAt: record.firstResponseAt, now: record.resolvedAt ?? now)
        return Hikeshi.CaseView(
            caseId: record.caseID,
            displayId: record.displayID,
            accountId: record.accountID,
            subject: stored.subject,
            status: record.status.rawValue,
            serviceCode: record.serviceCode,
            categoryCode: record.categoryCode,
            severityCode: record.severity.wire,
            language: record.language.wire,
            submittedBy: stored.submittedBy,
            createdAt: record.createdAt,
            plan: stored.plan.wire,
            businessHoursOnly: stored.businessHoursOnly,
            timeZone: stored.clock.calendar.timeZoneIdentifier,
            firstResponseTargetMinutes: stored.clock.targetMinutes,
            firstResponseDueAt: record.dueAt,
            firstResponseAt: record.firstResponseAt,
            businessSecondsSpent: Int(stored.clock.businessSecondsSpent(firstResponseAt: record.firstResponseAt ?? record.resolvedAt, now: now)),
            targetMet: targetMet,
            breached: record.breached || targetMet == false,
            agentId: record.agentID,
            specialty: record.specialty.wire,
            resolutionNote: stored.resolutionNote,
            resolvedAt: record.resolvedAt,
            supersedesCaseId: stored.supersedes,
            supersededByCaseId: stored.supersededBy,
            coach: stored.coach.map(finding),
            communications: communications?.map { communication in
                let document = communication.details
                return Hikeshi.CaseCommunication(
                    communicationId: communication.id,
                    body: communication.body,
                    submittedBy: communication.submittedBy,
                    author: communication.author.wire,
                    createdAt: communication.createdAt,
                    rating: document.rating,
                    attachments: document.attachments.isEmpty
                        ? nil : document.attachments.map { Hikeshi.EscalationAttachment(attachmentId: $0.id, fileName: $0.fileName) }
                )
            },
            surveyRating: stored.surveyRating,
            surveyComment: stored.surveyComment
        )
    }

    /// A coach finding on the wire.
    static func finding(_ finding: CoachFinding) -> Hikeshi.CoachFinding {
        Hikeshi.CoachFinding(
            code: finding.code, kind: finding.kind.rawValue, message: finding.message, detail: finding.detail,
            evidence: finding.evidence)
    }

    /// All of a case's communications, oldest first.
    static func allCommunications(_ caseID: String, _ tx: any SupportTransaction) async throws -> [SupportCommunication] {
        var all: [SupportCommunication] = []
        var cursor: String?
        repeat {
            let page = try await tx.communications.list(caseID: caseID, after: nil, before: nil, cursor: cursor, limit: 500)
            all.append(contentsOf: page.items)
            cursor = page.nextCursor
        } while cursor != nil
        return all.reversed()
    }

    /// The view of a case with its communications, read in `tx`.
    func detailedView(_ record: SupportCase, _ tx: any SupportTransaction) async throws -> Hikeshi.CaseView {
        var view = try Self.view(record, communications: try await Self.allCommunications(record.caseID, tx), now: clock.now())
        let escalations = try await Self.escalationViews(caseID: record.caseID, tx)
        view.escalations = escalations.isEmpty ? nil : escalations
        return view
    }
}
