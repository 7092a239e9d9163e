extension ConsoleTemplates {
    /// Escalating cases upstream: the providers page, and the escalations section of the desk's case page. Upstream
    /// text comes from another system: it is only ever rendered escaped (`{{…}}`).
    static let upstream: [String: String] = [
        "desk-upstream": """
        {{<layout}}{{$body}}
        <div class="title-bar"><h1>{{t.desk.upstreamProviders}}</h1>
        <a href="/console/desk/queue">{{t.desk.queue}}</a> <a href="/console/desk/plans">{{t.desk.plans}}</a></div>
        <p class="hint">{{t.desk.upstreamHint}}</p>
        {{>errors}}
        {{^empty(m.providers)}}
        <table class="list" data-testid="providers">
        <caption class="sr-only">{{t.desk.upstreamProviders}}</caption>
        <thead><tr><th scope="col">{{t.desk.providerName}}</th><th scope="col">{{t.desk.endpoint}}</th><th scope="col">{{t.desk.region}}</th><th scope="col">{{t.desk.accessKeyID}}</th><th scope="col">{{t.desk.pollInterval}}</th><th scope="col">{{t.desk.updated}}</th>{{#m.canEdit}}<th scope="col"><span class="sr-only">{{t.desk.change}}</span></th>{{/m.canEdit}}</tr></thead>
        <tbody>{{#m.providers}}<tr data-testid="provider" data-provider="{{name}}"><td>{{name}}</td><td><code>{{endpoint}}</code></td><td>{{region}}</td><td><code>{{accessKeyID}}</code></td><td>{{pollInterval}}</td><td>{{#updated}}{{>time}}{{/updated}}</td>
        {{#m.canEdit}}<td><a href="{{editHref}}">{{t.desk.change}}<span class="sr-only"> {{name}}</span></a>
        <form method="post" action="/console/desk/upstream/delete" class="inline" data-confirm="{{t.desk.deleteProviderConfirm}}" data-testid="delete-provider"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><input type="hidden" name="name" value="{{name}}"><button type="submit" class="link">{{t.desk.deleteProvider}}<span class="sr-only"> {{name}}</span></button></form></td>{{/m.canEdit}}</tr>{{/m.providers}}</tbody>
        </table>
        {{/empty(m.providers)}}
        {{#empty(m.providers)}}<p class="empty">{{t.desk.noProviders}}</p>{{/empty(m.providers)}}
        {{#m.canEdit}}
        <section aria-labelledby="provider-form-heading"><h2 id="provider-form-heading">{{m.formHeading}}</h2>
        <form method="post" action="/console/desk/upstream" class="stack" data-testid="provider-form">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <label for="p-name">{{t.desk.providerName}}</label>
        <input id="p-name" name="name" maxlength="64" required autocomplete="off" spellcheck="false" value="{{m.form.name}}"{{#m.form.refusal.name}} aria-invalid="true" aria-describedby="p-name-error"{{/m.form.refusal.name}}>
        {{#m.form.refusal.name}}<p class="field-error" id="p-name-error">{{.}}</p>{{/m.form.refusal.name}}
        <label for="p-endpoint">{{t.desk.endpoint}}</label>
        <input id="p-endpoint" name="endpoint" type="url" maxlength="2048" autocomplete="off" spellcheck="false" value="{{m.form.endpoint}}" aria-describedby="p-endpoint-hint{{#m.form.refusal.endpoint}} p-endpoint-error{{/m.form.refusal.endpoint}}"{{#m.form.refusal.endpoint}} aria-invalid="true"{{/m.form.refusal.endpoint}}>
        <p class="hint" id="p-endpoint-hint">{{t.desk.endpointHint}}</p>
        {{#m.form.refusal.endpoint}}<p class="field-error" id="p-endpoint-error">{{.}}</p>{{/m.form.refusal.endpoint}}
        <label for="p-region">{{t.desk.region}}</label>
        <input id="p-region" name="region" maxlength="32" autocomplete="off" spellcheck="false" value="{{m.form.region}}" aria-describedby="p-region-hint{{#m.form.refusal.region}} p-region-error{{/m.form.refusal.region}}"{{#m.form.refusal.region}} aria-invalid="true"{{/m.form.refusal.region}}>
        <p class="hint" id="p-region-hint">{{t.desk.regionHint}}</p>
        {{#m.form.refusal.region}}<p class="field-error" id="p-region-error">{{.}}</p>{{/m.form.refusal.region}}
        <label for="p-access-key">{{t.desk.accessKeyID}}</label>
        <input id="p-access-key" name="accessKeyId" maxlength="128" required autocomplete="off" spellcheck="false" value="{{m.form.accessKeyID}}"{{#m.form.refusal.accessKeyID}} aria-invalid="true" aria-describedby="p-access-key-error"{{/m.form.refusal.accessKeyID}}>
        {{#m.form.refusal.accessKeyID}}<p class="field-error" id="p-access-key-error">{{.}}</p>{{/m.form.refusal.accessKeyID}}
        <label for="p-secret">{{t.desk.secretAccessKey}}</label>
        <input id="p-secret" name="secretAccessKey" type="password" maxlength="2048" required autocomplete="new-password" aria-describedby="p-secret-hint{{#m.form.refusal.secretAccessKey}} p-secret-error{{/m.form.refusal.secretAccessKey}}"{{#m.form.refusal.secretAccessKey}} aria-invalid="true"{{/m.form.refusal.secretAccessKey}}>
        <p class="hint" id="p-secret-hint">{{t.desk.secretHint}}</p>
        {{#m.form.refusal.secretAccessKey}}<p class="field-error" id="p-secret-error">{{.}}</p>{{/m.form.refusal.secretAccessKey}}
        <label for="p-token">{{t.desk.sessionToken}}</label>
        <input id="p-token" name="sessionToken" type="password" maxlength="2048" autocomplete="new-password"{{#m.form.refusal.sessionToken}} aria-invalid="true" aria-describedby="p-token-error"{{/m.form.refusal.sessionToken}}>
        {{#m.form.refusal.sessionToken}}<p class="field-error" id="p-token-error">{{.}}</p>{{/m.form.refusal.sessionToken}}
        <label for="p-interval">{{t.desk.pollInterval}}</label>
        <input id="p-interval" name="pollIntervalSeconds" type="number" min="60" max="86400" step="1" inputmode="numeric" placeholder="300" value="{{m.form.pollIntervalSeconds}}" aria-describedby="p-interval-hint{{#m.form.refusal.pollInterval}} p-interval-error{{/m.form.refusal.pollInterval}}"{{#m.form.refusal.pollInterval}} aria-invalid="true"{{/m.form.refusal.pollInterval}}>
        <p class="hint" id="p-interval-hint">{{t.desk.pollIntervalHint}}</p>
        {{#m.form.refusal.pollInterval}}<p class="field-error" id="p-interval-error">{{.}}</p>{{/m.form.refusal.pollInterval}}
        <button type="submit">{{t.desk.saveProvider}}</button>
        </form></section>
        {{/m.canEdit}}
        {{^m.canEdit}}<p class="hint">{{t.desk.adminsEditProviders}}</p>{{/m.canEdit}}
        {{/body}}{{/layout}}
        """,
        "desk-pick": """
        <label class="pick"><input type="checkbox" name="{{pickName}}" value="{{value}}"{{#checked}} checked{{/checked}}> <span>{{label}}{{#excerpt}}<br><span class="hint" lang="{{m.lang}}">{{.}}</span>{{/excerpt}}</span></label>
        """,
        "desk-escalations": """
        <section aria-labelledby="escalations-heading" data-testid="escalations"><h2 id="escalations-heading">{{t.desk.escalations}} ({{count(m.escalation.escalations)}})</h2>
        {{#empty(m.escalation.escalations)}}<p class="empty">{{t.desk.noEscalations}}</p>{{/empty(m.escalation.escalations)}}
        {{#m.escalation.escalations}}
        <article class="card escalation" aria-labelledby="esc-{{escalationID}}" data-testid="escalation" data-escalation="{{escalationID}}">
        <h3 id="esc-{{escalationID}}">{{providerName}} <span class="status status-{{statusClass}}" title="{{statusRaw}}" data-testid="escalation-status">{{statusLabel}}</span></h3>
        <dl class="facts">
        <dt>{{t.desk.upstreamCase}}</dt><dd>{{#upstreamDisplayID}}<code data-testid="upstream-case">{{.}}</code>{{/upstreamDisplayID}}{{^upstreamDisplayID}}{{t.desk.notYet}}{{/upstreamDisplayID}}</dd>
        <dt>{{t.desk.upstreamStatus}}</dt><dd>{{#upstreamStatus}}{{.}}{{/upstreamStatus}}{{^upstreamStatus}}{{t.desk.notYet}}{{/upstreamStatus}}</dd>
        {{#failing}}<dt>{{t.desk.attempts}}</dt><dd data-testid="attempts">{{attempts}}</dd>{{#lastError}}<dt>{{t.desk.lastError}}</dt><dd class="field-error" data-testid="last-error">{{.}}</dd>{{/lastError}}{{/failing}}
        {{#nextAttempt}}<dt>{{t.desk.nextAttempt}}</dt><dd>{{>time}}</dd>{{/nextAttempt}}
        {{#lastPolled}}<dt>{{t.desk.lastPolled}}</dt><dd>{{>time}}</dd>{{/lastPolled}}
        </dl>
        {{#canRetry}}<form method="post" action="{{m.base}}/retry" class="inline" data-testid="retry"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><input type="hidden" name="escalation" value="{{escalationID}}"><button type="submit">{{t.desk.retry}}</button></form>{{/canRetry}}
        {{#retryRefusal}}<p class="field-error">{{.}}</p>{{/retryRefusal}}
        <ol class="notes" data-testid="escalation-messages">{{#upstreamMessages}}<li class="direction-{{directionClass}}" data-testid="escalation-message" data-direction="{{directionClass}}" data-state="{{stateRaw}}">
        <p class="meta"><strong>{{directionLabel}}</strong> · <span data-testid="message-state">{{stateLabel}}</span> · {{#time}}{{>time}}{{/time}}{{#upstreamAuthor}} · {{t.desk.upstreamAuthor}}: <span data-testid="upstream-author">{{.}}</span>{{/upstreamAuthor}}</p>
        <p class="prose" lang="{{m.lang}}" data-testid="message-body">{{body}}</p>
        {{^empty(files)}}<p class="hint">{{t.desk.files}}:</p><ul class="inline-list" data-testid="message-files">{{#files}}<li>{{.}}</li>{{/files}}</ul>{{/empty(files)}}
        {{#sendError}}<p class="field-error">{{t.desk.sendError}}: {{.}}</p>{{/sendError}}
        {{#canRelay}}<details class="edit"{{#relayRefusal}} open{{/relayRefusal}}><summary>{{t.desk.relay}}</summary>
        <form method="post" action="{{m.base}}/relay" class="stack" data-testid="relay">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}"><input type="hidden" name="escalation" value="{{escalationID}}"><input type="hidden" name="message" value="{{messageID}}">
        <label for="relay-{{messageID}}">{{t.desk.relayText}}</label>
        <textarea id="relay-{{messageID}}" name="body" rows="6" maxlength="8000" required lang="{{m.lang}}"{{#relayRefusal}} aria-invalid="true" aria-describedby="relay-{{messageID}}-error"{{/relayRefusal}}>{{relayText}}</textarea>
        {{#relayRefusal}}<p class="field-error" id="relay-{{messageID}}-error">{{.}}</p>{{/relayRefusal}}
        {{^empty(files)}}<label class="inline"><input type="checkbox" name="includeAttachments" value="yes"{{#relayFiles}} checked{{/relayFiles}}> {{t.desk.includeFiles}}</label>{{/empty(files)}}
        <label class="inline"><input type="checkbox" name="requestInformation" value="yes"> {{t.desk.requestInformation}}</label>
        <button type="submit">{{t.desk.relay}}</button>
        </form></details>{{/canRelay}}
        </li>{{/upstreamMessages}}</ol>
        {{#canSend}}<details class="edit"{{#sendOpen}} open{{/sendOpen}}><summary>{{t.desk.sendUpstream}}</summary>
        <form method="post" action="{{m.base}}/upstream" class="stack" data-testid="send-upstream">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}"><input type="hidden" name="escalation" value="{{escalationID}}">
        {{#sendRefusal.form}}<p class="field-error">{{.}}</p>{{/sendRefusal.form}}
        {{^empty(sendCommunications)}}<fieldset><legend>{{t.desk.chooseMessages}}</legend>
        {{#sendRefusal.communications}}<p class="field-error">{{.}}</p>{{/sendRefusal.communications}}
        {{#sendCommunications}}{{>desk-pick}}{{/sendCommunications}}
        </fieldset>{{/empty(sendCommunications)}}
        {{^empty(sendAttachments)}}<fieldset><legend>{{t.desk.chooseFiles}}</legend>
        {{#sendRefusal.attachments}}<p class="field-error">{{.}}</p>{{/sendRefusal.attachments}}
        {{#sendAttachments}}{{>desk-pick}}{{/sendAttachments}}
        </fieldset>{{/empty(sendAttachments)}}
        <label for="send-{{escalationID}}">{{t.desk.upstreamNote}}</label>
        <textarea id="send-{{escalationID}}" name="body" rows="4" maxlength="8000"{{#sendRefusal.note}} aria-invalid="true" aria-describedby="send-{{escalationID}}-error"{{/sendRefusal.note}}>{{sendNote}}</textarea>
        {{#sendRefusal.note}}<p class="field-error" id="send-{{escalationID}}-error">{{.}}</p>{{/sendRefusal.note}}
        <button type="submit">{{t.desk.send}}</button>
        </form></details>{{/canSend}}
        </article>
        {{/m.escalation.escalations}}
        {{#m.escalation.canEscalate}}
        <section aria-labelledby="escalate-heading"><h3 id="escalate-heading">{{t.desk.escalateTitle}}</h3>
        {{^empty(m.escalation.providers)}}
        <p class="hint" id="escalate-hint">{{t.desk.escalateHint}}</p>
        <form method="post" action="{{m.base}}/escalate" class="stack" data-testid="escalate" aria-describedby="escalate-hint">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        {{#m.escalation.refusal.form}}<p class="field-error">{{.}}</p>{{/m.escalation.refusal.form}}
        <label for="escalate-provider">{{t.desk.provider}}</label>
        <select id="escalate-provider" name="provider" required{{#m.escalation.refusal.provider}} aria-invalid="true" aria-describedby="escalate-provider-error"{{/m.escalation.refusal.provider}}>{{#m.escalation.providers}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/m.escalation.providers}}</select>
        {{#m.escalation.refusal.provider}}<p class="field-error" id="escalate-provider-error">{{.}}</p>{{/m.escalation.refusal.provider}}
        {{^empty(m.escalation.communications)}}<fieldset data-testid="escalate-messages"><legend>{{t.desk.chooseMessages}}</legend>
        {{#m.escalation.refusal.communications}}<p class="field-error">{{.}}</p>{{/m.escalation.refusal.communications}}
        {{#m.escalation.communications}}{{>desk-pick}}{{/m.escalation.communications}}
        </fieldset>{{/empty(m.escalation.communications)}}
        {{^empty(m.escalation.attachments)}}<fieldset data-testid="escalate-files"><legend>{{t.desk.chooseFiles}}</legend>
        {{#m.escalation.refusal.attachments}}<p class="field-error">{{.}}</p>{{/m.escalation.refusal.attachments}}
        {{#m.escalation.attachments}}{{>desk-pick}}{{/m.escalation.attachments}}
        </fieldset>{{/empty(m.escalation.attachments)}}
        <label for="escalate-note">{{t.desk.upstreamNote}}</label>
        <textarea id="escalate-note" name="body" rows="5" maxlength="8000"{{#m.escalation.refusal.note}} aria-invalid="true" aria-describedby="escalate-note-error"{{/m.escalation.refusal.note}}>{{m.escalation.note}}</textarea>
        {{#m.escalation.refusal.note}}<p class="field-error" id="escalate-note-error">{{.}}</p>{{/m.escalation.refusal.note}}
        <button type="submit">{{t.desk.escalate}}</button>
        </form>
        {{/empty(m.escalation.providers)}}
        {{#empty(m.escalation.providers)}}<p class="empty">{{t.desk.noProvidersLeft}} <a href="/console/desk/upstream">{{t.desk.upstreamProviders}}</a></p>{{/empty(m.escalation.providers)}}
        </section>
        {{/m.escalation.canEscalate}}
        </section>
        """,
    ]
}
