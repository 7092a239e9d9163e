import HikeshiCore

/// The new-case wizard's answers so far, carried from step to step in hidden fields (no server-side draft): the kind,
/// service and category, severity, subject and description, attachment set, CC addresses and language.
struct CaseWizardState: Sendable, Equatable {
    /// The wizard's steps in order.
    enum Step: Int, Sendable, CaseIterable {
        case kind = 1
        case service
        case severity
        case describe
        case attach
        case review
    }

    var step: Step = .kind
    /// `technical` or `customer-service` (account and billing).
    var issueType = "technical"
    var serviceCode = ""
    var categoryCode = ""
    var severityCode = ""
    var subject = ""
    var body = ""
    /// Comma- or space-separated addresses as typed.
    var cc = ""
    var language = ""
    var attachmentSetID = ""
    /// The names of the files already in the attachment set.
    var attachmentNames: [String] = []

    /// The field names each step shows as controls (every other answer travels hidden).
    static func controls(of step: Step) -> Set<String> {
        switch step {
        case .kind: ["issueType"]
        case .service: ["service"]
        case .severity: ["severityCode"]
        case .describe: ["subject", "body"]
        case .attach: ["cc", "language"]
        case .review: []
        }
    }

    /// Reads the answers a form carries (the hidden ones and the step's controls).
    init(form: FormData) {
        step = form["step"].flatMap(Int.init).flatMap(Step.init(rawValue:)) ?? .kind
        issueType = form["issueType"] == "customer-service" ? "customer-service" : "technical"
        if let service = form["service"] {
            let parts = service.split(separator: "/", maxSplits: 1).map(String.init)
            serviceCode = parts.first ?? ""
            categoryCode = parts.count > 1 ? parts[1] : ""
        } else {
            serviceCode = form["serviceCode"] ?? ""
            categoryCode = form["categoryCode"] ?? ""
        }
        severityCode = form["severityCode"] ?? ""
        subject = form["subject"] ?? ""
        body = form["body"] ?? ""
        cc = form["cc"] ?? ""
        language = form["language"] ?? ""
        attachmentSetID = form["attachmentSetId"] ?? ""
        attachmentNames = form.all("attachmentName").filter { !$0.isEmpty }
    }

    /// A fresh wizard.
    init() {}

    /// Every answer as a form field, in a fixed order (`service` is `serviceCode/categoryCode`).
    var fields: [(String, String)] {
        [
            ("issueType", issueType), ("serviceCode", serviceCode), ("categoryCode", categoryCode), ("severityCode", severityCode),
            ("subject", subject), ("body", body), ("cc", cc), ("language", language), ("attachmentSetId", attachmentSetID),
        ] + attachmentNames.map { ("attachmentName", $0) }
    }

    /// The hidden fields a page of `step` carries: every answer the step does not show as a control.
    func hidden(for step: Step) -> [HiddenField] {
        let shown = Self.controls(of: step)
        let skipsCodes = shown.contains("service")
        return fields.filter { name, _ in
            !shown.contains(name) && !(skipsCodes && (name == "serviceCode" || name == "categoryCode"))
        }.map { HiddenField(name: $0.0, value: $0.1) }
    }

    /// The CC addresses as a list.
    var ccAddresses: [String] {
        cc.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init).filter { !$0.isEmpty }
    }
}

/// A hidden form field.
struct HiddenField: Sendable, Equatable {
    let name: String
    let value: String
}
