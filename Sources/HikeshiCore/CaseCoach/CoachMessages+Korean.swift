extension CoachMessages {
    /// The Korean advice.
    static let korean = CoachMessageTable(
        checks: [
            .sensitiveData: """
            초안에 자격 증명이나 개인 정보가 포함되어 있습니다. 지원 사례 내용은 지원 엔지니어에게 공유되고 기록에 남으므로, 제출 \
            전에 삭제하거나 *** 등으로 가려 주세요.
            """,
            .notAnswerableOtherAccount: """
            AWS Support는 지원 사례를 제출한 계정에 관한 문의에만 답변합니다(같은 회사나 같은 조직의 계정이라도 \
            마찬가지입니다). 리소스를 소유한 계정에서 제출하고, 여러 계정에 걸친 구성이라면 관련된 각 계정에서 문의해 주세요.
            """,
            .notAnswerableFailureRootCause: """
            AWS 인프라나 하드웨어 장애의 상세한 원인은 공개되지 않습니다. 원인을 알더라도 취할 수 있는 조치는 달라지지 않기 \
            때문입니다. 대신 복구 방법과 장애에 대비한 설계(불안정한 리소스 교체, 여러 가용 영역에 분산, 모니터링과 경보)를 문의해 \
            주세요.
            """,
            .notAnswerablePerformanceFigures: """
            설명서에 게시된 내용 외의 성능 지표나 벤치마크는 제공되지 않습니다. 성능은 워크로드와 구성에 크게 좌우되므로, 고객님의 \
            환경을 복제해 직접 측정하는 것이 가장 정확합니다. 클라우드에서는 환경을 쉽게 만들고 없앨 수 있습니다.
            """,
            .notAnswerableMaintenanceHistory: """
            과거 유지 관리의 실적이나 빈도는 제공되지 않으며, 과거 빈도로 향후 유지 관리를 예측하는 것도 적절하지 않습니다. AWS \
            Health의 예약된 이벤트를 확인하고, 어떤 리소스든 교체할 수 있도록 설계해 주세요.
            """,
            .notAnswerableInternalMechanism: """
            AWS 내부 작동 방식에 대한 질문은 배경 없이는 답변하기 어렵습니다. 왜 알고 싶은지(무엇을 설계하거나 판단하려는지)를 \
            함께 적어 주시면 실제로 도움이 되는 정보를 안내받을 수 있습니다.
            """,
            .notAnswerableComplianceDocuments: """
            SOC, ISO, PCI 등 규정 준수 및 감사 보고서는 기술 지원을 통해 제공되지 않습니다. AWS Artifact에서 \
            셀프 서비스로 내려받거나 AWS 담당 팀에 문의해 주세요.
            """,
            .notAnswerableFixDate: """
            기능 출시일이나 결함 수정일은 보장할 수 없으며, 수정되더라도 개별적으로 연락드리지 않습니다. 먼저 해결 방법을 문의하시고, \
            이후에는 What's New 페이지를 확인하거나 새 지원 사례로 확인해 주세요. Enterprise Support 고객은 \
            TAM에 문의할 수 있습니다.
            """,
            .knownAnswerStatusCheckSystem: """
            StatusCheckFailed_System은 전원, 네트워크, 하드웨어 등 AWS의 조치가 필요한 기반 호스트의 문제를 \
            뜻합니다. EBS 기반 인스턴스는 중지 후 다시 시작하면 정상 하드웨어로 옮겨집니다(재부팅은 같은 호스트에 머뭅니다). 또는 \
            인스턴스를 교체해 주세요. CloudWatch 경보의 복구 작업을 설정하고 장애에 대비한 설계를 권장합니다. 호스트 장애의 \
            상세 원인은 공개되지 않습니다.
            """,
            .knownAnswerStatusCheckInstance: """
            StatusCheckFailed_Instance는 인스턴스 내부, 즉 운영 체제와 그 네트워크 설정, 메모리, 파일 시스템의 \
            문제를 뜻합니다. 콘솔 출력(시스템 로그)과 인스턴스 스크린샷을 확인하고, EC2 직렬 콘솔, 재부팅, OS 설정 수정으로 \
            대응해 주세요. 대부분 고객님 측에서 해결할 수 있습니다.
            """,
            .knownAnswerThrottling: """
            스로틀링 오류는 API 요청 속도가 한도를 넘었다는 뜻입니다. 지수 백오프와 지터를 적용해 재시도하고(AWS SDK의 재시도 \
            설정으로 가능합니다), 요청을 분산하거나 묶고 결과를 캐시해 주세요. 그래도 부족하면 Service Quotas에서 할당량 \
            증가를 요청해 주세요.
            """,
            .knownAnswerQuotaExceeded: """
            이 오류는 서비스 할당량에 도달했다는 뜻입니다. Service Quotas 콘솔에서 현재 사용량과 할당량을 확인하고 그곳에서 \
            증가를 요청해 주세요. 기술 지원 사례는 필요하지 않습니다.
            """,
            .knownAnswerScheduledRetirement: """
            사용 중지 예정이나 하드웨어 성능 저하 이벤트는 호스트가 폐기된다는 뜻입니다. 기한 전에 EBS 기반 인스턴스를 중지 후 \
            다시 시작해 새 하드웨어로 옮기거나 AMI로 교체해 주세요. 예약된 이벤트는 AWS Health와 EC2 콘솔에서 확인할 수 \
            있습니다. 성능 저하의 원인은 공개되지 않습니다.
            """,
            .noQuestion: """
            상황은 설명되어 있지만 질문이나 요청이 없습니다. 첫 답변에서 바로 답을 받을 수 있도록 알고 싶은 점이나 요청 사항을 \
            구체적으로 적어 주세요.
            """,
            .resourceWithoutID: """
            리소스는 역할이나 별칭이 아니라 ID로 지정해 주세요(인스턴스 ID(i-…), 볼륨 ID(vol-…), DB 식별자, 버킷 \
            이름, 함수 이름, ARN 등).
            """,
            .noRegion: "리소스가 있는 리전을 적어 주세요(예: ap-northeast-2(서울)).",
            .timeWithoutZone: """
            시간에는 시간대를 함께 적어 주세요(예: 2026-01-05 10:30 KST, 01:30 UTC). 이벤트가 지속된 시간도 \
            함께 알려 주세요.
            """,
            .ongoingUnstated: "문제가 현재도 계속되는지, 복구되었는지, 간헐적으로 발생하는지를 언제부터인지와 함께 적어 주세요.",
            .errorWithoutMessage: """
            오류 메시지는 복사해 붙여 넣어 정확히 적고, 오류 코드와 요청 ID, 발생 시간도 함께 적어 주세요. \"오류가 \
            발생합니다\"만으로는 조사할 수 없습니다.
            """,
            .noGoal: "궁극적으로 달성하려는 목표를 적어 주세요. 문의하신 방법보다 더 나은 방법을 안내받을 수 있습니다.",
            .noAttempts: """
            이미 시도한 조치와 효과가 없었던 이유(참고한 문서, 실패한 단계 등)를 적어 주세요. 같은 조치를 다시 안내받는 일을 피할 \
            수 있습니다.
            """,
            .previousCaseWithoutID: "이전 지원 사례를 언급하신다면 사례 ID를 적어 주세요.",
            .severalQuestions: """
            서로 관련 없는 질문이 여러 개 포함되어 있습니다. 지원 사례는 한 명의 엔지니어가 처리하므로 사례 1건에 질문 1개가 더 \
            빨리 해결됩니다. 기술 문제와 결제 질문처럼 관련 없는 내용은 별도의 사례로 나누어 주세요.
            """,
            .urgentInSubject: """
            제목이나 본문에 \"긴급\" 같은 단어를 넣어도 우선순위는 높아지지 않습니다. AWS Support는 선택한 심각도를 기준으로 \
            합니다. 비즈니스 영향에 맞는 심각도를 선택해 주세요.
            """,
        ],
        sensitiveTemplate: """
            초안에 다음 정보가 포함되어 있습니다: {kind}. 지원 사례 내용은 지원 엔지니어에게 공유되고 기록에 남으므로, 제출 \
            전에 삭제하거나 *** 등으로 가려 주세요.
            """,
        credentialNote: " 실제 자격 증명이라면 비활성화하고 교체해 주세요.",
        sensitiveNames: [
            .awsAccessKeyID: "AWS 액세스 키 ID",
            .awsSecretAccessKey: "AWS 보안 액세스 키",
            .password: "비밀번호",
            .privateKey: "프라이빗 키",
            .creditCardNumber: "신용카드 번호",
            .emailAddress: "이메일 주소",
            .phoneNumber: "전화번호",
        ]
    )
}
