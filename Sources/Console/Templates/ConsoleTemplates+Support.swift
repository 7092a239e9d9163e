extension ConsoleTemplates {
    /// The customer's support pages: case list, new-case wizard and its coach panel, case page.
    static let support: [String: String] = [
        "support-cases": """
        {{<layout}}{{$body}}
        <div class="title-bar"><h1>{{t.support.cases}}</h1>
        <a class="button" href="/console/support/cases/new" data-testid="new-case">{{t.support.newCase}}</a></div>
        <p class="filters"><a href="{{m.toggleHref}}">{{m.toggleLabel}}</a></p>
        <p class="hint">{{m.showing}}</p>
        {{^empty(m.rows)}}
        <table class="list" data-testid="support-cases">
        <thead><tr><th scope="col">{{t.support.caseID}}</th><th scope="col">{{t.support.subject}}</th><th scope="col">{{t.support.status}}</th><th scope="col">{{t.support.severity}}</th><th scope="col">{{t.support.language}}</th><th scope="col">{{t.support.created}}</th></tr></thead>
        <tbody>{{#m.rows}}<tr><td><a href="{{href}}"><code>{{displayID}}</code></a></td><td><a href="{{href}}">{{subject}}</a></td>
        <td><span class="status status-{{statusClass}}" title="{{statusRaw}}">{{statusLabel}}</span></td><td>{{severityLabel}}</td><td>{{languageName}}</td>
        <td>{{#created}}{{>time}}{{/created}}</td></tr>{{/m.rows}}</tbody>
        </table>
        {{/empty(m.rows)}}
        {{#empty(m.rows)}}<p class="empty">{{t.support.noCases}}</p>{{/empty(m.rows)}}
        {{/body}}{{/layout}}
        """,
        "support-coach-body": """
        <p class="hint" data-testid="coach-summary">{{summary}}</p>
        {{^empty(findings)}}<ul class="coach" data-testid="coach-findings">{{#findings}}<li class="finding finding-{{kind}}"><strong>{{kindLabel}}:</strong> {{message}}{{#detail}} <span class="hint">({{detail}})</span>{{/detail}}{{#evidence}} <span class="evidence" data-testid="coach-evidence">{{evidence}}</span>{{/evidence}}</li>{{/findings}}</ul>{{/empty(findings)}}
        """,
        "support-coach-rows": """
        {{#m}}{{>support-coach-body}}{{/m}}
        """,
        "support-new": """
        {{<layout}}{{$body}}
        <h1>{{t.support.newCase}}</h1>
        <nav aria-label="{{t.support.progress}}"><ol class="steps">{{#m.steps}}<li{{#current}} aria-current="step"{{/current}}>{{number}}. {{label}}</li>{{/m.steps}}</ol></nav>
        <h2 data-testid="wizard-step">{{m.progress}}</h2>
        {{>errors}}
        <form method="post" action="/console/support/cases/new" class="stack" data-testid="wizard"{{#m.isAttach}} enctype="multipart/form-data"{{/m.isAttach}}{{#m.isDescribe}} data-live-form="coach-panel" data-live-action="/console/support/cases/new/coach"{{/m.isDescribe}}>
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <input type="hidden" name="step" value="{{m.stepNumber}}">
        {{#m.hidden}}<input type="hidden" name="{{name}}" value="{{value}}">{{/m.hidden}}
        {{#m.isKind}}
        <fieldset><legend>{{t.support.kind}}</legend>
        {{#m.kinds}}<label class="inline"><input type="radio" name="issueType" value="{{value}}"{{#selected}} checked{{/selected}}> {{label}}</label><br>{{/m.kinds}}
        <p class="hint">{{t.support.kindTechnical}}: {{t.support.kindTechnicalHint}} {{t.support.kindAccount}}: {{t.support.kindAccountHint}}</p>
        </fieldset>
        {{/m.isKind}}
        {{#m.isService}}
        {{^empty(m.services)}}
        <label for="service">{{t.support.chooseService}} <span class="hint">({{t.common.required}})</span></label>
        <select id="service" name="service" required data-testid="service">
        <option value="">{{t.support.chooseService}}</option>
        {{#m.services}}<optgroup label="{{name}}">{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</optgroup>{{/m.services}}
        </select>
        {{/empty(m.services)}}
        {{#empty(m.services)}}<p class="empty">{{t.support.noServices}}</p>{{/empty(m.services)}}
        {{/m.isService}}
        {{#m.isSeverity}}
        <fieldset><legend>{{t.support.severity}} <span class="hint">({{t.common.required}})</span></legend>
        {{#m.severities}}<label class="inline"><input type="radio" name="severityCode" value="{{value}}" required{{#selected}} checked{{/selected}}> <strong>{{label}}</strong> — {{target}}</label><p class="hint">{{description}}</p>{{/m.severities}}
        </fieldset>
        <p class="hint">{{m.planNote}}</p>
        <p class="notice">{{t.support.severityRule}}</p>
        {{/m.isSeverity}}
        {{#m.isDescribe}}
        <label for="subject">{{t.support.subject}} <span class="hint">({{t.common.required}})</span></label>
        <input id="subject" name="subject" maxlength="200" required value="{{m.subject}}" aria-describedby="subject-hint" data-testid="subject">
        <p class="hint" id="subject-hint">{{t.support.subjectHint}}</p>
        <label for="body">{{t.support.body}} <span class="hint">({{t.common.required}})</span></label>
        <textarea id="body" name="body" rows="10" maxlength="8000" required aria-describedby="body-hint" data-testid="body">{{m.body}}</textarea>
        <p class="hint" id="body-hint">{{t.support.bodyHint}}</p>
        <section class="card" aria-labelledby="coach-heading"><h3 id="coach-heading">{{t.support.coachTitle}}</h3>
        <p class="hint">{{t.support.coachIntro}}</p>
        <div id="coach-panel" aria-live="polite" data-testid="coach-panel">{{#m.coach}}{{>support-coach-body}}{{/m.coach}}</div>
        <button type="submit" name="go" value="check" class="secondary" data-testid="check-draft">{{t.support.checkDraft}}</button>
        </section>
        {{/m.isDescribe}}
        {{#m.isAttach}}
        <fieldset><legend>{{t.support.attachments}}</legend>
        <p class="hint" id="attach-limits">{{t.support.attachLimits}}</p>
        {{^empty(m.attachments)}}<ul data-testid="attached">{{#m.attachments}}<li>{{.}}</li>{{/m.attachments}}</ul>{{/empty(m.attachments)}}
        {{#empty(m.attachments)}}<p class="empty">{{t.support.noAttachments}}</p>{{/empty(m.attachments)}}
        {{#m.canAttachMore}}<label for="files">{{t.support.files}}</label>
        <input id="files" name="files" type="file" multiple aria-describedby="attach-limits">
        <button type="submit" name="go" value="upload" class="secondary">{{t.support.upload}}</button>{{/m.canAttachMore}}
        </fieldset>
        <label for="cc">{{t.support.ccLabel}}</label>
        <input id="cc" name="cc" value="{{m.cc}}" aria-describedby="cc-hint" autocomplete="email">
        <p class="hint" id="cc-hint">{{t.support.ccHint}}</p>
        <label for="language">{{t.support.caseLanguage}}</label>
        <select id="language" name="language" aria-describedby="language-hint">{{#m.languages}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/m.languages}}</select>
        <p class="hint" id="language-hint">{{t.support.caseLanguageHint}}</p>
        {{/m.isAttach}}
        {{#m.isReview}}
        <dl class="facts" data-testid="review">{{#m.review}}<dt>{{label}}</dt><dd lang="{{lang}}">{{value}}</dd>{{/m.review}}</dl>
        <h3>{{t.support.body}}</h3>
        <p class="prose" lang="{{m.reviewLang}}">{{m.reviewBody}}</p>
        {{/m.isReview}}
        <div class="actions">
        {{#m.canGoBack}}<button type="submit" name="go" value="back" class="secondary" formnovalidate>{{t.support.back}}</button>{{/m.canGoBack}}
        {{^m.isReview}}<button type="submit" name="go" value="next" data-testid="wizard-next">{{t.support.next}}</button>{{/m.isReview}}
        {{#m.isReview}}<button type="submit" name="go" value="submit" data-testid="wizard-submit">{{t.support.submit}}</button>{{/m.isReview}}
        <a href="/console/support/cases">{{t.common.cancel}}</a>
        </div>
        </form>
        {{/body}}{{/layout}}
        """,
        "support-case": """
        {{<layout}}{{$body}}
        <div class="title-bar"><h1><code>{{m.displayID}}</code> <span lang="{{m.lang}}">{{m.subject}}</span></h1>
        {{#m.canResolve}}<form method="post" action="{{m.base}}/resolve" data-confirm="{{t.support.resolveConfirm}}"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><button type="submit" class="danger" data-testid="resolve-case">{{t.support.resolveCase}}</button></form>{{/m.canResolve}}
        </div>
        {{>errors}}
        <dl class="facts">
        <dt>{{t.support.status}}</dt><dd><span class="status status-{{m.statusClass}}" title="{{m.statusRaw}}" data-testid="case-status">{{m.statusLabel}}</span></dd>
        <dt>{{t.support.severity}}</dt><dd>{{m.severityLabel}}</dd>
        <dt>{{t.support.service}}</dt><dd>{{m.serviceLabel}}</dd>
        <dt>{{t.support.language}}</dt><dd>{{m.languageName}}</dd>
        <dt>{{t.support.created}}</dt><dd>{{#m.created}}{{>time}}{{/m.created}}</dd>
        </dl>
        {{#m.supersededBy}}<p class="notice">{{t.support.supersededBy}} <a href="{{m.supersededBy}}">{{t.support.openCase}}</a></p>{{/m.supersededBy}}
        {{#m.supersedes}}<p class="hint">{{t.support.supersedes}} <a href="{{m.supersedes}}">{{t.support.openCase}}</a></p>{{/m.supersedes}}
        <section aria-labelledby="thread-heading">
        <h2 id="thread-heading">{{t.support.thread}} ({{count(m.messages)}})</h2>
        {{^empty(m.messages)}}<ol class="notes" data-testid="thread">{{#m.messages}}<li><p class="meta">{{authorKind}} · {{author}} · {{#time}}{{>time}}{{/time}}</p>
        <p class="prose" lang="{{m.lang}}">{{body}}</p>
        {{^empty(attachments)}}<ul>{{#attachments}}<li><a href="{{href}}" download>{{name}}</a></li>{{/attachments}}</ul>{{/empty(attachments)}}
        {{#rating}}<p class="hint">{{rating}}</p>{{/rating}}
        {{#communicationID}}<form method="post" action="{{m.base}}/rate" class="inline"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><input type="hidden" name="communicationId" value="{{communicationID}}">
        <label for="rate-{{communicationID}}">{{t.support.rateReply}} — {{t.support.rating}}</label>
        <select id="rate-{{communicationID}}" name="rating">{{#ratings}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/ratings}}</select>
        <button type="submit" class="secondary">{{t.support.rate}}</button></form>{{/communicationID}}
        </li>{{/m.messages}}</ol>{{/empty(m.messages)}}
        {{#empty(m.messages)}}<p class="empty">{{t.support.noMessages}}</p>{{/empty(m.messages)}}
        </section>
        {{#m.canReply}}
        <section aria-labelledby="reply-heading"><h2 id="reply-heading">{{t.support.reply}}</h2>
        <form method="post" action="{{m.base}}/reply" class="stack" enctype="multipart/form-data" data-testid="reply">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <label for="reply-body">{{t.support.replyText}}</label>
        <textarea id="reply-body" name="body" rows="5" maxlength="8000" required lang="{{m.lang}}"></textarea>
        <label for="reply-files">{{t.support.attachments}} <span class="hint">({{t.support.attachLimits}})</span></label>
        <input id="reply-files" name="files" type="file" multiple>
        <button type="submit">{{t.support.sendReply}}</button>
        </form></section>
        {{/m.canReply}}
        {{#m.canRaise}}
        <details class="edit"><summary>{{t.support.raiseSeverity}}</summary>
        <form method="post" action="{{m.base}}/raise" class="stack">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <p class="hint">{{t.support.raiseHint}}</p>
        <label for="raise-severity">{{t.support.newSeverity}}</label>
        <select id="raise-severity" name="severityCode">{{#m.raiseChoices}}<option value="{{value}}">{{label}}</option>{{/m.raiseChoices}}</select>
        <label for="raise-reason">{{t.support.reason}}</label>
        <textarea id="raise-reason" name="reason" rows="3" maxlength="2000"></textarea>
        <button type="submit">{{t.support.raiseSeverity}}</button>
        </form></details>
        {{/m.canRaise}}
        {{#m.surveyOpen}}
        <section aria-labelledby="survey-heading"><h2 id="survey-heading">{{t.support.survey}}</h2>
        <form method="post" action="{{m.base}}/survey" class="stack">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <p>{{t.support.surveyIntro}}</p>
        <label for="survey-rating">{{t.support.rating}}</label>
        <select id="survey-rating" name="rating">{{#m.surveyChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/m.surveyChoices}}</select>
        <label for="survey-comment">{{t.support.comment}}</label>
        <textarea id="survey-comment" name="comment" rows="3" maxlength="2000"></textarea>
        <button type="submit">{{t.support.submitSurvey}}</button>
        </form></section>
        {{/m.surveyOpen}}
        {{#m.surveyDone}}<p class="hint">{{m.surveyDone}}</p>{{/m.surveyDone}}
        {{/body}}{{/layout}}
        """,
    ]
}
