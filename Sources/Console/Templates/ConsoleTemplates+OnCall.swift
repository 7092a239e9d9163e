extension ConsoleTemplates {
    /// The on-call pages and their partials.
    static let oncall: [String: String] = [
        "oncall-people": """
        {{^empty(people)}}<ul class="inline-list">{{#people}}<li><a href="{{href}}">{{label}}</a></li>{{/people}}</ul>{{/empty(people)}}{{#empty(people)}}<strong>{{t.oncall.nobodyOnCall}}</strong>{{/empty(people)}}
        """,
        "oncall-shift-table": """
        <table class="list">
        <thead><tr><th scope="col">{{t.oncall.rotation}}</th><th scope="col">{{t.oncall.shiftStart}}</th><th scope="col">{{t.oncall.shiftEnd}}</th><th scope="col">{{t.oncall.onCall}}</th><th scope="col">{{t.oncall.shiftType}}</th></tr></thead>
        <tbody>{{#shifts}}<tr><td><a href="{{rotation.href}}">{{rotation.label}}</a></td><td>{{#start}}{{>time}}{{/start}}</td><td>{{#end}}{{>time}}{{/end}}</td><td>{{contacts}}</td><td><span title="{{typeRaw}}"{{#isOverride}} class="tag override"{{/isOverride}}>{{typeLabel}}</span></td></tr>{{/shifts}}</tbody>
        </table>
        """,
        "oncall-day-entries": """
        {{^empty(entries)}}<ul class="entries">{{#entries}}<li{{#isOverride}} class="override"{{/isOverride}}>{{text}}{{#isOverride}} <span class="tag">{{t.oncall.overrideTag}}</span>{{/isOverride}}</li>{{/entries}}</ul>{{/empty(entries)}}{{#empty(entries)}}<p class="empty">{{t.oncall.noShifts}}</p>{{/empty(entries)}}
        """,
        "oncall-now-rows": """
        <p class="hint">{{t.oncall.asOf}} {{#m.asOf}}{{>time}}{{/m.asOf}} · {{t.oncall.overridesApplied}}</p>
        <h2 id="rotations-heading">{{t.oncall.rotations}} <span class="count">({{count(m.rotations)}})</span></h2>
        {{^empty(m.rotations)}}
        <table class="list" aria-labelledby="rotations-heading" data-testid="oncall-rotations">
        <thead><tr><th scope="col">{{t.oncall.rotation}}</th><th scope="col">{{t.oncall.onCallNow}}</th><th scope="col">{{t.oncall.until}}</th><th scope="col">{{t.oncall.timeZone}}</th></tr></thead>
        <tbody>{{#m.rotations}}<tr><td><a href="{{rotation.href}}">{{rotation.label}}</a></td>
        <td>{{>oncall-people}}{{#isOverride}} <span class="tag override">{{t.oncall.overrideTag}}</span>{{/isOverride}}</td>
        <td>{{#until}}{{>time}}{{/until}}</td><td>{{zone}}</td></tr>{{/m.rotations}}</tbody>
        </table>
        {{/empty(m.rotations)}}
        {{#empty(m.rotations)}}<p class="empty">{{t.oncall.noRotations}}</p>{{/empty(m.rotations)}}
        <h2 id="schedules-heading">{{t.oncall.schedules}} <span class="count">({{count(m.schedules)}})</span></h2>
        {{^empty(m.schedules)}}
        <table class="list" aria-labelledby="schedules-heading" data-testid="oncall-schedules">
        <thead><tr><th scope="col">{{t.oncall.schedule}}</th><th scope="col">{{t.oncall.onCallNow}}</th><th scope="col">{{t.oncall.rotations}}</th></tr></thead>
        <tbody>{{#m.schedules}}<tr><td><a href="{{schedule.href}}">{{schedule.label}}</a></td><td>{{>oncall-people}}</td>
        <td><ul class="inline-list">{{#rotations}}<li><a href="{{href}}">{{label}}</a></li>{{/rotations}}</ul></td></tr>{{/m.schedules}}</tbody>
        </table>
        {{/empty(m.schedules)}}
        {{#empty(m.schedules)}}<p class="empty">{{t.oncall.noSchedules}}</p>{{/empty(m.schedules)}}
        <h2 id="plans-heading">{{t.oncall.escalationPlans}} <span class="count">({{count(m.plans)}})</span></h2>
        {{^empty(m.plans)}}
        <table class="list" aria-labelledby="plans-heading" data-testid="oncall-plans">
        <thead><tr><th scope="col">{{t.oncall.escalationPlan}}</th><th scope="col">{{t.oncall.firstStage}}</th><th scope="col">{{t.oncall.stageDuration}}</th><th scope="col">{{t.oncall.stages}}</th></tr></thead>
        <tbody>{{#m.plans}}<tr><td><a href="{{plan.href}}">{{plan.label}}</a></td>
        <td>{{^empty(targets)}}<ul class="inline-list">{{#targets}}<li><a href="{{href}}">{{label}}</a></li>{{/targets}}</ul>{{/empty(targets)}}{{#empty(targets)}}{{t.oncall.noTargets}}{{/empty(targets)}}</td>
        <td>{{minutes}}</td><td>{{stages}}</td></tr>{{/m.plans}}</tbody>
        </table>
        {{/empty(m.plans)}}
        {{#empty(m.plans)}}<p class="empty">{{t.oncall.noPlans}}</p>{{/empty(m.plans)}}
        """,
        "oncall-now": """
        {{<layout}}{{$body}}
        <div class="title-bar"><h1>{{t.oncall.whoIsOnCall}}</h1>
        <a class="button secondary" href="/console/oncall/me">{{t.oncall.myOnCall}}</a>
        <a class="button secondary" href="/console/oncall">{{t.common.refresh}}</a></div>
        <p class="hint">{{t.common.autoRefreshNote}}</p>
        <div data-refresh="/console/oncall/fragment" data-refresh-seconds="30" aria-live="polite">
        {{>oncall-now-rows}}
        </div>
        {{/body}}{{/layout}}
        """,
        "oncall-rotation": """
        {{<layout}}{{$body}}
        <p><a href="/console/oncall">{{t.oncall.whoIsOnCall}}</a></p>
        <h1><span class="sr-only">{{t.oncall.rotation}}: </span>{{m.name}}</h1>
        <p class="arn"><code>{{m.arn}}</code></p>
        <p class="notice" data-testid="rotation-zone">{{m.zoneNote}}</p>
        {{>errors}}
        <dl class="facts">
        <dt>{{t.oncall.timeZone}}</dt><dd>{{m.zoneName}}</dd>
        <dt>{{t.oncall.rotationStart}}</dt><dd>{{#m.started}}{{>time}}{{/m.started}}</dd>
        <dt>{{t.oncall.recurrence}}</dt><dd>{{m.recurrence}}</dd>
        <dt>{{t.oncall.onCallPerShift}}</dt><dd>{{m.onCallPerShift}}</dd>
        <dt>{{t.oncall.coverage}}</dt><dd>{{m.coverage}}</dd>
        <dt>{{t.oncall.members}}</dt><dd><ol class="inline-list">{{#m.members}}<li><a href="{{href}}">{{label}}</a></li>{{/m.members}}</ol></dd>
        </dl>
        <section aria-labelledby="warnings-heading">
        <h2 id="warnings-heading">{{t.oncall.quality}}</h2>
        <h3>{{t.oncall.coverageGaps}}</h3>
        {{^empty(m.gaps)}}<ul class="warnings" data-testid="coverage-gaps">{{#m.gaps}}<li><strong>{{t.oncall.gapTag}}</strong> {{.}}</li>{{/m.gaps}}</ul>{{/empty(m.gaps)}}
        {{#empty(m.gaps)}}<p>{{t.oncall.noGaps}}</p>{{/empty(m.gaps)}}
        <h3 id="load-heading">{{t.oncall.load}}</h3>
        <p class="hint">{{m.balanceNote}}</p>
        {{^empty(m.loads)}}
        <table class="list" aria-labelledby="load-heading" data-testid="load">
        <thead><tr><th scope="col">{{t.oncall.member}}</th><th scope="col">{{t.oncall.hours}}</th><th scope="col">{{t.oncall.versusAverage}}</th><th scope="col">{{t.oncall.verdict}}</th></tr></thead>
        <tbody>{{#m.loads}}<tr><td>{{name}}</td><td>{{hours}}</td><td>{{deviation}}</td><td>{{#flagged}}<strong>{{verdict}}</strong>{{/flagged}}{{^flagged}}{{verdict}}{{/flagged}}</td></tr>{{/m.loads}}</tbody>
        </table>
        {{/empty(m.loads)}}
        </section>
        <section aria-labelledby="week-heading">
        <h2 id="week-heading">{{t.oncall.nextSevenDays}}</h2>
        <ol class="week" data-testid="week">{{#m.week}}<li><h3><time datetime="{{machine}}">{{label}}</time>{{#isToday}} <span class="tag">{{t.oncall.today}}</span>{{/isToday}}</h3>{{>oncall-day-entries}}</li>{{/m.week}}</ol>
        </section>
        <section aria-labelledby="month-heading">
        <h2 id="month-heading">{{m.monthLabel}}</h2>
        <p class="filters"><a href="{{m.prevHref}}" rel="prev">{{t.oncall.previousMonth}}</a> · <a href="{{m.base}}">{{t.oncall.thisMonth}}</a> · <a href="{{m.nextHref}}" rel="next">{{t.oncall.nextMonth}}</a></p>
        <div class="month-grid">
        <table class="month" aria-labelledby="month-heading" data-testid="month-grid">
        <thead><tr>{{#m.weekdays}}<th scope="col">{{.}}</th>{{/m.weekdays}}</tr></thead>
        <tbody>{{#m.weeks}}<tr>{{#days}}<td class="{{^inMonth}}other-month{{/inMonth}}{{#isToday}} today{{/isToday}}"><span class="day"><time datetime="{{machine}}">{{label}}</time>{{#isToday}} <span class="sr-only">({{t.oncall.today}})</span>{{/isToday}}</span>{{>oncall-day-entries}}</td>{{/days}}</tr>{{/m.weeks}}</tbody>
        </table>
        </div>
        <h3>{{t.oncall.shiftList}} ({{count(m.shifts)}})</h3>
        <div class="shift-list" data-testid="shift-list">{{#m}}{{>oncall-shift-table}}{{/m}}</div>
        </section>
        <section aria-labelledby="overrides-heading">
        <h2 id="overrides-heading">{{t.oncall.overrides}} <span class="count">({{count(m.overrides)}})</span></h2>
        <p class="hint">{{t.oncall.overrideHint}}</p>
        {{^empty(m.overrides)}}
        <table class="list" aria-labelledby="overrides-heading" data-testid="overrides">
        <thead><tr><th scope="col">{{t.oncall.onCall}}</th><th scope="col">{{t.oncall.shiftStart}}</th><th scope="col">{{t.oncall.shiftEnd}}</th><th scope="col">{{t.oncall.created}}</th>{{#m.canEdit}}<th scope="col"><span class="sr-only">{{t.oncall.actions}}</span></th>{{/m.canEdit}}</tr></thead>
        <tbody>{{#m.overrides}}<tr><td>{{contacts}}</td><td>{{#start}}{{>time}}{{/start}}</td><td>{{#end}}{{>time}}{{/end}}</td><td>{{#created}}{{>time}}{{/created}}</td>
        {{#m.canEdit}}<td><form method="post" action="{{m.base}}/overrides/{{id}}/delete" class="inline" data-confirm="{{t.oncall.deleteOverrideConfirm}}"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><button type="submit" class="link danger">{{t.oncall.deleteOverride}}</button></form></td>{{/m.canEdit}}</tr>{{/m.overrides}}</tbody>
        </table>
        {{/empty(m.overrides)}}
        {{#empty(m.overrides)}}<p class="empty">{{t.oncall.noOverrides}}</p>{{/empty(m.overrides)}}
        {{#m.canEdit}}
        <details class="edit"{{^empty(m.errors)}} open{{/empty(m.errors)}}><summary>{{t.oncall.createOverride}}</summary>
        <form method="post" action="{{m.base}}/overrides/preview" class="stack" data-testid="override-form">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <p class="hint">{{t.oncall.overrideFormHint}}</p>
        <label for="override-start">{{t.oncall.overrideStart}} <span class="hint">({{m.zoneName}})</span></label>
        <input id="override-start" name="start" type="datetime-local" value="{{m.defaultStart}}" required>
        <label for="override-end">{{t.oncall.overrideEnd}} <span class="hint">({{m.zoneName}})</span></label>
        <input id="override-end" name="end" type="datetime-local" value="{{m.defaultEnd}}" required>
        <label for="override-contact">{{t.oncall.overrideContact}}</label>
        <select id="override-contact" name="contact" required>{{#m.memberChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/m.memberChoices}}</select>
        <button type="submit" data-testid="override-preview">{{t.oncall.previewOverride}}</button>
        </form></details>
        {{/m.canEdit}}
        </section>
        <section aria-labelledby="feed-heading">
        <h2 id="feed-heading">{{t.oncall.calendarFeed}}</h2>
        <p>{{t.oncall.calendarFeedHint}}</p>
        <pre class="command"><code>{{m.feedCommand}}</code></pre>
        </section>
        {{/body}}{{/layout}}
        """,
        "oncall-override-preview": """
        {{<layout}}{{$body}}
        <p><a href="{{m.base}}">{{m.name}}</a></p>
        <h1>{{t.oncall.previewOverride}}</h1>
        <p data-testid="preview-summary">{{t.oncall.overrideContact}}: <strong>{{m.contactName}}</strong> · {{#m.startTime}}{{>time}}{{/m.startTime}} – {{#m.endTime}}{{>time}}{{/m.endTime}}</p>
        <p class="hint">{{t.oncall.previewHint}} {{m.zoneName}}</p>
        {{^empty(m.gapsAfter)}}<ul class="warnings">{{#m.gapsAfter}}<li><strong>{{t.oncall.gapTag}}</strong> {{.}}</li>{{/m.gapsAfter}}</ul>{{/empty(m.gapsAfter)}}
        <section aria-labelledby="before-heading"><h2 id="before-heading">{{t.oncall.before}}</h2>
        <div data-testid="preview-before">{{#m.before}}{{>oncall-shift-table}}{{/m.before}}</div>
        </section>
        <section aria-labelledby="after-heading"><h2 id="after-heading">{{t.oncall.after}}</h2>
        <div data-testid="preview-after">{{#m.after}}{{>oncall-shift-table}}{{/m.after}}</div>
        </section>
        <form method="post" action="{{m.base}}/overrides" class="stack" data-testid="override-confirm">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <input type="hidden" name="start" value="{{m.start}}">
        <input type="hidden" name="end" value="{{m.end}}">
        <input type="hidden" name="contact" value="{{m.contact}}">
        <input type="hidden" name="token" value="{{m.token}}">
        <div class="actions"><button type="submit" data-testid="override-create">{{t.oncall.confirmOverride}}</button> <a href="{{m.base}}">{{t.common.cancel}}</a></div>
        </form>
        {{/body}}{{/layout}}
        """,
        "oncall-contact": """
        {{<layout}}{{$body}}
        <p><a href="/console/oncall">{{t.oncall.whoIsOnCall}}</a></p>
        <h1><span class="sr-only">{{t.oncall.contact}}: </span>{{m.name}}</h1>
        <p class="arn"><code>{{m.arn}}</code></p>
        {{>errors}}
        <dl class="facts"><dt>{{t.oncall.alias}}</dt><dd><code>{{m.alias}}</code></dd><dt>{{t.oncall.contactType}}</dt><dd><span title="{{m.typeRaw}}">{{m.typeLabel}}</span></dd></dl>
        {{#m.isPlan}}<p><a href="{{m.planHref}}">{{t.oncall.escalationPlan}}</a></p>{{/m.isPlan}}
        {{#m.isPersonal}}
        <h2 id="channels-heading">{{t.oncall.channels}}</h2>
        {{^empty(m.channels)}}
        <table class="list" aria-labelledby="channels-heading" data-testid="channels">
        <thead><tr><th scope="col">{{t.oncall.channelName}}</th><th scope="col">{{t.oncall.channelType}}</th><th scope="col">{{t.oncall.address}}</th><th scope="col">{{t.oncall.activation}}</th></tr></thead>
        <tbody>{{#m.channels}}<tr><td>{{name}}</td><td>{{typeLabel}}</td><td><code>{{address}}</code></td><td><span class="status{{#activated}} status-resolved{{/activated}}{{^activated}} status-open{{/activated}}" title="{{stateRaw}}">{{stateLabel}}</span></td></tr>{{/m.channels}}</tbody>
        </table>
        {{/empty(m.channels)}}
        {{#empty(m.channels)}}<p class="empty">{{t.oncall.noChannels}}</p>{{/empty(m.channels)}}
        <h2>{{t.oncall.memberOf}}</h2>
        {{^empty(m.rotations)}}<ul data-testid="member-of">{{#m.rotations}}<li><a href="{{href}}">{{label}}</a></li>{{/m.rotations}}</ul>{{/empty(m.rotations)}}
        {{#empty(m.rotations)}}<p class="empty">{{t.oncall.noMyShifts}}</p>{{/empty(m.rotations)}}
        {{/m.isPersonal}}
        <h2 id="plan-heading">{{t.oncall.engagementPlan}}</h2>
        {{^empty(m.engagement)}}
        <table class="list" aria-labelledby="plan-heading" data-testid="engagement-plan">
        <thead><tr><th scope="col">{{t.oncall.stage}}</th><th scope="col">{{t.oncall.channel}}</th><th scope="col">{{t.oncall.minutesAfterStart}}</th></tr></thead>
        <tbody>{{#m.engagement}}<tr><td>{{stage}}</td><td>{{channel}}</td><td>{{minutes}}</td></tr>{{/m.engagement}}</tbody>
        </table>
        {{/empty(m.engagement)}}
        {{#empty(m.engagement)}}<p class="empty">{{t.oncall.noPlan}}</p>{{/empty(m.engagement)}}
        {{#m.isSchedule}}
        <h2>{{t.oncall.rotations}}</h2>
        <ul>{{#m.rotations}}<li><a href="{{href}}">{{label}}</a></li>{{/m.rotations}}</ul>
        {{/m.isSchedule}}
        {{#m.canTest}}
        <section aria-labelledby="test-heading">
        <h2 id="test-heading">{{t.oncall.sendTestPage}}</h2>
        <p class="notice">{{t.oncall.testWarning}}</p>
        <form method="post" action="{{m.base}}/test" data-confirm="{{t.oncall.testConfirm}}" data-testid="send-test">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <button type="submit">{{t.oncall.sendTestPage}}</button>
        </form>
        </section>
        {{/m.canTest}}
        {{/body}}{{/layout}}
        """,
        "oncall-escalation": """
        {{<layout}}{{$body}}
        <p><a href="/console/oncall">{{t.oncall.whoIsOnCall}}</a></p>
        <h1><span class="sr-only">{{t.oncall.escalationPlan}}: </span>{{m.name}}</h1>
        <p class="arn"><code>{{m.arn}}</code></p>
        {{>errors}}
        {{#m.canEdit}}<p class="hint">{{t.oncall.reorderHint}}</p>{{/m.canEdit}}
        {{^empty(m.stages)}}
        <ol class="stages" data-testid="stages">{{#m.stages}}<li>
        <h2>{{t.oncall.stage}} {{number}}</h2>
        <p>{{t.oncall.startsAt}}: {{startsAt}} · {{t.oncall.stageDuration}}: {{duration}}</p>
        <ul>{{#targets}}<li>{{#link.href}}<a href="{{link.href}}">{{link.label}}</a>{{/link.href}}{{^link.href}}{{link.label}}{{/link.href}} <span class="hint">({{kind}})</span>{{#essential}} <strong>{{t.oncall.essential}}</strong>{{/essential}}</li>{{/targets}}</ul>
        {{#canUp}}<form method="post" action="{{m.base}}/stages/{{index}}/up" class="inline"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><button type="submit" class="secondary">{{t.oncall.moveUp}}<span class="sr-only"> ({{t.oncall.stage}} {{number}})</span></button></form>{{/canUp}}
        {{#canDown}}<form method="post" action="{{m.base}}/stages/{{index}}/down" class="inline"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><button type="submit" class="secondary">{{t.oncall.moveDown}}<span class="sr-only"> ({{t.oncall.stage}} {{number}})</span></button></form>{{/canDown}}
        </li>{{/m.stages}}</ol>
        {{/empty(m.stages)}}
        {{#empty(m.stages)}}<p class="empty">{{t.oncall.noStages}}</p>{{/empty(m.stages)}}
        {{/body}}{{/layout}}
        """,
        "oncall-me": """
        {{<layout}}{{$body}}
        <p><a href="/console/oncall">{{t.oncall.whoIsOnCall}}</a></p>
        <h1>{{t.oncall.myOnCall}}</h1>
        {{>errors}}
        {{^m.hasContact}}<p class="notice" data-testid="no-contact">{{t.oncall.noContactLinked}}</p>{{/m.hasContact}}
        {{#m.hasContact}}
        <p>{{t.oncall.myContact}}: <a href="{{m.contact.href}}">{{m.contact.label}}</a></p>
        <section aria-labelledby="pages-heading">
        <h2 id="pages-heading">{{t.oncall.myOpenPages}} <span class="count">({{count(m.pages)}})</span></h2>
        {{^empty(m.pages)}}
        <ul class="pages" data-testid="my-pages">{{#m.pages}}<li>
        <h3>{{subject}}</h3>
        <p class="prose">{{content}}</p>
        <p class="meta">{{t.oncall.sender}}: {{sender}} · {{t.oncall.incident}}: {{incident}} · {{#sent}}{{>time}}{{/sent}}</p>
        <p class="meta">{{t.oncall.receipts}}: {{receipts}}</p>
        <form method="post" action="/console/oncall/me/acknowledge" class="inline"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><input type="hidden" name="page" value="{{pageArn}}"><button type="submit" data-testid="acknowledge">{{t.oncall.acknowledge}}<span class="sr-only">: {{subject}}</span></button></form>
        </li>{{/m.pages}}</ul>
        {{/empty(m.pages)}}
        {{#empty(m.pages)}}<p class="empty">{{t.oncall.noOpenPages}}</p>{{/empty(m.pages)}}
        </section>
        <section aria-labelledby="shifts-heading">
        <h2 id="shifts-heading">{{t.oncall.myShifts}}</h2>
        {{^empty(m.shifts)}}{{#m}}{{>oncall-shift-table}}{{/m}}{{/empty(m.shifts)}}
        {{#empty(m.shifts)}}<p class="empty">{{t.oncall.noMyShifts}}</p>{{/empty(m.shifts)}}
        </section>
        <section aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">{{t.oncall.calendarFeed}}</h2>
        <p>{{t.oncall.calendarFeedHint}}</p>
        {{^empty(m.feeds)}}<ul data-testid="feeds">{{#m.feeds}}<li>{{name}}: {{#url}}<code class="feed-url">{{url}}</code>{{/url}}{{^url}}<pre class="command"><code>{{command}}</code></pre>{{/url}}</li>{{/m.feeds}}</ul>
        <form method="post" action="/console/oncall/me/feeds"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><button type="submit" data-testid="show-feeds">{{t.oncall.showFeeds}}</button></form>{{/empty(m.feeds)}}
        {{#empty(m.feeds)}}<p class="empty">{{t.oncall.noMyShifts}}</p>{{/empty(m.feeds)}}
        </section>
        {{/m.hasContact}}
        {{/body}}{{/layout}}
        """,
    ]
}
