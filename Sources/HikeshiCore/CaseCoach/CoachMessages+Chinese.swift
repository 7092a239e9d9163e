extension CoachMessages {
    /// The Chinese advice.
    static let chinese = CoachMessageTable(
        checks: [
            .sensitiveData: "草稿中包含凭证或个人信息。工单内容会共享给支持工程师并保留在记录中，请在提交前删除，或用 *** 等方式遮盖。",
            .notAnswerableOtherAccount: """
            AWS Support 只解答与提交工单的账户相关的问题（即使是同一公司或同一组织内的账户也是如此）。\
            请从拥有该资源的账户提交工单；如果架构跨多个账户，请从每个相关账户分别提交。
            """,
            .notAnswerableFailureRootCause: """
            AWS 不会披露基础设施或硬件故障的详细原因，因为知道原因并不会改变您可以采取的措施。请改为询问如何恢复，\
            以及如何面向故障进行设计（替换不健康的资源、跨可用区部署、配置监控和告警）。
            """,
            .notAnswerablePerformanceFigures: """
            除文档中公开的信息外，AWS 不提供性能指标或基准测试数据。性能在很大程度上取决于您的工作负载和配置，\
            最可靠的方法是复制您自己的环境进行实测；在云上创建和删除环境都很容易。
            """,
            .notAnswerableMaintenanceHistory: """
            AWS 不提供以往维护的记录或频率，根据过去的频率预测未来的维护也并不合适。请关注 AWS Health \
            中的计划事件，并将架构设计为任何单个资源都可以被替换。
            """,
            .notAnswerableInternalMechanism: """
            关于 AWS 内部机制的问题，在不了解背景的情况下很难回答。请说明您为什么想了解（例如正在设计或决定什么），\
            工程师才能提供真正有用的信息。
            """,
            .notAnswerableComplianceDocuments: """
            SOC、ISO、PCI 等合规与审计报告不通过技术支持提供。请在 AWS Artifact 中自助下载，或联系您的 \
            AWS 客户团队。
            """,
            .notAnswerableFixDate: """
            AWS Support 无法承诺功能发布或缺陷修复的日期，修复后也不会单独通知。请先询问变通方法；之后可以查看 \
            What's New 页面或提交新工单确认进展。Enterprise Support 客户可以联系 TAM。
            """,
            .knownAnswerStatusCheckSystem: """
            StatusCheckFailed_System 表示底层主机出现了需要 AWS 介入的问题（电源、网络或硬件）。对于 \
            EBS 支持的实例，先停止再启动即可迁移到健康的硬件（重启仍会留在同一主机上）；也可以替换该实例。建议为 \
            CloudWatch 告警配置恢复操作，并面向故障进行设计。AWS 不会披露主机故障的详细原因。
            """,
            .knownAnswerStatusCheckInstance: """
            StatusCheckFailed_Instance 表示问题出在实例内部：操作系统及其网络配置、内存或文件系统。\
            请查看控制台输出（系统日志）和实例屏幕截图，借助 EC2 串行控制台、重启实例并修正操作系统配置来处理；\
            这类问题通常可以由您自行解决。
            """,
            .knownAnswerThrottling: """
            限流错误表示 API 请求速率超过了限制。请使用指数退避和抖动进行重试（AWS SDK \
            的重试配置即可实现），分散或批量处理请求并缓存结果；如果仍然不够，请在 Service Quotas 中申请提高配额。
            """,
            .knownAnswerQuotaExceeded: """
            此错误表示已达到服务配额上限。请在 Service Quotas \
            控制台查看当前用量和配额，并在那里申请提高；这不需要提交技术工单。
            """,
            .knownAnswerScheduledRetirement: """
            计划停用或硬件降级事件表示该主机即将停用。请在截止时间前先停止再启动 EBS 支持的实例以迁移到新硬件，或从 AMI \
            替换实例；计划事件可在 AWS Health 和 EC2 控制台中查看。硬件降级的原因不会披露。
            """,
            .noQuestion: "草稿描述了情况，但没有提出问题或请求。请写明您想知道什么或希望我们做什么，以便第一次回复就能解答。",
            .resourceWithoutID: """
            请用 ID 而不是用途或别名来指定资源：实例 ID（i-…）、卷 \
            ID（vol-…）、数据库标识符、存储桶名称、函数名称或 ARN。
            """,
            .noRegion: "请写明资源所在的区域，例如 cn-north-1（北京）或 ap-northeast-1（东京）。",
            .timeWithoutZone: "请为时间注明时区（例如 2026-01-05 10:30 北京时间或 02:30 UTC），并说明事件持续了多长时间。",
            .ongoingUnstated: "请说明问题目前是否仍在发生、已经恢复还是间歇出现，以及从何时开始。",
            .errorWithoutMessage: "请复制粘贴准确的错误信息，并附上错误代码、请求 ID 和发生时间；仅写“出现错误”无法进行调查。",
            .noGoal: "请说明您最终想要实现的目标。工程师可能知道比您所问的方法更好的途径。",
            .noAttempts: "请说明您已经尝试过哪些操作以及为什么没有效果（例如参考的文档和失败的步骤），以免再次收到同样的建议。",
            .previousCaseWithoutID: "如果提到之前的工单，请附上该工单的 ID。",
            .severalQuestions: """
            草稿中包含多个互不相关的问题。每个工单由一位工程师处理，一个工单一个问题会更快得到解决。\
            请将不相关的内容（例如技术问题和账单问题）拆分为不同的工单。
            """,
            .urgentInSubject: """
            在标题或正文中写“紧急”等字样并不会提高优先级，AWS Support \
            以您选择的严重级别为准。请根据业务影响选择合适的严重级别。
            """,
        ],
        sensitiveTemplate: "草稿中包含{kind}。工单内容会共享给支持工程师并保留在记录中，请在提交前删除，或用 *** 等方式遮盖。",
        credentialNote: "如果是真实的凭证，请同时停用并轮换。",
        sensitiveNames: [
            .awsAccessKeyID: "AWS 访问密钥 ID",
            .awsSecretAccessKey: "AWS 秘密访问密钥",
            .password: "密码",
            .privateKey: "私钥",
            .creditCardNumber: "银行卡号",
            .emailAddress: "电子邮件地址",
            .phoneNumber: "电话号码",
        ]
    )
}
