extension ConsoleTemplates {
    /// The desk: queue (and its refreshed rows), a case, plans and calendars (a case's escalations are in
    /// ``upstream``).
    static let desk: [String: String] = [
        "desk-due": """
        <span class="due due-{{dueClass}}">{{dueLabel}}</span>{{#due}}<br>{{>time}}{{/due}}
        """,
        "desk-queue-rows": """
        <p class="hint" data-testid="queue-showing">{{m.showing}} {{m.range}}</p>
        {{^empty(m.rows)}}
        <table class="list" data-testid="queue">
        <caption class="sr-only">{{t.desk.queueHint}}</caption>
        <thead><tr><th scope="col">{{t.desk.caseID}}</th><th scope="col">{{t.desk.due}}</th><th scope="col">{{t.desk.severity}}</th><th scope="col">{{t.desk.account}}</th><th scope="col">{{t.desk.plan}}</th><th scope="col">{{t.desk.language}}</th><th scope="col">{{t.desk.service}}</th><th scope="col">{{t.desk.assignee}}</th></tr></thead>
        <tbody>{{#m.rows}}<tr class="due-row-{{dueClass}}"><td><a href="{{href}}"><code>{{displayID}}</code> <span lang="{{lang}}">{{subject}}</span></a></td>
        <td data-testid="queue-due">{{>desk-due}}</td><td>{{severityLabel}}</td><td><code>{{accountID}}</code></td><td>{{plan}}</td><td>{{languageName}}</td>
        <td>{{service}}<br><span class="hint">{{specialty}}</span></td><td>{{assignee}}</td></tr>{{/m.rows}}</tbody>
        </table>
        <p class="pager">{{#m.previousHref}}<a href="{{m.previousHref}}" rel="prev">{{t.common.previous}}</a> {{/m.previousHref}}{{#m.nextHref}}<a href="{{m.nextHref}}" rel="next">{{t.common.next}}</a>{{/m.nextHref}}</p>
        {{/empty(m.rows)}}
        {{#empty(m.rows)}}<p class="empty">{{t.desk.noCases}}</p>{{/empty(m.rows)}}
        """,
        "desk-queue": """
        {{<layout}}{{$body}}
        <div class="title-bar"><h1>{{t.desk.queue}}</h1>
        <a class="button secondary" href="{{m.selfHref}}">{{t.common.refresh}}</a> <a href="/console/desk/plans">{{t.desk.plans}}</a> <a href="/console/desk/upstream">{{t.desk.upstreamProviders}}</a></div>
        <p class="hint">{{t.desk.queueHint}} {{t.common.autoRefreshNote}}</p>
        <form method="get" action="/console/desk/queue" class="filters" aria-label="{{t.desk.filters}}">
        <label for="f-language">{{t.desk.language}}</label> <select id="f-language" name="language">{{#m.languages}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/m.languages}}</select>
        <label for="f-specialty">{{t.desk.specialty}}</label> <select id="f-specialty" name="specialty">{{#m.specialties}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/m.specialties}}</select>
        <label for="f-service">{{t.desk.service}}</label> <select id="f-service" name="service">{{#m.services}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/m.services}}</select>
        <button type="submit" class="secondary">{{t.desk.applyFilters}}</button>
        </form>
        <div data-refresh="{{m.fragmentHref}}" data-refresh-seconds="30" aria-live="off">
        {{>desk-queue-rows}}
        </div>
        {{/body}}{{/layout}}
        """,
        "desk-case": """
        {{<layout}}{{$body}}
        <div class="title-bar"><h1><code>{{m.displayID}}</code> <span lang="{{m.lang}}">{{m.subject}}</span></h1>
        {{#m.canAssign}}<form method="post" action="{{m.base}}/assign"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><button type="submit" data-testid="assign">{{t.desk.assignToMe}}</button></form>{{/m.canAssign}}
        </div>
        {{>errors}}
        {{#m.agentMissing}}<p class="notice" role="status">{{t.desk.noAgentID}}</p>{{/m.agentMissing}}
        <div class="cards">
        <section class="card" aria-labelledby="facts-heading"><h2 id="facts-heading" class="sr-only">{{t.desk.status}}</h2>
        <dl class="facts">
        <dt>{{t.desk.status}}</dt><dd><span class="status status-{{m.statusClass}}" title="{{m.statusRaw}}">{{m.statusLabel}}</span></dd>
        <dt>{{t.desk.due}}</dt><dd data-testid="case-due">{{#m}}{{>desk-due}}{{/m}}</dd>
        <dt>{{t.desk.severity}}</dt><dd>{{m.severityLabel}}</dd>
        <dt>{{t.desk.account}}</dt><dd><code>{{m.accountID}}</code></dd>
        <dt>{{t.desk.plan}}</dt><dd>{{m.plan}}</dd>
        <dt>{{t.desk.service}}</dt><dd>{{m.service}}</dd>
        <dt>{{t.desk.language}}</dt><dd>{{m.languageName}}</dd>
        <dt>{{t.desk.assignee}}</dt><dd>{{m.assignee}}</dd>
        </dl></section>
        <section class="card" aria-labelledby="similar-heading"><h2 id="similar-heading">{{t.desk.similar}}</h2>
        <form method="get" action="{{m.base}}" role="search"><label for="q">{{t.desk.searchLabel}}</label> <input id="q" name="q" value="{{m.query}}"> <button type="submit" class="secondary">{{t.desk.search}}</button></form>
        {{^empty(m.similar)}}<ul data-testid="similar">{{#m.similar}}<li><a href="{{href}}"><code>{{displayID}}</code> <span lang="{{lang}}">{{subject}}</span></a><p class="prose hint" lang="{{lang}}">{{note}}</p></li>{{/m.similar}}</ul>{{/empty(m.similar)}}
        {{#empty(m.similar)}}<p class="empty">{{t.desk.noSimilar}}</p>{{/empty(m.similar)}}
        </section>
        </div>
        <section aria-labelledby="coach-heading"><h2 id="coach-heading">{{t.desk.coachFindings}}</h2>
        {{^empty(m.coach)}}<ul class="coach">{{#m.coach}}<li><strong>{{kindLabel}}:</strong> {{message}}{{#detail}} <span class="hint">({{detail}})</span>{{/detail}}{{#evidence}} <span class="evidence">{{evidence}}</span>{{/evidence}}</li>{{/m.coach}}</ul>{{/empty(m.coach)}}
        {{#empty(m.coach)}}<p class="empty">{{t.desk.noCoach}}</p>{{/empty(m.coach)}}
        </section>
        <section aria-labelledby="thread-heading"><h2 id="thread-heading">{{t.desk.thread}} ({{count(m.messages)}})</h2>
        {{^empty(m.messages)}}<ol class="notes" data-testid="desk-thread">{{#m.messages}}<li><p class="meta">{{authorKind}} · {{author}} · {{#time}}{{>time}}{{/time}}</p><p class="prose" lang="{{m.lang}}">{{body}}</p></li>{{/m.messages}}</ol>{{/empty(m.messages)}}
        {{#empty(m.messages)}}<p class="empty">{{t.desk.noMessages}}</p>{{/empty(m.messages)}}
        </section>
        {{>desk-escalations}}
        {{#m.canAct}}
        <section aria-labelledby="reply-heading"><h2 id="reply-heading">{{t.desk.reply}}</h2>
        <form method="post" action="{{m.base}}/reply" class="stack" data-testid="desk-reply">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <label for="reply-body">{{t.desk.replyText}}</label>
        <textarea id="reply-body" name="body" rows="6" maxlength="8000" required lang="{{m.lang}}"></textarea>
        <label class="inline"><input type="checkbox" name="requestInformation" value="yes"> {{t.desk.requestInformation}}</label>
        <button type="submit">{{t.desk.sendReply}}</button>
        </form></section>
        <details class="edit"><summary>{{t.desk.resolveTitle}}</summary>
        <form method="post" action="{{m.base}}/resolve" class="stack" data-confirm="{{t.desk.resolveConfirm}}">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <label for="note">{{t.desk.resolutionNote}}</label>
        <textarea id="note" name="note" rows="4" maxlength="8000" required lang="{{m.lang}}"></textarea>
        <button type="submit" class="danger">{{t.desk.resolve}}</button>
        </form></details>
        {{/m.canAct}}
        {{/body}}{{/layout}}
        """,
        "desk-plans": """
        {{<layout}}{{$body}}
        <h1>{{t.desk.plans}}</h1>
        {{>errors}}
        <h2>{{t.desk.planDefinitions}}</h2>
        <table class="list" data-testid="plans">
        <thead><tr><th scope="col">{{t.desk.plan}}</th><th scope="col">{{t.desk.hours}}</th><th scope="col">{{t.desk.technicalCases}}</th><th scope="col">{{t.desk.channels}}</th><th scope="col">{{t.desk.targets}}</th></tr></thead>
        <tbody>{{#m.plans}}<tr><td>{{name}}</td><td>{{hours}}</td><td>{{technical}}</td><td>{{channels}}</td><td><dl>{{#targets}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/targets}}</dl></td></tr>{{/m.plans}}</tbody>
        </table>
        <h2>{{t.desk.calendars}}</h2>
        {{#m.calendars}}<section class="card" aria-labelledby="cal-{{code}}"><h3 id="cal-{{code}}">{{language}}</h3>
        <dl class="facts"><dt>{{t.desk.timeZone}}</dt><dd>{{zone}}</dd><dt>{{t.desk.weeklyHours}}</dt><dd>{{#hours}}{{.}}<br>{{/hours}}</dd><dt>{{t.desk.holidayCountry}}</dt><dd>{{country}}</dd></dl>
        <h4>{{t.desk.companyHolidays}}</h4>
        {{^empty(holidays)}}<ul>{{#holidays}}<li>{{date}} {{name}}{{#m.canEdit}} <form method="post" action="/console/desk/plans/holidays" class="inline" data-confirm="{{t.desk.removeConfirm}}"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><input type="hidden" name="language" value="{{code}}"><input type="hidden" name="date" value="{{date}}"><input type="hidden" name="remove" value="yes"><button type="submit" class="link">{{t.desk.remove}}</button></form>{{/m.canEdit}}</li>{{/holidays}}</ul>{{/empty(holidays)}}
        {{#empty(holidays)}}<p class="empty">{{t.desk.noHolidays}}</p>{{/empty(holidays)}}
        {{#m.canEdit}}<form method="post" action="/console/desk/plans/holidays" class="stack">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}"><input type="hidden" name="language" value="{{code}}">
        <label for="date-{{code}}">{{t.desk.date}}</label><input id="date-{{code}}" name="date" type="date" required>
        <label for="name-{{code}}">{{t.desk.holidayName}}</label><input id="name-{{code}}" name="name" maxlength="100" required>
        <button type="submit">{{t.desk.addHoliday}}</button></form>{{/m.canEdit}}
        </section>{{/m.calendars}}
        {{/body}}{{/layout}}
        """,
    ]
}
