import Foundation

extension RunbookDefinition {
    /// The most steps a runbook may have.
    public static let maximumSteps = 200

    /// Reads and checks an Automation document's parsed content: the parameters with their rules, and every step with
    /// its action's inputs, its flow fields and the `{{ }}` references it makes. The errors name the step and field.
    public static func read(_ value: DocumentValue) throws(DocumentContentError) -> RunbookDefinition {
        guard let root = value.object else { throw DocumentContentError(.invalidContent, "The content must be a mapping (JSON object or YAML map)") }
        let parameters = try readParameters(root["parameters"])
        guard let list = root["mainSteps"]?.array, !list.isEmpty else {
            throw DocumentContentError(.invalidContent, "An Automation document needs mainSteps: a list of at least one step")
        }
        guard list.count <= maximumSteps else {
            throw DocumentContentError(.invalidContent, "An Automation document has at most \(maximumSteps) steps, not \(list.count)")
        }
        var steps: [RunbookStep] = []
        for (index, item) in list.enumerated() {
            steps.append(try readStep(item, index: index))
        }
        let names = Set(steps.map(\.name))
        guard names.count == steps.count else {
            let seen = Dictionary(grouping: steps.map(\.name), by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            throw DocumentContentError(.invalidContent, "Step name \(seen.joined(separator: ", ")) is used twice")
        }
        for step in steps {
            try checkFlow(step, steps: steps)
            try checkReferences(step, parameters: parameters, steps: steps)
        }
        var outputs: [String] = []
        if let declared = root["outputs"] {
            guard let items = declared.array, items.allSatisfy({ $0.string != nil }) else {
                throw DocumentContentError(.invalidContent, "outputs must be a list of \"step.Output\" strings")
            }
            for item in items.compactMap(\.string) {
                guard case .stepOutput(let step, _) = RunbookReference(text: item), names.contains(step) else {
                    throw DocumentContentError(.invalidContent, "outputs: \(item) is not step.Output of a step of this document")
                }
                outputs.append(item)
            }
        }
        var assumeRole: String?
        if let role = root["assumeRole"] {
            guard let text = role.string else { throw DocumentContentError(.invalidContent, "assumeRole must be a string") }
            assumeRole = text
        }
        return RunbookDefinition(
            description: root["description"]?.string, assumeRole: assumeRole, parameters: parameters, steps: steps, outputs: outputs)
    }

    private static func readParameters(_ value: DocumentValue?) throws(DocumentContentError) -> [String: RunbookParameter] {
        guard let value else { return [:] }
        guard let fields = value.object else { throw DocumentContentError(.invalidContent, "parameters must be a mapping of names") }
        var parameters: [String: RunbookParameter] = [:]
        for name in fields.keys.sorted() {
            guard name.range(of: "^[A-Za-z0-9_]{1,50}$", options: .regularExpression) != nil else {
                throw DocumentContentError(.invalidContent, "Parameter name \(name) must be 1 to 50 letters, digits or underscores")
            }
            guard let spec = fields[name]?.object, let typeName = spec["type"]?.string, let type = DocumentParameterKind(rawValue: typeName) else {
                let known = DocumentParameterKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw DocumentContentError(.invalidContent, "Parameter \(name) has no type or an unknown one; use one of \(known)")
            }
            var allowed: [String]?
            if let values = spec["allowedValues"] {
                guard let items = values.array else { throw DocumentContentError(.invalidContent, "Parameter \(name): allowedValues must be a list") }
                allowed = items.map(\.wireText)
            }
            var pattern: String?
            if let text = spec["allowedPattern"] {
                guard let string = text.string else {
                    throw DocumentContentError(.invalidContent, "Parameter \(name): allowedPattern must be a string")
                }
                guard (try? NSRegularExpression(pattern: string)) != nil else {
                    throw DocumentContentError(.invalidContent, "Parameter \(name): allowedPattern \(string) is not a valid regular expression")
                }
                pattern = string
            }
            parameters[name] = RunbookParameter(type: type, defaultValue: spec["default"], allowedValues: allowed, allowedPattern: pattern)
        }
        return parameters
    }

    private static func readStep(_ item: DocumentValue, index: Int) throws(DocumentContentError) -> RunbookStep {
        guard let fields = item.object, let name = fields["name"]?.string, !name.isEmpty else {
            throw DocumentContentError(.invalidContent, "Step \(index + 1) needs a name")
        }
        guard name.range(of: "^[A-Za-z0-9_]{1,100}$", options: .regularExpression) != nil else {
            throw DocumentContentError(.invalidContent, "Step \(name): the name must be letters, digits or underscores")
        }
        guard let actionName = fields["action"]?.string else { throw DocumentContentError(.invalidContent, "Step \(name) needs an action") }
        guard let action = RunbookStepAction(rawValue: actionName) else {
            throw DocumentContentError(.invalidContent, "Step \(name): the action \(actionName) is not one Hikeshi runs")
        }
        var inputs: [String: DocumentValue] = [:]
        if let given = fields["inputs"], given != .null {
            guard let object = given.object else { throw DocumentContentError(.invalidContent, "Step \(name): inputs must be a mapping") }
            inputs = object
        }
        try RunbookInputs.check(action, inputs: inputs, step: name)
        let onFailure = try policy(fields["onFailure"], field: "onFailure", step: name)
        let onCancel = try policy(fields["onCancel"], field: "onCancel", step: name)
        if onCancel == .continue { throw DocumentContentError(.invalidContent, "Step \(name): onCancel is Abort or step:NAME, not Continue") }
        let isEnd = try flag(fields["isEnd"], field: "isEnd", step: name) ?? false
        let isCritical = try flag(fields["isCritical"], field: "isCritical", step: name) ?? (onFailure != .continue)
        var maxAttempts = 1
        if let value = fields["maxAttempts"] {
            guard let number = value.integer, (1...10).contains(number) else {
                throw DocumentContentError(.invalidContent, "Step \(name): maxAttempts must be a whole number from 1 to 10")
            }
            maxAttempts = number
        }
        var timeout: Int?
        if let value = fields["timeoutSeconds"] {
            let limit = action.timeoutLimits.maximum ?? 30 * 86_400
            guard let number = value.integer, (1...limit).contains(number) else {
                throw DocumentContentError(
                    .invalidContent, "Step \(name): timeoutSeconds must be a whole number from 1 to \(limit) for \(action.rawValue)")
            }
            timeout = number
        }
        var nextStep: String?
        if let value = fields["nextStep"] {
            guard let text = value.string else { throw DocumentContentError(.invalidContent, "Step \(name): nextStep must be a step name") }
            nextStep = text
        }
        return RunbookStep(
            name: name, action: action, inputs: inputs, outputs: try readOutputs(fields["outputs"], step: name), onFailure: onFailure,
            onCancel: onCancel, nextStep: nextStep, isEnd: isEnd, isCritical: isCritical, maxAttempts: maxAttempts, timeoutSeconds: timeout)
    }

    private static func policy(_ value: DocumentValue?, field: String, step: String) throws(DocumentContentError) -> StepFailurePolicy {
        guard let value else { return .abort }
        guard let text = value.string, let policy = StepFailurePolicy(text: text) else {
            throw DocumentContentError(.invalidContent, "Step \(step): \(field) must be Abort, Continue or step:NAME, not \(value.jsonText)")
        }
        return policy
    }

    private static func flag(_ value: DocumentValue?, field: String, step: String) throws(DocumentContentError) -> Bool? {
        guard let value else { return nil }
        guard let bool = value.bool else { throw DocumentContentError(.invalidContent, "Step \(step): \(field) must be true or false") }
        return bool
    }

    private static func readOutputs(_ value: DocumentValue?, step: String) throws(DocumentContentError) -> [RunbookStepOutput] {
        guard let value else { return [] }
        guard let items = value.array else { throw DocumentContentError(.invalidContent, "Step \(step): outputs must be a list") }
        var outputs: [RunbookStepOutput] = []
        for (index, item) in items.enumerated() {
            let path = "Step \(step): outputs[\(index)]"
            guard let fields = item.object, let name = fields["Name"]?.string, let selector = fields["Selector"]?.string else {
                throw DocumentContentError(.invalidContent, "\(path) needs Name and Selector")
            }
            let typeName = fields["Type"]?.string ?? "String"
            guard let type = DocumentParameterKind(rawValue: typeName) else {
                throw DocumentContentError(.invalidContent, "\(path): Type \(typeName) is not a runbook type")
            }
            guard JSONSelector(selector) != nil else {
                throw DocumentContentError(.invalidContent, "\(path): Selector \(selector) is not a JSONPath Hikeshi reads ($.a.b, $.a[0], $..a)")
            }
            outputs.append(RunbookStepOutput(name: name, selector: selector, type: type))
        }
        return outputs
    }

    private static func checkFlow(_ step: RunbookStep, steps: [RunbookStep]) throws(DocumentContentError) {
        let names = Set(steps.map(\.name))
        if let next = step.nextStep, !names.contains(next) {
            throw DocumentContentError(.invalidContent, "Step \(step.name): nextStep \(next) is not a step of this document")
        }
        for (field, policy) in [("onFailure", step.onFailure), ("onCancel", step.onCancel)] {
            guard case .step(let target) = policy else { continue }
            guard names.contains(target) else {
                throw DocumentContentError(.invalidContent, "Step \(step.name): \(field) step:\(target) is not a step of this document")
            }
            if field == "onCancel", let action = steps.first(where: { $0.name == target })?.action, [.approve, .pause, .sleep].contains(action) {
                throw DocumentContentError(.invalidContent, "Step \(step.name): onCancel may not go to \(target), an \(action.rawValue) step")
            }
        }
        if step.action == .branch {
            let (choices, fallback) = try BranchChoice.read(step.inputs, step: step.name)
            for target in choices.map(\.nextStep) + (fallback.map { [$0] } ?? []) where !names.contains(target) {
                throw DocumentContentError(.invalidContent, "Step \(step.name): branch target \(target) is not a step of this document")
            }
        }
    }

    private static func checkReferences(_ step: RunbookStep, parameters: [String: RunbookParameter], steps: [RunbookStep])
        throws(DocumentContentError)
    {
        let (references, unreadable) = RunbookReference.all(in: .object(step.inputs))
        if let bad = unreadable.first {
            let hint = bad.hasPrefix("ssm:") ? " (Parameter Store values are not available to steps)" : ""
            throw DocumentContentError(.invalidContent, "Step \(step.name): {{ \(bad) }} is not a variable a runbook can use\(hint)")
        }
        for reference in references {
            switch reference {
            case .parameter(let name) where parameters[name] == nil:
                throw DocumentContentError(.invalidContent, "Step \(step.name): {{ \(name) }} is not a parameter of this document")
            case .stepOutput(let name, _) where !steps.contains(where: { $0.name == name }) && parameters[name] == nil:
                throw DocumentContentError(.invalidContent, "Step \(step.name): {{ \(name).… }} names no step of this document")
            default:
                continue
            }
        }
    }
}
