"""The browser machinery itself, on pages made here (data: URLs and a loopback echo server), so
that a console test passing means something: the language and time-zone overrides reach the page,
axe reports a planted violation, a script error fails, screenshots cover the whole page and CJK
text has real glyphs. Needs no Hikeshi server; runs on the SQLite pass only."""

from __future__ import annotations

import http.server
import json
import struct
import threading
from typing import Iterator

import pytest
from selenium.webdriver.common.by import By

from browser import (
    assert_html_lang,
    assert_no_js_errors,
    axe_results,
    data_url,
    run_axe,
    screenshot,
    wait_for,
    wait_until_loaded,
)

CLEAN_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clean</title></head>
<body><main><h1>Clean page</h1><p>Nothing wrong here.</p>
<form><label for="name">Name</label> <input id="name" name="name"><button type="submit">Save</button></form>
</main></body></html>"""


class _EchoHandler(http.server.BaseHTTPRequestHandler):
    """Answers every GET with a page showing the request's Accept-Language and what the page's
    scripts see (navigator.language, Intl locale and time zone, local time of the epoch)."""

    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/favicon.ico":
            self.send_response(204)
            self.end_headers()
            return
        header = json.dumps(self.headers.get("Accept-Language"))
        body = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>echo</title>
<link rel="icon" href="data:,"></head><body><main><h1>echo</h1><pre id="out"></pre></main>
<script>
const o = Intl.DateTimeFormat().resolvedOptions();
document.getElementById("out").textContent = JSON.stringify({{
  header: {header}, language: navigator.language, languages: navigator.languages,
  locale: o.locale, timeZone: o.timeZone, epochHour: new Date(0).getHours(),
  dark: matchMedia("(prefers-color-scheme: dark)").matches }});
</script></body></html>"""
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.do_GET()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def echo_url() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _EchoHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def _echo(driver, url: str) -> dict:
    driver.get(url)
    wait_until_loaded(driver)
    return json.loads(driver.find_element(By.ID, "out").text)


@pytest.mark.parametrize(
    ("lang", "tz", "epoch_hour"),
    [("ja", "Asia/Tokyo", 9), ("ko", "Asia/Seoul", 9), ("zh", "Asia/Shanghai", 8), ("en", "America/New_York", 19)],
)
def test_language_and_time_zone_reach_the_page(browser, echo_url, lang, tz, epoch_hour):
    driver = browser(lang, tz=tz)
    seen = _echo(driver, echo_url)
    assert seen["header"] == lang, seen
    assert seen["language"] == lang and seen["languages"] == [lang], seen
    assert seen["locale"] == lang, seen
    assert seen["timeZone"] == tz and seen["epochHour"] == epoch_hour, seen
    assert seen["dark"] is False, seen
    # A form POST (as the sign-in form sends) carries the same header.
    driver.execute_script(
        "const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
        "f.innerHTML = '<input name=a value=1>'; document.body.appendChild(f); f.submit();",
        echo_url + "posted",
    )
    posted = json.loads(
        wait_for(driver, lambda d: d.current_url.endswith("/posted") and d.find_element(By.ID, "out").text, "the POST")
    )
    assert posted["header"] == lang, posted
    assert_no_js_errors(driver)


def test_dark_mode_is_emulated(browser, echo_url):
    assert _echo(browser("en", dark=True), echo_url)["dark"] is True


def test_data_page_sees_the_overrides(browser):
    driver = browser("ko", tz="Asia/Seoul")
    driver.get(data_url("<p id=x></p><script>x.textContent = navigator.language + ' ' + "
                        "Intl.DateTimeFormat().resolvedOptions().timeZone</script>"))
    assert driver.find_element(By.ID, "x").text == "ko Asia/Seoul"


def test_axe_passes_a_clean_page_and_reports_planted_violations(browser):
    driver = browser()
    driver.get(data_url(CLEAN_PAGE))
    result = run_axe(driver)
    assert result["testEngine"]["version"].startswith("4."), result["testEngine"]

    planted = CLEAN_PAGE.replace(
        "<p>Nothing wrong here.</p>",
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20"><input name="unlabelled">',
    )
    driver.get(data_url(planted))
    with pytest.raises(AssertionError) as failure:
        run_axe(driver)
    message = str(failure.value)
    assert "image-alt" in message and "label" in message, message
    assert "first target" in message, message
    ids = {v["id"] for v in axe_results(driver)["violations"]}
    assert {"image-alt", "label"} <= ids, ids


