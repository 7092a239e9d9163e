"""Writes the mail gate's test messages (Fixtures/*.eml) with Python's email package, and what each must read as
(Fixtures/expected.json). Run from this folder: python3 make_fixtures.py"""

import base64
import json
from email.charset import BASE64, QP
from email.message import EmailMessage
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr
from pathlib import Path

OUT = Path(__file__).parent / "Fixtures"
expected = {}


def write(name, message, **facts):
    data = message.as_bytes()
    raw = getattr(message, "raw_subject", None)
    if raw is not None:
        data = data.replace(b"Subject: RAW-SUBJECT", b"Subject: " + raw.encode())
    (OUT / f"{name}.eml").write_bytes(data)
    expected[name] = facts


def text_message(body, charset, subject, sender, encoding=None):
    """A text/plain message whose body and subject are in `charset` itself, under its common MIME name (Python's own
    Charset would send Shift_JIS as ISO-2022-JP and name GB2312 `eucgb2312_cn`)."""
    message = EmailMessage()
    cte = {None: "base64", BASE64: "base64", QP: "quoted-printable"}[encoding] if charset != "iso-2022-jp" else "7bit"
    message.set_content(body.encode(charset), "text", "plain", cte=cte)
    message.set_param("charset", charset)
    # The subject goes in as written: EmailMessage would re-encode an encoded word in UTF-8 (see write()).
    message["Subject"] = "RAW-SUBJECT"
    message.raw_subject = "=?%s?B?%s?=" % (charset.upper(), base64.b64encode(subject.encode(charset)).decode())
    message["From"] = formataddr((str(Header(sender[0], charset)), sender[1]))
    message["To"] = "support@desk.example.net"
    message["Message-ID"] = f"<{charset}-1@mail.example.jp>"
    return message


JA = "EC2 インスタンス i-0abc1234def567890 が 10:15 JST から応答しません。\n至急確認をお願いします。"
write("iso-2022-jp", text_message(JA, "iso-2022-jp", "【至急】本番サーバーが応答しない", ("山田 太郎", "Taro.Yamada@Example.co.jp")),
      subject="【至急】本番サーバーが応答しない", sender="taro.yamada@example.co.jp", text=JA, automatic=False)
write("shift_jis", text_message(JA, "shift_jis", "請求書の宛名変更について", ("佐藤 花子", "hanako@example.co.jp"), BASE64),
      subject="請求書の宛名変更について", sender="hanako@example.co.jp", text=JA, automatic=False)
KO = "서울 리전의 RDS prod-db-01 에 오전 10시 15분부터 접속이 안 됩니다.\n확인 부탁드립니다."
write("euc-kr", text_message(KO, "euc-kr", "RDS 접속 불가 문의", ("김민수", "minsu@example.co.kr")),
      subject="RDS 접속 불가 문의", sender="minsu@example.co.kr", text=KO, automatic=False)
ZH = "我们在新加坡区域的实例从上午10点15分开始无法连接，请帮忙确认。"
write("gb2312", text_message(ZH, "gb2312", "实例无法连接", ("王伟", "wangwei@example.cn")),
      subject="实例无法连接", sender="wangwei@example.cn", text=ZH, automatic=False)
ZH_GBK = "我們的帳號（GBK 擴充字：鎔）無法登入，請協助確認。"
write("gbk", text_message(ZH_GBK, "gbk", "帳號無法登入", ("陳小明", "chen@example.cn"), QP),
      subject="帳號無法登入", sender="chen@example.cn", text=ZH_GBK, automatic=False)

reply = MIMEMultipart("mixed")
reply["Subject"] = Header("Re: [Case 17123456781] EC2 が停止しました", "utf-8")
reply["From"] = "Ops Team <ops@example.com>"
reply["To"] = "support@desk.example.net"
reply["Message-ID"] = "<reply-2@example.com>"
reply["In-Reply-To"] = "<case-17123456781@desk.example.net>"
reply["References"] = "<case-17123456781@desk.example.net> <older@desk.example.net>"
alternative = MIMEMultipart("alternative")
REPLY = "ログを添付します。\n— Ops"
alternative.attach(MIMEText(REPLY, "plain", "utf-8"))
alternative.attach(MIMEText("<p>ログを<b>添付</b>します。</p>", "html", "utf-8"))
reply.attach(alternative)
log = MIMEApplication(b"%PDF-1.4 fake\n", "pdf")
log.add_header("Content-Disposition", "attachment", filename=("utf-8", "", "システムログ.pdf"))
reply.attach(log)
write("reply-with-attachment", reply, subject="Re: [Case 17123456781] EC2 が停止しました", sender="ops@example.com", text=REPLY,
      automatic=False, references=["case-17123456781@desk.example.net", "older@desk.example.net"],
      attachments=[["システムログ.pdf", "application/pdf", len(b"%PDF-1.4 fake\n")]])

html = MIMEText("<html><body><p>Hello &amp; thanks,</p><p>the ALB returns 502.<br>Why?</p></body></html>", "html", "utf-8")
html["Subject"] = "HTML only"
html["From"] = "dev@example.org"
write("html-only", html, subject="HTML only", sender="dev@example.org", text="Hello & thanks,\n\nthe ALB returns 502.\nWhy?", automatic=False)

auto = MIMEText("I am out of the office until Monday.", "plain", "utf-8")
auto["Subject"] = "Out of office: Re: [Case 17123456781]"
auto["From"] = "taro@example.co.jp"
auto["Auto-Submitted"] = "auto-replied"
write("auto-reply", auto, subject="Out of office: Re: [Case 17123456781]", sender="taro@example.co.jp",
      text="I am out of the office until Monday.", automatic=True)

bounce = MIMEMultipart("report", report_type="delivery-status")
bounce["Subject"] = "Undelivered Mail Returned to Sender"
bounce["From"] = "MAILER-DAEMON@mx.example.net (Mail Delivery System)"
bounce["Return-Path"] = "<>"
bounce.attach(MIMEText("This is the mail system. I'm sorry to have to inform you...", "plain", "us-ascii"))
write("bounce", bounce, subject="Undelivered Mail Returned to Sender", sender="mailer-daemon@mx.example.net",
      text="This is the mail system. I'm sorry to have to inform you...", automatic=True)

bulk = MIMEText("Newsletter", "plain", "utf-8")
bulk["Subject"] = "News"
bulk["From"] = "news@example.com"
bulk["Precedence"] = "bulk"
write("bulk", bulk, subject="News", sender="news@example.com", text="Newsletter", automatic=True)

(OUT / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n")
