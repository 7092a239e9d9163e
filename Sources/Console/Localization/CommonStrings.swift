/// The layout's words, sign-in, settings and errors.
struct CommonStrings: Sendable {
    let appName: String
    let skipToContent: String
    let mainNavigation: String
    let navIncidents: String
    let navOnCall: String
    let navSupport: String
    let navDesk: String
    let navAdmin: String
    let navSettings: String
    let languageMenu: String
    let signIn: String
    let signInTitle: String
    let signInIntro: String
    let signOut: String
    let signedInAs: String
    let account: String
    let accountHint: String
    let userName: String
    let password: String
    let signInRefused: String
    let signInLocked: String
    let signedOut: String
    let settings: String
    let language: String
    let languageFollowBrowser: String
    let timeZone: String
    let timeZoneHint: String
    let theme: String
    let themeSystem: String
    let themeLight: String
    let themeDark: String
    let save: String
    let saved: String
    let cancel: String
    let changePassword: String
    let currentPassword: String
    let newPassword: String
    let passwordRules: String
    let passwordTooShort: String
    let passwordTooLong: String
    let passwordWrong: String
    let passwordControl: String
    let passwordChanged: String
    let mustChangePassword: String
    let refresh: String
    let autoRefreshNote: String
    let required: String
    let errorsHeading: String
    let requestRefused: String
    let serviceUnavailable: String
    let forbiddenTitle: String
    let forbiddenText: String
    let notFoundTitle: String
    let notFoundText: String
    let csrfTitle: String
    let csrfText: String
    let timesShownIn: String
    let copy: String
    let previous: String
    let next: String
    let confirm: String
}

extension CommonStrings {
    static let english = CommonStrings(
        appName: "Hikeshi", skipToContent: "Skip to content", mainNavigation: "Main", navIncidents: "Incidents", navOnCall: "On-call",
        navSupport: "Support", navDesk: "Desk", navAdmin: "Admin", navSettings: "Settings", languageMenu: "Language", signIn: "Sign in",
        signInTitle: "Sign in to Hikeshi", signInIntro: "Use the account ID, user name and password your administrator gave you.",
        signOut: "Sign out", signedInAs: "Signed in as", account: "Account ID", accountHint: "12 digits", userName: "User name",
        password: "Password", signInRefused: "The account ID, user name or password is not right.",
        signInLocked: "Too many failed sign-ins. Try again after %@.", signedOut: "You are signed out.", settings: "Settings",
        language: "Language", languageFollowBrowser: "Follow the browser", timeZone: "Time zone",
        timeZoneHint: "An IANA zone such as Asia/Tokyo or Europe/Berlin; empty follows the browser.", theme: "Theme",
        themeSystem: "Follow the device", themeLight: "Light", themeDark: "Dark", save: "Save", saved: "Saved.", cancel: "Cancel",
        changePassword: "Change password", currentPassword: "Current password", newPassword: "New password",
        passwordRules: "At least 12 characters.", passwordTooShort: "The new password must have at least 12 characters.",
        passwordTooLong: "The new password must be at most 72 bytes.", passwordWrong: "The current password is not right.",
        passwordControl: "The new password must not contain control characters.",
        passwordChanged: "Your password is changed; your other sessions are signed out.",
        mustChangePassword: "Choose your own password before you go on.", refresh: "Refresh",
        autoRefreshNote: "This page refreshes itself.", required: "required", errorsHeading: "Please correct the following",
        requestRefused: "The request was refused", serviceUnavailable: "The service cannot answer right now. Try again shortly.",
        forbiddenTitle: "Not allowed", forbiddenText: "Your role does not allow this page or action.", notFoundTitle: "Not found",
        notFoundText: "There is nothing here in your account.", csrfTitle: "Form expired",
        csrfText: "The form was not sent from this console or has expired. Go back, reload the page and try again.",
        timesShownIn: "Times are shown in %@.", copy: "Copy", previous: "Previous", next: "Next", confirm: "Are you sure?"
    )

