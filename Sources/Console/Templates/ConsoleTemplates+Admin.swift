extension ConsoleTemplates {
    /// The admin pages.
    static let admin: [String: String] = [
        "admin-tabs": """
        <nav class="tabs" aria-label="{{t.admin.title}}"><ul><li><a href="/console/admin/users">{{t.admin.users}}</a></li><li><a href="/console/admin/keys">{{t.admin.accessKeys}}</a></li></ul></nav>
        """,
        "admin-users": """
        {{<layout}}{{$body}}
        <h1>{{t.admin.users}}</h1>
        {{>admin-tabs}}
        {{>errors}}
        {{#m.created}}<div class="notice" role="status" data-testid="created-password"><p>{{m.created}}</p></div>{{/m.created}}
        <table class="list" data-testid="users"><thead><tr><th scope="col">{{t.admin.userName}}</th><th scope="col">{{t.admin.role}}</th><th scope="col">{{t.admin.state}}</th><th scope="col">{{t.admin.created}}</th><th scope="col">{{t.admin.changeRole}}</th></tr></thead>
        <tbody>{{#m.users}}<tr><td>{{userName}}</td><td>{{roleLabel}}</td><td>{{stateLabel}}</td><td>{{#created}}{{>time}}{{/created}}</td>
        <td>{{^isSelf}}<form method="post" action="/console/admin/users/{{userID}}" class="inline"><input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <label class="sr-only" for="role-{{userID}}">{{t.admin.role}} {{userName}}</label><select id="role-{{userID}}" name="role">{{#roles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/roles}}</select>
        <button type="submit">{{t.admin.changeRole}}</button>
        {{#disabled}}<button type="submit" name="disabled" value="false" class="secondary">{{t.admin.enable}}</button>{{/disabled}}{{^disabled}}<button type="submit" name="disabled" value="true" class="danger">{{t.admin.disable}}</button>{{/disabled}}</form>{{/isSelf}}</td></tr>{{/m.users}}</tbody></table>
        <h2 id="create-user">{{t.admin.createUser}}</h2>
        <form method="post" action="/console/admin/users" class="stack" aria-labelledby="create-user" data-testid="create-user">
        <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
        <label for="new-user">{{t.admin.userName}}</label><input id="new-user" name="username" required maxlength="64" autocomplete="off">
        <label for="new-role">{{t.admin.role}}</label><select id="new-role" name="role">{{#m.roles}}<option value="{{value}}">{{label}}</option>{{/m.roles}}</select>
        <label for="new-password">{{t.admin.passwordOptional}}</label><input id="new-password" name="password" type="password" autocomplete="new-password">
        <label for="new-contact">{{t.admin.contactArn}}</label><input id="new-contact" name="contact" maxlength="2048">
        <label for="new-agent">{{t.admin.agentID}}</label><input id="new-agent" name="agent" maxlength="64">
        <button type="submit">{{t.admin.createUser}}</button>
        </form>
        {{/body}}{{/layout}}
        """,
        "admin-keys": """
        {{<layout}}{{$body}}
        <h1>{{t.admin.accessKeys}}</h1>
        {{>admin-tabs}}
        {{#m.secret}}<div class="notice" role="status" data-testid="new-key"><p>{{t.admin.keyCreated}}</p>
        <dl class="facts"><dt>{{t.admin.accessKeyID}}</dt><dd><code>{{m.newKeyID}}</code></dd><dt>{{t.admin.secret}}</dt><dd><code data-testid="new-secret">{{m.secret}}</code></dd></dl></div>{{/m.secret}}
        {{#empty(m.keys)}}<p class="empty">{{t.admin.noKeys}}</p>{{/empty(m.keys)}}
        {{^empty(m.keys)}}<table class="list" data-testid="keys"><thead><tr><th scope="col">{{t.admin.accessKeyID}}</th><th scope="col">{{t.admin.state}}</th><th scope="col">{{t.admin.created}}</th><th scope="col"><span class="sr-only">{{t.admin.state}}</span></th></tr></thead>
        <tbody>{{#m.keys}}<tr><td><code>{{accessKeyID}}</code></td><td>{{stateLabel}}</td><td>{{#created}}{{>time}}{{/created}}</td>
        <td><form method="post" action="/console/admin/keys/{{accessKeyID}}" class="inline"><input type="hidden" name="_csrf" value="{{chrome.csrf}}">{{#active}}<button type="submit" name="status" value="Inactive" class="danger">{{t.admin.deactivate}}</button>{{/active}}{{^active}}<button type="submit" name="status" value="Active">{{t.admin.activate}}</button>{{/active}}</form></td></tr>{{/m.keys}}</tbody></table>{{/empty(m.keys)}}
        <form method="post" action="/console/admin/keys" data-testid="create-key"><input type="hidden" name="_csrf" value="{{chrome.csrf}}"><button type="submit">{{t.admin.createKey}}</button></form>
        {{/body}}{{/layout}}
        """,
    ]
}
