extension CoachMessages {
    /// The English advice.
    static let english = CoachMessageTable(
        checks: [
            .sensitiveData: """
            The draft contains secrets or personal data. Remove or mask them (for example with ***) before filing: case \
            text is shared with support engineers and kept in the case history.
            """,
            .notAnswerableOtherAccount: """
            AWS Support only answers about the account that opens the case, even for accounts of the same company or \
            organization. File the case from the account that owns the resources; for a setup that spans accounts, open a \
            case from each account involved.
            """,
            .notAnswerableFailureRootCause: """
            AWS does not disclose the detailed root cause of infrastructure or hardware failures: knowing it would not \
            change what you can do. Ask instead how to recover and how to design for failure (replace unhealthy \
            resources, spread across Availability Zones, monitor and alarm).
            """,
            .notAnswerablePerformanceFigures: """
            AWS does not provide performance figures or benchmarks beyond what the documentation publishes: performance \
            depends on your workload and configuration. Measure in a copy of your own environment; in the cloud it is \
            cheap to build one and tear it down.
            """,
            .notAnswerableMaintenanceHistory: """
            AWS does not share the history or frequency of past maintenance, and past frequency would not predict future \
            maintenance. Plan for it instead: watch scheduled events in AWS Health and design so that any single resource \
            can be replaced.
            """,
            .notAnswerableInternalMechanism: """
            Questions about how AWS works internally are hard to answer without context. Say why you ask (what you are \
            designing or deciding) and the engineer can point you to information that actually helps.
            """,
            .notAnswerableComplianceDocuments: """
            Compliance and audit reports (SOC, ISO, PCI and others) are not provided through technical support. Download \
            them self-service from AWS Artifact, or ask your AWS account team.
            """,
            .notAnswerableFixDate: """
            AWS Support cannot promise when a feature will be released or a defect fixed, and does not notify customers \
            one by one when it is. Ask for a workaround now; later, watch the What's New page or open a new case to \
            check. Enterprise Support customers can follow up with their TAM.
            """,
            .knownAnswerStatusCheckSystem: """
            StatusCheckFailed_System means a problem with the underlying host (power, network or hardware) that needs AWS \
            to act. Stop and start an EBS-backed instance to move it to healthy hardware (a reboot stays on the same \
            host), or replace the instance; add a CloudWatch alarm with the recover action and design for failure. AWS \
            does not disclose the detailed cause of host failures.
            """,
            .knownAnswerStatusCheckInstance: """
            StatusCheckFailed_Instance points inside the instance: the operating system, its network configuration, \
            memory or file system. Read the console output (system log) and the instance screenshot, use the EC2 Serial \
            Console, reboot, and fix the OS configuration; this is usually solved on your side.
            """,
            .knownAnswerThrottling: """
            A throttling error means the API request rate went over its limit. Retry with exponential backoff and jitter \
            (the AWS SDKs can do it for you), spread or batch the requests and cache results; if you still need more, \
            request a higher quota in Service Quotas.
            """,
            .knownAnswerQuotaExceeded: """
            This error means a service quota was reached. Check current usage and quotas in the Service Quotas console \
            and request an increase there; that does not need a technical case.
            """,
            .knownAnswerScheduledRetirement: """
            A scheduled retirement or degraded-hardware event means the host is going away. Before the deadline, stop and \
            start an EBS-backed instance to move it to new hardware, or replace it from an AMI; scheduled events are \
            listed in AWS Health and the EC2 console. The cause of the degradation is not disclosed.
            """,
            .noQuestion: """
            The draft describes a situation but asks nothing. End with the concrete question or request you want \
            answered, so that the first reply can answer it.
            """,
            .resourceWithoutID: """
            Name resources by id, not by role or nickname: instance id (i-…), volume id (vol-…), DB identifier, bucket \
            name, function name or ARN.
            """,
            .noRegion: "Say which region the resources are in, for example ap-northeast-1 (Tokyo).",
            .timeWithoutZone: """
            Give times with their time zone (for example 2026-01-05 10:30 JST or 01:30 UTC) and say how long the event \
            lasted.
            """,
            .ongoingUnstated: "Say whether the problem is still happening, has recovered, or comes and goes, and since when.",
            .errorWithoutMessage: """
            Copy and paste the exact error message, and add the error code, the request id and when it happened; \"an \
            error occurs\" is not enough to investigate.
            """,
            .noGoal: """
            Explain what you ultimately want to achieve: the engineer may know a better way to get there than the one you \
            are asking about.
            """,
            .noAttempts: """
            Describe what you have already tried and why it did not work (for example the document and the step that \
            failed), so that you are not asked to do it again.
            """,
            .previousCaseWithoutID: "You refer to an earlier case: add its case id so that the engineer can read it.",
            .severalQuestions: """
            The draft asks several unrelated questions. One question per case is answered faster, because each case goes \
            to one engineer: split unrelated topics (for example a technical problem and a billing question) into \
            separate cases.
            """,
            .urgentInSubject: """
            Words such as \"urgent\" in the subject or body do not raise the priority: AWS Support goes by the severity you \
            select. Choose the severity that matches the business impact instead.
            """,
        ],
        sensitiveTemplate: """
            The draft contains {kind}. Remove it or mask it (for example with ***) before filing: case text is shared \
            with support engineers and kept in the case history.
            """,
        credentialNote: " If it is a real credential, deactivate and rotate it as well.",
        sensitiveNames: [
            .awsAccessKeyID: "an AWS access key id",
            .awsSecretAccessKey: "an AWS secret access key",
            .password: "a password",
            .privateKey: "a private key",
            .creditCardNumber: "a payment card number",
            .emailAddress: "an email address",
            .phoneNumber: "a phone number",
        ]
    )
}
