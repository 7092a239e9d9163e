/// The admin pages' words, and the role names every page shows.
struct AdminStrings: Sendable {
    let title: String
    let users: String
    let accessKeys: String
    let userName: String
    let role: String
    let state: String
    let created: String
    let active: String
    let disabled: String
    let disable: String
    let enable: String
    let changeRole: String
    let createUser: String
    let passwordOptional: String
    let contactArn: String
    let agentID: String
    let userCreated: String
    let userChanged: String
    let userCreatedChosen: String
    let notYourself: String
    let nameInvalid: String
    let nameTaken: String
    let roleNotAllowed: String
    let accessKeyID: String
    let createKey: String
    let keyCreated: String
    let secret: String
    let deactivate: String
    let activate: String
    let keyChanged: String
    let noKeys: String
    let roleAdmin: String
    let roleResponder: String
    let roleOncallManager: String
    let roleSupportAgent: String
    let roleCustomer: String
}

extension AdminStrings {
    static let english = AdminStrings(
        title: "Admin", users: "Console users", accessKeys: "Access keys", userName: "User name", role: "Role", state: "State", created: "Created",
        active: "Active", disabled: "Disabled", disable: "Disable", enable: "Enable", changeRole: "Change role", createUser: "Create user",
        passwordOptional: "Password (optional; empty generates one the user must change)", contactArn: "Contact ARN (optional, for on-call pages)",
        agentID: "Desk agent ID (optional, support agents)", userCreated: "User %@ is created. Give them this password now; it is not shown again:",
        userChanged: "The user is changed.",
        userCreatedChosen: "User %@ is created with the password you chose; they must change it at their first sign-in.",
        notYourself: "You cannot disable yourself or change your own role.",
        nameInvalid: "A user name is 1 to 64 letters, digits and ._@+=,-", nameTaken: "The account already has a user of that name.",
        roleNotAllowed: "That role is not allowed in this account (support agents only in the provider's, customers only in others).",
        accessKeyID: "Access key ID", createKey: "Create access key", keyCreated: "The key is created. Copy the secret now; it is not shown again.",
        secret: "Secret access key", deactivate: "Deactivate", activate: "Activate", keyChanged: "The key is changed.", noKeys: "No access keys.",
        roleAdmin: "Administrator", roleResponder: "Responder", roleOncallManager: "On-call manager", roleSupportAgent: "Support agent",
        roleCustomer: "Customer")
    static let japanese = AdminStrings(
        title: "管理", users: "コンソールユーザー", accessKeys: "アクセスキー", userName: "ユーザー名", role: "ロール", state: "状態", created: "作成日時", active: "有効",
        disabled: "無効", disable: "無効にする", enable: "有効にする", changeRole: "ロールを変更", createUser: "ユーザーを作成",
        passwordOptional: "パスワード（任意。空欄なら生成され、ユーザーは初回に変更します）", contactArn: "連絡先 ARN（任意、オンコール画面用）", agentID: "デスクのエージェント ID（任意、サポート担当者）",
        userCreated: "ユーザー %@ を作成しました。このパスワードを今すぐ渡してください。再表示はされません：", userChanged: "ユーザーを変更しました。",
        userCreatedChosen: "ユーザー %@ を、指定したパスワードで作成しました。初回サインイン時に変更が必要です。", notYourself: "自分自身を無効にしたり、自分のロールを変えたりはできません。",
        nameInvalid: "ユーザー名は 1〜64 文字の英数字と ._@+=,- です", nameTaken: "このアカウントには同じ名前のユーザーがいます。",
        roleNotAllowed: "このアカウントではそのロールは使えません（サポート担当者は提供元のみ、顧客はそれ以外のみ）。", accessKeyID: "アクセスキー ID", createKey: "アクセスキーを作成",
        keyCreated: "キーを作成しました。シークレットを今すぐコピーしてください。再表示はされません。", secret: "シークレットアクセスキー", deactivate: "無効化", activate: "有効化", keyChanged: "キーを変更しました。",
        noKeys: "アクセスキーはありません。", roleAdmin: "管理者", roleResponder: "対応者", roleOncallManager: "オンコール管理者", roleSupportAgent: "サポート担当者",
        roleCustomer: "顧客")
    static let korean = AdminStrings(
        title: "관리", users: "콘솔 사용자", accessKeys: "액세스 키", userName: "사용자 이름", role: "역할", state: "상태", created: "생성 시각", active: "활성",
        disabled: "비활성", disable: "비활성화", enable: "활성화", changeRole: "역할 변경", createUser: "사용자 만들기",
        passwordOptional: "비밀번호(선택. 비워 두면 생성되며 사용자가 처음에 바꿉니다)", contactArn: "연락처 ARN(선택, 온콜 화면용)", agentID: "데스크 상담원 ID(선택, 지원 담당자)",
        userCreated: "사용자 %@을(를) 만들었습니다. 이 비밀번호를 지금 전달하세요. 다시 표시되지 않습니다:", userChanged: "사용자를 변경했습니다.",
        userCreatedChosen: "사용자 %@을(를) 지정한 비밀번호로 만들었습니다. 처음 로그인할 때 바꿔야 합니다.",
        notYourself: "자기 자신을 비활성화하거나 자신의 역할을 바꿀 수 없습니다.", nameInvalid: "사용자 이름은 1~64자의 영문, 숫자와 ._@+=,- 입니다", nameTaken: "이 계정에 같은 이름의 사용자가 있습니다.",
        roleNotAllowed: "이 계정에서는 그 역할을 쓸 수 없습니다(지원 담당자는 제공자 계정만, 고객은 그 외 계정만).", accessKeyID: "액세스 키 ID", createKey: "액세스 키 만들기",
        keyCreated: "키를 만들었습니다. 비밀 키를 지금 복사하세요. 다시 표시되지 않습니다.", secret: "비밀 액세스 키", deactivate: "비활성화하기", activate: "활성화하기", keyChanged: "키를 변경했습니다.",
        noKeys: "액세스 키가 없습니다.", roleAdmin: "관리자", roleResponder: "대응자", roleOncallManager: "온콜 관리자", roleSupportAgent: "지원 담당자", roleCustomer: "고객")
    static let chinese = AdminStrings(
        title: "管理", users: "控制台用户", accessKeys: "访问密钥", userName: "用户名", role: "角色", state: "状态", created: "创建时间", active: "启用", disabled: "已停用",
        disable: "停用", enable: "启用该用户", changeRole: "更改角色", createUser: "创建用户", passwordOptional: "密码（可选；留空则生成一个，用户首次登录时须修改）",
        contactArn: "联系人 ARN（可选，用于值班页面）", agentID: "服务台客服 ID（可选，支持客服）", userCreated: "已创建用户 %@。请立即把此密码交给对方，之后不会再显示：", userChanged: "用户已更改。",
        userCreatedChosen: "已用您指定的密码创建用户 %@；对方首次登录时必须修改密码。",
        notYourself: "不能停用自己或更改自己的角色。", nameInvalid: "用户名为 1 至 64 个字母、数字和 ._@+=,-", nameTaken: "此账户已有同名用户。",
        roleNotAllowed: "此账户不允许该角色（支持客服仅限提供方账户，客户仅限其他账户）。", accessKeyID: "访问密钥 ID", createKey: "创建访问密钥", keyCreated: "密钥已创建。请立即复制私密密钥，之后不会再显示。",
        secret: "私密访问密钥", deactivate: "停用密钥", activate: "启用密钥", keyChanged: "密钥已更改。", noKeys: "没有访问密钥。", roleAdmin: "管理员", roleResponder: "响应人员",
        roleOncallManager: "值班管理员", roleSupportAgent: "支持客服", roleCustomer: "客户")
}