def test_js_errors_fail_and_a_clean_page_passes(browser, echo_url):
    driver = browser()
    driver.get(data_url(CLEAN_PAGE))
    assert_no_js_errors(driver)

    driver.get(data_url(CLEAN_PAGE.replace("</body>", "<script>undefinedFunction()</script></body>")))
    with pytest.raises(AssertionError, match="undefinedFunction"):
        assert_no_js_errors(driver)
    assert_no_js_errors(driver)  # the log was drained

    driver.get(data_url(CLEAN_PAGE.replace("</body>", "<script>console.error('planted error')</script></body>")))
    with pytest.raises(AssertionError, match="planted error"):
        assert_no_js_errors(driver)

    # A missing sub-resource (here a stylesheet) fails too, even with allow_document_status.
    driver.get(echo_url)  # its favicon is answered, so only the stylesheet can fail
    driver.execute_script(
        "const l = document.createElement('link'); l.rel = 'stylesheet';"
        "l.href = 'http://127.0.0.1:9/missing.css'; document.head.appendChild(l);"
    )
    driver.execute_script("return new Promise(r => setTimeout(r, 500))")
    with pytest.raises(AssertionError, match="missing.css"):
        assert_no_js_errors(driver, allow_document_status=True)


def test_html_lang(browser):
    driver = browser("ja")
    driver.get(data_url(CLEAN_PAGE.replace('lang="en"', 'lang="ja"')))
    assert_html_lang(driver, "ja")
    with pytest.raises(AssertionError, match="expected 'zh-Hans'"):
        assert_html_lang(driver, "zh-Hans")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_screenshot_is_full_page(browser):
    driver = browser()
    driver.get(data_url(CLEAN_PAGE.replace("<p>Nothing wrong here.</p>", '<div style="height:2400px">tall</div><p>end</p>')))
    path = screenshot(driver, "harness/full-page")
    width, height = _png_size(path.read_bytes())
    assert 1300 < width <= 1366 and height > 2400, (width, height)  # the width less a scrollbar


CJK_PAGE = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>CJK</title></head>
<body style="font-size:32px"><main><h1>火消し Hikeshi</h1>
<p lang="ja">日本語: インシデントを解決しました</p>
<p lang="ko">한국어: 인시던트가 해결되었습니다</p>
<p lang="zh-Hans">中文: 事件已解决</p>
<p lang="zh-Hant">繁體中文: 事件已解決</p></main></body></html>"""


@pytest.mark.parametrize(("lang", "first", "second"), [("ja", "日", "本"), ("ko", "한", "국"), ("zh-Hans", "中", "文")])
def test_cjk_text_has_glyphs(browser, lang, first, second):
    """Two different characters draw different pixels only when a font has them: without one
    both become the same 'tofu' box."""
    driver = browser()
    driver.get(data_url(CJK_PAGE))
    differ = driver.execute_script(
        """
        function draw(ch) {
            const c = document.createElement('canvas'); c.width = 64; c.height = 64;
            const g = c.getContext('2d'); g.font = '48px sans-serif'; g.fillText(ch, 4, 52);
            return c.toDataURL();
        }
        document.documentElement.lang = arguments[2];
        // The control: two unassigned private-use code points, which no font here draws, give
        // identical boxes; if they did not, this comparison could not tell a missing font.
        if (draw('\\uE000') !== draw('\\uE001')) return 'control differs';
        return draw(arguments[0]) !== draw(arguments[1]);
        """,
        first,
        second,
        lang,
    )
    assert differ != "control differs", "private-use characters drew differently: the glyph check is void"
    assert differ is True, f"{first} and {second} render identically: no {lang} font (apt-get install fonts-noto-cjk)"
    screenshot(driver, "harness/cjk")
