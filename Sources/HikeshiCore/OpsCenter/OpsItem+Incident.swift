import Foundation

extension OpsItem {
    /// The source of the parent OpsItems incidents create.
    public static let incidentSource = "SSMIncidents"

    /// The identity Incident Manager acts as in an account: what creates and changes an incident's parent OpsItem.
    public static func incidentManagerArn(accountID: String) -> String {
        "arn:aws:sts::\(accountID):assumed-role/AWSServiceRoleForIncidentManager/IncidentResponse"
    }

    /// The parent OpsItem of a new incident: an open issue titled like the incident, described by its summary (else
    /// its title), created by Incident Manager's role.
    public static func incidentParent(id: String, incidentTitle: String, summary: String?, accountID: String, region: String, at now: Date)
        -> OpsItem
    {
        let actor = incidentManagerArn(accountID: accountID)
        let description = summary.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 } ?? incidentTitle
        return OpsItem(
            id: id, accountID: accountID, region: region, kind: .issue, title: incidentTitle, description: description, source: incidentSource,
            status: .open, priority: nil, severity: nil, category: nil, operationalData: [:], notifications: [], relatedOpsItems: [],
            times: OpsItemTimes(), createdBy: actor, createdAt: now, lastModifiedBy: actor, lastModifiedAt: now, version: 1)
    }

    /// The association that shows the incident under its parent OpsItem.
    public static func incidentAssociation(associationID: String, opsItemID: String, incidentArn: String, accountID: String, at now: Date)
        -> OpsItemRelatedItem
    {
        OpsItemRelatedItem(
            associationID: associationID, opsItemID: opsItemID, accountID: accountID, resourceType: .incidentRecord, associationType: .isParentOf,
            resourceUri: incidentArn, createdBy: incidentManagerArn(accountID: accountID), createdAt: now)
    }
}
