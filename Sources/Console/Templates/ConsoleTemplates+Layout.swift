extension ConsoleTemplates {
    /// The page layout, sign-in, settings and error pages.
    static let layout: [String: String] = [
        "layout": """
        <!doctype html>
        <html lang="{{chrome.htmlLang}}" data-theme="{{chrome.theme}}" data-cancel="{{t.common.cancel}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{chrome.title}} · {{t.common.appName}}</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="{{chrome.cssPath}}">
        <script src="{{chrome.jsPath}}" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">{{t.common.skipToContent}}</a>
        <header class="top">
        <a class="brand" href="/console/">{{t.common.appName}} <span lang="ja">火消し</span></a>
        {{#chrome.signedIn}}
        <nav aria-label="{{t.common.mainNavigation}}"><ul>
        {{#chrome.nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/chrome.nav}}
        </ul></nav>
        <div class="who"><span>{{t.common.signedInAs}} <strong data-testid="signed-in-user">{{chrome.userName}}</strong> · {{chrome.roleLabel}} · <code>{{chrome.accountID}}</code></span>
        <form method="post" action="/console/signout"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><button type="submit" class="link">{{t.common.signOut}}</button></form></div>
        {{/chrome.signedIn}}
        <form class="languages" method="post" action="/console/language" aria-label="{{t.common.languageMenu}}">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}"><input type="hidden" name="back" value="{{chrome.path}}">
        {{#chrome.languages}}<button type="submit" name="lang" value="{{code}}" lang="{{htmlLang}}"{{#current}} aria-pressed="true"{{/current}}{{^current}} aria-pressed="false"{{/current}}>{{name}}</button>{{/chrome.languages}}
        </form>
        </header>
        <main id="main" tabindex="-1">
        {{#chrome.notice}}<p class="notice" role="status">{{chrome.notice}}</p>{{/chrome.notice}}
        {{$body}}{{/body}}
        </main>
        <footer><p>{{chrome.zoneNote}}</p></footer>
        </body>
        </html>
        """,
        "errors": """
        {{^empty(m.errors)}}<div class="errors" role="alert" tabindex="-1"><h2>{{t.common.errorsHeading}}</h2><ul>{{#m.errors}}<li>{{.}}</li>{{/m.errors}}</ul></div>{{/empty(m.errors)}}
        """,
        "signin": """
        {{<layout}}{{$body}}
        <section class="narrow">
        <h1>{{t.common.signInTitle}}</h1>
        <p>{{t.common.signInIntro}}</p>
        {{#m.refusal}}<p class="errors" role="alert">{{m.refusal}}</p>{{/m.refusal}}
        <form method="post" action="/console/signin" id="signin" class="stack">
        <input type="hidden" name="_csrf" value="{{m.csrf}}">
        <input type="hidden" name="next" value="{{m.next}}">
        <label for="account">{{t.common.account}} <span class="hint">({{t.common.accountHint}})</span></label>
        <input id="account" name="account" inputmode="numeric" autocomplete="organization" required value="{{m.account}}">
        <label for="username">{{t.common.userName}}</label>
        <input id="username" name="username" autocomplete="username" required value="{{m.userName}}">
        <label for="password">{{t.common.password}}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit" data-testid="signin-submit">{{t.common.signIn}}</button>
        </form>
        </section>
        {{/body}}{{/layout}}
        """,
        "settings": """
        {{<layout}}{{$body}}
        <h1>{{t.common.settings}}</h1>
        {{>errors}}
        {{#m.mustChange}}<p class="notice" role="status">{{t.common.mustChangePassword}}</p>{{/m.mustChange}}
        <form method="post" action="/console/settings" class="stack" data-testid="settings-form">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <label for="language">{{t.common.language}}</label>
        <select id="language" name="language">
        {{#m.languages}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/m.languages}}
        </select>
        <label for="timezone">{{t.common.timeZone}}</label>
        <input id="timezone" name="timezone" value="{{m.timeZone}}" aria-describedby="timezone-hint" list="zones">
        <p class="hint" id="timezone-hint">{{t.common.timeZoneHint}}</p>
        <datalist id="zones">{{#m.zones}}<option value="{{.}}">{{/m.zones}}</datalist>
        <fieldset><legend>{{t.common.theme}}</legend>
        {{#m.themes}}<label class="inline"><input type="radio" name="theme" value="{{value}}"{{#selected}} checked{{/selected}}> {{label}}</label>{{/m.themes}}
        </fieldset>
        <button type="submit">{{t.common.save}}</button>
        </form>
        <h2 id="password-heading">{{t.common.changePassword}}</h2>
        <form method="post" action="/console/settings/password" class="stack" aria-labelledby="password-heading">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <input type="text" name="username" autocomplete="username" value="{{chrome.userName}}" hidden>
        <label for="current">{{t.common.currentPassword}}</label>
        <input id="current" name="current" type="password" autocomplete="current-password" required>
        <label for="new">{{t.common.newPassword}} <span class="hint">{{t.common.passwordRules}}</span></label>
        <input id="new" name="new" type="password" autocomplete="new-password" minlength="12" required>
        <button type="submit">{{t.common.changePassword}}</button>
        </form>
        {{/body}}{{/layout}}
        """,
        "problem": """
        {{<layout}}{{$body}}
        <h1>{{m.heading}}</h1>
        <p role="alert">{{m.text}}</p>
        {{#m.code}}<p><code>{{m.code}}</code></p>{{/m.code}}
        <p><a href="/console/">{{t.common.navIncidents}}</a></p>
        {{/body}}{{/layout}}
        """,
    ]
}