    static let japanese = CommonStrings(
        appName: "Hikeshi", skipToContent: "本文へ移動", mainNavigation: "メイン", navIncidents: "インシデント", navOnCall: "オンコール",
        navSupport: "サポート", navDesk: "デスク", navAdmin: "管理", navSettings: "設定", languageMenu: "言語", signIn: "サインイン",
        signInTitle: "Hikeshi にサインイン", signInIntro: "管理者から受け取ったアカウント ID、ユーザー名、パスワードを入力してください。",
        signOut: "サインアウト", signedInAs: "サインイン中のユーザー", account: "アカウント ID", accountHint: "12 桁の数字", userName: "ユーザー名",
        password: "パスワード", signInRefused: "アカウント ID、ユーザー名またはパスワードが正しくありません。",
        signInLocked: "サインインの失敗が多すぎます。%@ 以降にもう一度お試しください。", signedOut: "サインアウトしました。", settings: "設定",
        language: "言語", languageFollowBrowser: "ブラウザーに合わせる", timeZone: "タイムゾーン",
        timeZoneHint: "Asia/Tokyo や Europe/Berlin などの IANA タイムゾーン。空欄ならブラウザーに合わせます。", theme: "テーマ",
        themeSystem: "デバイスに合わせる", themeLight: "ライト", themeDark: "ダーク", save: "保存", saved: "保存しました。", cancel: "キャンセル",
        changePassword: "パスワードの変更", currentPassword: "現在のパスワード", newPassword: "新しいパスワード", passwordRules: "12 文字以上。",
        passwordTooShort: "新しいパスワードは 12 文字以上にしてください。", passwordTooLong: "新しいパスワードは 72 バイト以内にしてください。",
        passwordWrong: "現在のパスワードが正しくありません。", passwordControl: "新しいパスワードに制御文字は使えません。", passwordChanged: "パスワードを変更しました。ほかのセッションはサインアウトされました。",
        mustChangePassword: "続ける前に、ご自身のパスワードを設定してください。", refresh: "更新", autoRefreshNote: "このページは自動で更新されます。",
        required: "必須", errorsHeading: "次の点を修正してください", requestRefused: "リクエストは拒否されました",
        serviceUnavailable: "現在サービスが応答できません。しばらくしてからもう一度お試しください。", forbiddenTitle: "許可されていません",
        forbiddenText: "あなたのロールでは、このページまたは操作は許可されていません。", notFoundTitle: "見つかりません",
        notFoundText: "あなたのアカウントには該当するものがありません。", csrfTitle: "フォームの有効期限切れ",
        csrfText: "このフォームはこのコンソールから送信されていないか、期限が切れています。戻ってページを再読み込みし、もう一度お試しください。",
        timesShownIn: "時刻は %@ で表示しています。", copy: "コピー", previous: "前へ", next: "次へ", confirm: "よろしいですか？"
    )

