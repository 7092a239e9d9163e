extension BuiltInDocument {
    /// The name of the helper runbook that turns resource ARNs into EC2 instance ids.
    public static let extractInstanceIdFromArnName = "Hikeshi-ExtractInstanceIdFromArn"

    /// A response plan hands a runbook the incident's involved resources as ARNs, while EC2 actions want instance ids:
    /// this runbook's one `aws:executeScript` step (python3.11) keeps the EC2 instances among `ResourceArns` and outputs
    /// `InstanceIds` (StringList) and `InstanceId` (the first), for a following step or a parent runbook
    /// (`aws:executeAutomation`). It fails when no instance is among them. One document, described in four languages.
    static let extractInstanceIdFromArn = BuiltInDocument(
        name: extractInstanceIdFromArnName, kind: .automation, displayName: "Extract EC2 instance ids from ARNs", language: nil,
        value: .object([
            "schemaVersion": .string("0.3"),
            "description": .string(instanceIdDescription),
            "parameters": .object([
                "ResourceArns": .object([
                    "type": .string("StringList"),
                    "description": .string(
                        "Resource ARNs, such as an incident's involved resources; plain instance ids (i-…) are kept as they are."),
                ])
            ]),
            "mainSteps": .array([
                .object([
                    "name": .string("ExtractInstanceIds"),
                    "action": .string("aws:executeScript"),
                    "isEnd": .bool(true),
                    "inputs": .object([
                        "Runtime": .string("python3.11"),
                        "Handler": .string("extract"),
                        "Script": .string(instanceIdScript),
                        "InputPayload": .object(["ResourceArns": .string("{{ ResourceArns }}")]),
                    ]),
                    "outputs": .array([
                        .object(["Name": .string("InstanceIds"), "Selector": .string("$.Payload.InstanceIds"), "Type": .string("StringList")]),
                        .object(["Name": .string("InstanceId"), "Selector": .string("$.Payload.InstanceId"), "Type": .string("String")]),
                    ]),
                ])
            ]),
            "outputs": .array([.string("ExtractInstanceIds.InstanceIds"), .string("ExtractInstanceIds.InstanceId")]),
        ])
    )

    private static let instanceIdScript = """
        def extract(events, context):
            found = []
            for text in events.get("ResourceArns") or []:
                text = str(text).strip()
                if text.startswith("i-"):
                    found.append(text)
                    continue
                # arn:PARTITION:ec2:REGION:ACCOUNT:instance/i-0123456789abcdef0
                parts = text.split(":", 5)
                if len(parts) == 6 and parts[0] == "arn" and parts[2] == "ec2" and parts[5].startswith("instance/"):
                    found.append(parts[5][len("instance/"):])
            if not found:
                raise ValueError("no EC2 instance among ResourceArns (expected arn:aws:ec2:REGION:ACCOUNT:instance/i-...)")
            return {"InstanceIds": found, "InstanceId": found[0]}
        """

    private static let instanceIdDescription = """
        # Extract EC2 instance ids from ARNs

        Keeps the EC2 instances among `ResourceArns` (for example an incident's involved resources) and outputs their \
        ids: `InstanceIds` (all) and `InstanceId` (the first). Use it as the first step of a runbook, or call it with \
        `aws:executeAutomation`, before actions that need instance ids. It fails when no instance is among the ARNs.

        # ARN から EC2 インスタンス ID を取り出す

        `ResourceArns` (インシデントの関連リソースなど) の中から EC2 インスタンスを選び、その ID を出力します: \
        `InstanceIds` (すべて) と `InstanceId` (最初の 1 つ)。インスタンス ID を必要とするアクションの前に、ランブックの\
        最初のステップとして使うか、`aws:executeAutomation` で呼び出してください。インスタンスが 1 つもなければ失敗します。

        # ARN에서 EC2 인스턴스 ID 추출

        `ResourceArns`(예: 인시던트의 관련 리소스) 중 EC2 인스턴스를 골라 그 ID를 출력합니다. `InstanceIds`(전체)와 \
        `InstanceId`(첫 번째). 인스턴스 ID가 필요한 작업 앞에서 런북의 첫 단계로 쓰거나 `aws:executeAutomation`으로 \
        호출하세요. 인스턴스가 하나도 없으면 실패합니다.

        # 从 ARN 提取 EC2 实例 ID

        从 `ResourceArns`（例如事件的相关资源）中挑出 EC2 实例并输出其 ID：`InstanceIds`（全部）和 `InstanceId`\
        （第一个）。可在需要实例 ID 的操作之前，把它作为运行手册的第一步，或通过 `aws:executeAutomation` 调用。\
        如果其中没有任何实例，则执行失败。
        """
}
