extension ConsoleAssets {
    /// The console's only script: progressive enhancement for pages that already work without it.
    ///
    /// - `data-refresh` regions re-fetch their fragment every `data-refresh-seconds` while the tab is visible and
    ///   nobody is typing in them, and swap it in without moving focus.
    /// - `data-confirm` forms ask in a native `<dialog>` before they are sent.
    /// - the browser's time zone goes into the `hikeshi_tz` cookie, so times follow it until the user chooses one.
    /// - `data-live-form` forms post themselves (debounced, never during IME composition) and put the answer into their
    ///   `aria-live` target.
    static let script = #"""
        (function () {
          "use strict";
          try {
            var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
            if (zone && document.cookie.indexOf("hikeshi_tz=" + encodeURIComponent(zone)) < 0) {
              document.cookie = "hikeshi_tz=" + encodeURIComponent(zone) + "; path=/console; SameSite=Lax; max-age=31536000";
            }
          } catch (e) {}
          function busy(region) {
            var active = document.activeElement;
            return active && region.contains(active) && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName);
          }
          document.querySelectorAll("[data-refresh]").forEach(function (region) {
            var seconds = Math.max(5, parseInt(region.getAttribute("data-refresh-seconds") || "30", 10));
            var etag = null;
            setInterval(function () {
              if (document.hidden || busy(region)) { return; }
              var headers = { "X-Requested-With": "console" };
              if (etag) { headers["If-None-Match"] = etag; }
              fetch(region.getAttribute("data-refresh"), { credentials: "same-origin", headers: headers }).then(function (response) {
                if (response.status !== 200) { return null; }
                etag = response.headers.get("ETag");
                return response.text();
              }).then(function (html) {
                if (html !== null && html !== undefined && !busy(region)) { region.innerHTML = html; }
              }).catch(function () {});
            }, seconds * 1000);
          });
          document.querySelectorAll("form[data-confirm]").forEach(function (form) {
            form.addEventListener("submit", function (event) {
              if (form.dataset.confirmed === "yes") { return; }
              event.preventDefault();
              var dialog = document.createElement("dialog");
              var text = document.createElement("p");
              text.textContent = form.getAttribute("data-confirm");
              var ok = document.createElement("button");
              ok.type = "button";
              var submit = form.querySelector("button[type=submit]");
              ok.textContent = submit ? submit.textContent : "OK";
              var cancel = document.createElement("button");
              cancel.type = "button";
              cancel.className = "link";
              cancel.textContent = document.documentElement.getAttribute("data-cancel") || "Cancel";
              dialog.append(text, ok, document.createTextNode(" "), cancel);
              document.body.appendChild(dialog);
              ok.addEventListener("click", function () { form.dataset.confirmed = "yes"; dialog.close(); form.requestSubmit(); });
              cancel.addEventListener("click", function () { dialog.close(); });
              dialog.addEventListener("close", function () { dialog.remove(); });
              dialog.showModal();
              ok.focus();
            });
          });
          document.querySelectorAll("form[data-live-form]").forEach(function (form) {
            var target = document.getElementById(form.getAttribute("data-live-form"));
            var timer = null;
            var composing = false;
            function send() {
              var body = new URLSearchParams(new FormData(form));
              fetch(form.getAttribute("data-live-action"), { method: "POST", credentials: "same-origin", body: body,
                headers: { "X-Requested-With": "console" } }).then(function (response) {
                return response.status === 200 ? response.text() : null;
              }).then(function (html) { if (html !== null && target) { target.innerHTML = html; } }).catch(function () {});
            }
            form.addEventListener("compositionstart", function () { composing = true; });
            form.addEventListener("compositionend", function () { composing = false; clearTimeout(timer); timer = setTimeout(send, 600); });
            form.addEventListener("input", function (event) {
              if (composing || event.isComposing) { return; }
              clearTimeout(timer);
              timer = setTimeout(send, 600);
            });
          });
        })();
        """#
}
