extension ConsoleTemplates {
    /// The incident pages and their partials.
    static let incidents: [String: String] = [
        "time": """
        <time datetime="{{machine}}" title="{{title}}">{{text}}</time>
        """,
        "incident-tabs": """
        <nav class="tabs" aria-label="{{m.title}}"><ul>{{#m.tabs}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/m.tabs}}</ul></nav>
        """,
        "incident-rows": """
        <h2 id="open-heading">{{t.incidents.openIncidents}}</h2>
        <p class="hint">{{t.incidents.showingOpen}}</p>
        {{^empty(m.open)}}
        <table class="list" aria-labelledby="open-heading" data-testid="open-incidents">
        <thead><tr><th scope="col">{{t.incidents.impact}}</th><th scope="col">{{t.incidents.title}}</th><th scope="col">{{t.incidents.status}}</th><th scope="col">{{t.incidents.created}}</th><th scope="col">{{t.incidents.age}}</th></tr></thead>
        <tbody>{{#m.open}}{{>incident-row}}{{/m.open}}</tbody>
        </table>
        {{/empty(m.open)}}
        {{#empty(m.open)}}<p class="empty">{{t.incidents.noOpen}}</p>{{/empty(m.open)}}
        <p class="pager">{{#m.firstHref}}<a href="{{m.firstHref}}">{{t.common.previous}}</a> {{/m.firstHref}}{{#m.moreHref}}<a href="{{m.moreHref}}" rel="next">{{t.common.next}}</a>{{/m.moreHref}}</p>
        <h2 id="resolved-heading">{{t.incidents.resolvedIncidents}}</h2>
        <p class="hint">{{t.incidents.showingResolved}}</p>
        {{^empty(m.resolved)}}
        <table class="list" aria-labelledby="resolved-heading" data-testid="resolved-incidents">
        <thead><tr><th scope="col">{{t.incidents.impact}}</th><th scope="col">{{t.incidents.title}}</th><th scope="col">{{t.incidents.status}}</th><th scope="col">{{t.incidents.created}}</th><th scope="col">{{t.incidents.duration}}</th></tr></thead>
        <tbody>{{#m.resolved}}{{>incident-row}}{{/m.resolved}}</tbody>
        </table>
        {{/empty(m.resolved)}}
        {{#empty(m.resolved)}}<p class="empty">{{t.incidents.noResolved}}</p>{{/empty(m.resolved)}}
        """,
        "incident-row": """
        <tr><td><span class="impact impact-{{impact}}">{{impactLabel}}</span></td>
        <td><a href="{{href}}">{{title}}</a></td>
        <td><span class="status status-{{statusClass}}" title="{{statusRaw}}">{{statusLabel}}</span></td>
        <td>{{#created}}{{>time}}{{/created}}</td><td>{{age}}</td></tr>
        """,
        "incident-list": """
        {{<layout}}{{$body}}
        <div class="title-bar"><h1>{{t.incidents.incidents}}</h1>
        {{#m.canStart}}<a class="button" href="/console/incidents/start">{{t.incidents.startIncident}}</a>{{/m.canStart}}
        <a class="button secondary" href="/console/incidents">{{t.common.refresh}}</a></div>
        <p class="hint">{{t.common.autoRefreshNote}}</p>
        <div data-refresh="{{m.fragmentHref}}" data-refresh-seconds="15" aria-live="polite">
        {{>incident-rows}}
        </div>
        {{/body}}{{/layout}}
        """,
        "incident-start": """
        {{<layout}}{{$body}}
        <h1>{{t.incidents.startIncident}}</h1>
        {{>errors}}
        {{^empty(m.plans)}}
        <form method="post" action="/console/incidents/start" class="stack" data-testid="start-incident">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <label for="plan">{{t.incidents.responsePlan}} <span class="hint">({{t.common.required}})</span></label>
        <select id="plan" name="plan" required>
        <option value="">{{t.incidents.choosePlan}}</option>
        {{#m.plans}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/m.plans}}
        </select>
        <label for="title">{{t.incidents.titleOverride}}</label>
        <input id="title" name="title" maxlength="200" value="{{m.title}}" aria-describedby="title-hint">
        <p class="hint" id="title-hint">{{t.incidents.titleOverrideHint}}</p>
        <label for="impact">{{t.incidents.impactOverride}}</label>
        <select id="impact" name="impact">{{#m.impacts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/m.impacts}}</select>
        {{#m.preview}}<section class="card" aria-labelledby="preview-heading" data-testid="start-preview"><h2 id="preview-heading">{{t.incidents.previewHeading}}</h2>
        <dl class="facts"><dt>{{t.incidents.willTitle}}</dt><dd>{{title}} · {{impactLabel}}</dd><dt>{{t.incidents.willEngage}}</dt><dd>{{engagements}}</dd>
        <dt>{{t.incidents.willRun}}</dt><dd>{{runbooks}}</dd><dt>{{t.incidents.willChat}}</dt><dd>{{chat}}</dd></dl></section>{{/m.preview}}
        <div class="actions"><button type="submit" name="do" value="preview" class="secondary">{{t.incidents.preview}}</button> <button type="submit" name="do" value="start">{{t.incidents.start}}</button> <a href="/console/incidents">{{t.common.cancel}}</a></div>
        </form>
        {{/empty(m.plans)}}
        {{#empty(m.plans)}}<p class="empty">{{t.incidents.noPlans}}</p>{{/empty(m.plans)}}
        {{/body}}{{/layout}}
        """,
        "incident-header": """
        <div class="title-bar"><h1><span class="sr-only">{{t.incidents.title}}: </span>{{m.title}}</h1>
        {{#m.canResolve}}<form method="post" action="{{m.base}}/resolve" data-confirm="{{t.incidents.resolveConfirm}}"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><button type="submit" class="danger" data-testid="resolve-incident">{{t.incidents.resolve}}</button></form>{{/m.canResolve}}
        </div>
        <p class="arn"><code>{{m.arn}}</code></p>
        {{>incident-tabs}}
        """,
        "incident-tiles": """
        <dl class="tiles">
        <div class="tile"><dt>{{t.incidents.status}}</dt><dd><span class="status status-{{m.statusClass}}" title="{{m.statusRaw}}" data-testid="incident-status">{{m.statusLabel}}</span></dd></div>
        <div class="tile"><dt>{{t.incidents.impact}}</dt><dd><span class="impact impact-{{m.impact}}">{{m.impactLabel}}</span></dd></div>
        <div class="tile"><dt>{{t.incidents.chatChannel}}</dt><dd>{{m.chatChannel}}</dd></div>
        <div class="tile"><dt>{{t.incidents.duration}}</dt><dd>{{m.duration}}</dd></div>
        </dl>
        """,
        "incident-overview": """
        {{<layout}}{{$body}}
        {{>incident-header}}
        <div data-refresh="{{m.base}}/fragment" data-refresh-seconds="15" aria-live="polite">{{>incident-tiles}}</div>
        <div class="cards">
        <section class="card"><h2>{{t.incidents.runbook}}</h2><p>{{m.runbookSummary}}</p><a href="{{m.base}}/runbook">{{t.incidents.runbook}}</a></section>
        <section class="card"><h2>{{t.incidents.engagements}}</h2><p>{{m.engagementSummary}}</p><a href="{{m.base}}/engagements">{{t.incidents.engagements}}</a></section>
        </div>
        <dl class="facts">
        <dt>{{t.incidents.created}}</dt><dd>{{#m.created}}{{>time}}{{/m.created}}</dd>
        {{#m.resolved}}<dt>{{t.incidents.resolvedAt}}</dt><dd>{{>time}}</dd>{{/m.resolved}}
        <dt>{{t.incidents.source}}</dt><dd>{{m.source}}</dd>
        <dt>{{t.incidents.lastModifiedBy}}</dt><dd>{{m.lastModifiedBy}}</dd>
        {{#m.summary}}<dt>{{t.incidents.summary}}</dt><dd class="prose">{{m.summary}}</dd>{{/m.summary}}
        </dl>
        <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">{{t.incidents.notes}} ({{count(m.notes)}})</h2>
        {{>errors}}
        {{#m.canWrite}}
        <form method="post" action="{{m.base}}/notes" class="stack" data-testid="add-note">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <label for="note">{{t.incidents.noteText}}</label>
        <textarea id="note" name="note" rows="3" maxlength="6000" required></textarea>
        <button type="submit">{{t.incidents.addNote}}</button>
        </form>
        {{/m.canWrite}}
        {{^empty(m.notes)}}<ol class="notes" data-testid="notes">{{#m.notes}}<li><p class="meta">{{author}} · {{#time}}{{>time}}{{/time}}</p><p class="prose">{{text}}</p></li>{{/m.notes}}</ol>{{/empty(m.notes)}}
        {{#empty(m.notes)}}<p class="empty">{{t.incidents.noNotes}}</p>{{/empty(m.notes)}}
        </section>
        {{#m.canWrite}}
        <details class="edit"><summary>{{t.incidents.editProperties}}</summary>
        <form method="post" action="{{m.base}}/properties" class="stack" data-testid="edit-incident">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <label for="edit-title">{{t.incidents.title}}</label>
        <input id="edit-title" name="title" maxlength="200" required value="{{m.title}}">
        <label for="edit-impact">{{t.incidents.impact}}</label>
        <select id="edit-impact" name="impact">{{#m.impacts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/m.impacts}}</select>
        <label for="edit-summary">{{t.incidents.summary}}</label>
        <textarea id="edit-summary" name="summary" rows="4" maxlength="8000">{{m.summaryText}}</textarea>
        <button type="submit">{{t.incidents.save}}</button>
        </form></details>
        {{/m.canWrite}}
        {{/body}}{{/layout}}
        """,
        "incident-runbook": """
        {{<layout}}{{$body}}
        {{>incident-header}}
        <h2>{{t.incidents.runbookSteps}}</h2>
        {{>errors}}
        {{#empty(m.executions)}}<p class="empty">{{t.incidents.noRunbook}}</p>{{/empty(m.executions)}}
        {{#m.executions}}
        <section class="card" data-testid="runbook-execution">
        <dl class="facts"><dt>{{t.incidents.document}}</dt><dd>{{documentName}} ({{t.incidents.version}} {{documentVersion}})</dd>
        <dt>{{t.incidents.status}}</dt><dd><span class="status" title="{{statusRaw}}" data-testid="runbook-status">{{statusLabel}}</span></dd>
        <dt>{{t.incidents.execution}}</dt><dd><code>{{id}}</code></dd>
        {{#started}}<dt>{{t.incidents.startedAt}}</dt><dd>{{>time}}</dd>{{/started}}
        {{#failure}}<dt>{{t.incidents.runFailed}}</dt><dd>{{failure}}</dd>{{/failure}}</dl>
        <ol class="runbook-steps">{{#steps}}<li{{#current}} aria-current="step"{{/current}}><strong>{{name}}</strong> <code>{{action}}</code> – <span title="{{statusRaw}}">{{statusLabel}}</span></li>{{/steps}}</ol>
        {{^empty(description)}}<div class="step-description"><h3>{{t.incidents.currentStep}}: {{currentStep}}</h3>
        {{#description}}{{#isHeading}}<h4>{{text}}</h4>{{/isHeading}}{{#isParagraph}}<p>{{text}}</p>{{/isParagraph}}{{#isItem}}<p class="item">• {{text}}</p>{{/isItem}}{{#isCode}}<pre>{{text}}</pre>{{/isCode}}{{/description}}</div>{{/empty(description)}}
        {{#canResume}}<form method="post" action="{{m.base}}/runbook/signal"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><input type="hidden" name="execution" value="{{id}}"><input type="hidden" name="signal" value="Resume"><button type="submit" data-testid="runbook-resume">{{t.incidents.resumeStep}}</button></form>{{/canResume}}
        {{#canDecide}}<form method="post" action="{{m.base}}/runbook/signal" class="stack"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><input type="hidden" name="execution" value="{{id}}">
        <label for="comment-{{id}}">{{t.incidents.comment}}</label><input id="comment-{{id}}" name="comment" maxlength="1000">
        <div class="actions"><button type="submit" name="signal" value="Approve" data-testid="runbook-approve">{{t.incidents.approve}}</button> <button type="submit" name="signal" value="Reject" class="danger">{{t.incidents.reject}}</button></div></form>{{/canDecide}}
        </section>
        {{/m.executions}}
        {{/body}}{{/layout}}
        """,
        "incident-engagements": """
        {{<layout}}{{$body}}
        {{>incident-header}}
        <h2>{{t.incidents.engagements}}</h2>
        {{#empty(m.engagements)}}<p class="empty">{{t.incidents.noEngagements}}</p>{{/empty(m.engagements)}}
        {{#m.engagements}}
        <section class="card"><h3>{{contact}}</h3><p class="meta">{{status}} · {{#time}}{{>time}}{{/time}}</p>
        {{^empty(pages)}}<table class="list"><thead><tr><th scope="col">{{t.incidents.contact}}</th><th scope="col">{{t.incidents.sent}}</th><th scope="col">{{t.incidents.delivered}}</th><th scope="col">{{t.incidents.acknowledged}}</th></tr></thead>
        <tbody>{{#pages}}<tr><td>{{contact}}</td><td>{{#sent}}{{>time}}{{/sent}}{{^sent}}{{t.incidents.notYet}}{{/sent}}</td><td>{{#delivered}}{{>time}}{{/delivered}}{{^delivered}}{{t.incidents.notYet}}{{/delivered}}</td><td>{{#read}}{{>time}}{{/read}}{{^read}}{{t.incidents.notYet}}{{/read}}</td></tr>{{/pages}}</tbody></table>{{/empty(pages)}}
        </section>
        {{/m.engagements}}
        {{/body}}{{/layout}}
        """,
        "incident-related": """
        {{<layout}}{{$body}}
        {{>incident-header}}
        <h2>{{t.incidents.relatedItems}}</h2>
        {{>errors}}
        {{#empty(m.items)}}<p class="empty">{{t.incidents.noRelatedItems}}</p>{{/empty(m.items)}}
        {{^empty(m.items)}}<table class="list" data-testid="related-items"><thead><tr><th scope="col">{{t.incidents.title}}</th><th scope="col">{{t.incidents.itemType}}</th><th scope="col">{{t.incidents.resource}}</th><th scope="col"><span class="sr-only">{{t.incidents.remove}}</span></th></tr></thead><tbody>
        {{#m.items}}<tr><td>{{title}}</td><td>{{type}}</td><td>{{#href}}<a href="{{href}}" rel="noopener noreferrer">{{value}}</a>{{/href}}{{^href}}<code>{{value}}</code>{{/href}}</td>
        <td>{{#removable}}<form method="post" action="{{m.base}}/related" class="inline"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><input type="hidden" name="remove" value="{{value}}"><input type="hidden" name="type" value="{{type}}"><button type="submit" class="link">{{t.incidents.remove}}</button></form>{{/removable}}</td></tr>{{/m.items}}
        </tbody></table>{{/empty(m.items)}}
        {{#m.canWrite}}<h3 id="add-related">{{t.incidents.addRelated}}</h3>
        <form method="post" action="{{m.base}}/related" class="stack" aria-labelledby="add-related"><input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <label for="related-url">{{t.incidents.url}}</label><input id="related-url" name="url" type="url" required maxlength="1000">
        <label for="related-title">{{t.incidents.itemTitle}}</label><input id="related-title" name="title" maxlength="200">
        <button type="submit">{{t.incidents.addRelated}}</button></form>{{/m.canWrite}}
        {{/body}}{{/layout}}
        """,
        "incident-properties": """
        {{<layout}}{{$body}}
        {{>incident-header}}
        <h2>{{t.incidents.properties}}</h2>
        <dl class="facts">{{#m.rows}}<dt>{{label}}</dt><dd><span class="prose">{{value}}</span></dd>{{/m.rows}}</dl>
        {{/body}}{{/layout}}
        """,
        "incident-analysis": """
        {{<layout}}{{$body}}
        {{>incident-header}}
        <h2>{{t.incidents.analysis}}</h2>
        {{>errors}}
        {{^m.exists}}
        <p class="empty">{{t.incidents.noAnalysis}}</p>
        {{#m.isOpen}}<p>{{t.incidents.analysisOpen}}</p>{{/m.isOpen}}
        {{^m.isOpen}}{{#m.canWrite}}<form method="post" action="{{m.base}}/analysis"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><button type="submit" name="do" value="create" data-testid="create-analysis">{{t.incidents.createAnalysis}}</button></form>{{/m.canWrite}}{{/m.isOpen}}
        {{/m.exists}}
        {{#m.exists}}
        <p class="meta"><code>{{m.name}}</code></p>
        <form method="post" action="{{m.base}}/analysis" class="analysis" lang="{{m.language}}" data-testid="analysis-answers"><input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        {{#m.sections}}<fieldset><legend>{{title}}</legend>
        {{#questions}}<label for="q-{{id}}">{{text}}</label><textarea id="q-{{id}}" name="q.{{id}}" rows="3"{{^m.canWrite}} readonly{{/m.canWrite}}>{{answer}}</textarea>
        {{#answeredBy}}<p class="meta">{{t.incidents.answeredBy}}: {{answeredBy}}</p>{{/answeredBy}}{{/questions}}
        </fieldset>{{/m.sections}}
        {{#m.canWrite}}<button type="submit" name="do" value="answer">{{t.incidents.saveAnswers}}</button>{{/m.canWrite}}
        </form>
        <h3>{{t.incidents.actionItems}}</h3>
        {{#empty(m.actionItems)}}<p class="empty">{{t.incidents.noActionItems}}</p>{{/empty(m.actionItems)}}
        {{^empty(m.actionItems)}}<ul data-testid="action-items">{{#m.actionItems}}<li>{{title}} <code>{{opsItemID}}</code> · P{{priority}} · {{createdBy}}</li>{{/m.actionItems}}</ul>{{/empty(m.actionItems)}}
        {{#m.canWrite}}<form method="post" action="{{m.base}}/analysis" class="stack" data-testid="add-action-item"><input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <h4>{{t.incidents.addActionItem}}</h4>
        <label for="action-title">{{t.incidents.actionTitle}}</label><input id="action-title" name="title" required maxlength="1024">
        <label for="action-description">{{t.incidents.actionDescription}}</label><textarea id="action-description" name="description" rows="2"></textarea>
        <label for="action-priority">{{t.incidents.priority}}</label><input id="action-priority" name="priority" type="number" min="1" max="5">
        <label for="action-question">{{t.incidents.forQuestion}}</label><select id="action-question" name="question"><option value="">—</option>{{#m.questions}}<option value="{{value}}">{{label}}</option>{{/m.questions}}</select>
        <button type="submit" name="do" value="action">{{t.incidents.addActionItem}}</button></form>{{/m.canWrite}}
        {{/m.exists}}
        {{/body}}{{/layout}}
        """,
        "incident-timeline": """
        {{<layout}}{{$body}}
        {{>incident-header}}
        <h2>{{t.incidents.timeline}}</h2>
        <p class="filters"><a href="{{m.orderHref}}">{{m.orderLabel}}</a> · <a href="{{m.filterHref}}">{{m.filterLabel}}</a></p>
        <p class="hint" data-testid="timeline-showing">{{m.showing}}</p>
        {{>errors}}
        {{#m.canWrite}}
        <details class="edit"{{^empty(m.errors)}} open{{/empty(m.errors)}}><summary>{{t.incidents.addEvent}}</summary>
        <form method="post" action="{{m.base}}/timeline" class="stack" data-testid="add-event">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <label for="event-time">{{t.incidents.eventTime}} <span class="hint">({{m.zoneName}})</span></label>
        <input id="event-time" name="time" type="datetime-local" step="1" value="{{m.defaultTime}}" required>
        <label for="event-text">{{t.incidents.eventText}}</label>
        <textarea id="event-text" name="text" rows="3" maxlength="12000" required></textarea>
        <button type="submit">{{t.incidents.addEvent}}</button>
        </form></details>
        {{/m.canWrite}}
        {{^empty(m.groups)}}
        {{#m.groups}}<section class="day"><h3>{{header}}</h3><ol class="timeline">
        {{#events}}<li id="event-{{id}}"><p><span class="time">{{time}}</span> – <span class="event-text">{{text}}</span></p>
        <p class="meta"><span class="type">{{typeLabel}}</span>{{#author}} · {{t.incidents.by}} {{author}}{{/author}}{{#editHref}} · <a href="{{editHref}}">{{t.incidents.edit}}</a>{{/editHref}}</p>
        {{#editing}}<form method="post" action="{{m.base}}/timeline/{{id}}" class="stack" data-testid="edit-event"><input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        {{#editable}}<label for="edit-{{id}}">{{t.incidents.eventText}}</label><textarea id="edit-{{id}}" name="text" rows="2" maxlength="12000" required>{{text}}</textarea>
        <button type="submit">{{t.incidents.save}}</button>{{/editable}}</form>
        <form method="post" action="{{m.base}}/timeline/{{id}}/delete" data-confirm="{{t.incidents.deleteConfirm}}"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><button type="submit" class="danger">{{t.incidents.delete}}</button></form>{{/editing}}</li>{{/events}}
        </ol></section>{{/m.groups}}
        {{/empty(m.groups)}}
        {{#empty(m.groups)}}<p class="empty">{{t.incidents.noEvents}}</p>{{/empty(m.groups)}}
        {{#m.nextHref}}<p><a href="{{m.nextHref}}" rel="next">{{t.common.next}}</a></p>{{/m.nextHref}}
        {{/body}}{{/layout}}
        """,
    ]
}