    static let korean = CommonStrings(
        appName: "Hikeshi", skipToContent: "본문으로 건너뛰기", mainNavigation: "메인", navIncidents: "인시던트", navOnCall: "온콜",
        navSupport: "지원", navDesk: "데스크", navAdmin: "관리", navSettings: "설정", languageMenu: "언어", signIn: "로그인",
        signInTitle: "Hikeshi 로그인", signInIntro: "관리자에게 받은 계정 ID, 사용자 이름, 비밀번호를 입력하세요.", signOut: "로그아웃",
        signedInAs: "로그인한 사용자", account: "계정 ID", accountHint: "12자리 숫자", userName: "사용자 이름", password: "비밀번호",
        signInRefused: "계정 ID, 사용자 이름 또는 비밀번호가 올바르지 않습니다.", signInLocked: "로그인 실패가 너무 많습니다. %@ 이후에 다시 시도하세요.",
        signedOut: "로그아웃했습니다.", settings: "설정", language: "언어", languageFollowBrowser: "브라우저 설정 따르기", timeZone: "시간대",
        timeZoneHint: "Asia/Seoul, Europe/Berlin 같은 IANA 시간대. 비워 두면 브라우저 설정을 따릅니다.", theme: "테마",
        themeSystem: "기기 설정 따르기", themeLight: "밝게", themeDark: "어둡게", save: "저장", saved: "저장했습니다.", cancel: "취소",
        changePassword: "비밀번호 변경", currentPassword: "현재 비밀번호", newPassword: "새 비밀번호", passwordRules: "12자 이상.",
        passwordTooShort: "새 비밀번호는 12자 이상이어야 합니다.", passwordTooLong: "새 비밀번호는 72바이트 이하여야 합니다.",
        passwordWrong: "현재 비밀번호가 올바르지 않습니다.", passwordControl: "새 비밀번호에는 제어 문자를 쓸 수 없습니다.", passwordChanged: "비밀번호를 변경했습니다. 다른 세션은 로그아웃되었습니다.",
        mustChangePassword: "계속하기 전에 직접 비밀번호를 정하세요.", refresh: "새로 고침", autoRefreshNote: "이 페이지는 자동으로 새로 고쳐집니다.",
        required: "필수", errorsHeading: "다음을 고쳐 주세요", requestRefused: "요청이 거부되었습니다",
        serviceUnavailable: "지금은 서비스가 응답할 수 없습니다. 잠시 후 다시 시도하세요.", forbiddenTitle: "허용되지 않음",
        forbiddenText: "사용자의 역할로는 이 페이지나 작업을 사용할 수 없습니다.", notFoundTitle: "찾을 수 없음",
        notFoundText: "사용자의 계정에는 해당하는 항목이 없습니다.", csrfTitle: "양식이 만료됨",
        csrfText: "이 양식은 이 콘솔에서 보낸 것이 아니거나 만료되었습니다. 돌아가서 페이지를 다시 불러온 뒤 다시 시도하세요.",
        timesShownIn: "시각은 %@ 기준으로 표시합니다.", copy: "복사", previous: "이전", next: "다음", confirm: "계속하시겠습니까?"
    )

    static let chinese = CommonStrings(
        appName: "Hikeshi", skipToContent: "跳到正文", mainNavigation: "主导航", navIncidents: "事件", navOnCall: "值班", navSupport: "支持",
        navDesk: "服务台", navAdmin: "管理", navSettings: "设置", languageMenu: "语言", signIn: "登录", signInTitle: "登录 Hikeshi",
        signInIntro: "请输入管理员提供的账户 ID、用户名和密码。", signOut: "退出登录", signedInAs: "当前用户", account: "账户 ID",
        accountHint: "12 位数字", userName: "用户名", password: "密码", signInRefused: "账户 ID、用户名或密码不正确。",
        signInLocked: "登录失败次数过多。请在 %@ 之后重试。", signedOut: "您已退出登录。", settings: "设置", language: "语言",
        languageFollowBrowser: "跟随浏览器", timeZone: "时区", timeZoneHint: "IANA 时区，例如 Asia/Shanghai 或 Europe/Berlin；留空则跟随浏览器。",
        theme: "主题", themeSystem: "跟随设备", themeLight: "浅色", themeDark: "深色", save: "保存", saved: "已保存。", cancel: "取消",
        changePassword: "修改密码", currentPassword: "当前密码", newPassword: "新密码", passwordRules: "至少 12 个字符。",
        passwordTooShort: "新密码至少需要 12 个字符。", passwordTooLong: "新密码不能超过 72 字节。", passwordWrong: "当前密码不正确。", passwordControl: "新密码不能包含控制字符。",
        passwordChanged: "密码已修改，您的其他会话已退出。", mustChangePassword: "继续之前，请先设置您自己的密码。", refresh: "刷新",
        autoRefreshNote: "此页面会自动刷新。", required: "必填", errorsHeading: "请更正以下内容", requestRefused: "请求被拒绝",
        serviceUnavailable: "服务暂时无法响应，请稍后重试。", forbiddenTitle: "不允许", forbiddenText: "您的角色不允许访问此页面或执行此操作。",
        notFoundTitle: "未找到", notFoundText: "您的账户中没有此内容。", csrfTitle: "表单已过期",
        csrfText: "此表单不是从本控制台提交的，或已过期。请返回、重新加载页面后重试。", timesShownIn: "时间以 %@ 显示。", copy: "复制",
        previous: "上一页", next: "下一页", confirm: "确定吗？"
    )
}
