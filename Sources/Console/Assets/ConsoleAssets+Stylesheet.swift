extension ConsoleAssets {
    /// The stylesheet: system fonts with Noto CJK by language, light and dark colours with AA contrast, focus rings.
    static let stylesheet = """
        :root { color-scheme: light dark; --bg: #ffffff; --fg: #1a1a1a; --muted: #4d4d4d; --line: #c8c8c8; --accent: #0b57d0;
          --accent-fg: #ffffff; --panel: #f3f4f6; --danger: #b3261e; --ok: #146c2e; --warn: #7a4f00; --focus: #f59e0b; }
        [data-theme="dark"] { --bg: #121212; --fg: #ececec; --muted: #bdbdbd; --line: #4a4a4a; --accent: #8ab4f8; --accent-fg: #0b1a33;
          --panel: #1f1f1f; --danger: #f28b82; --ok: #81c995; --warn: #fdd663; }
        @media (prefers-color-scheme: dark) { [data-theme="system"] { --bg: #121212; --fg: #ececec; --muted: #bdbdbd; --line: #4a4a4a;
          --accent: #8ab4f8; --accent-fg: #0b1a33; --panel: #1f1f1f; --danger: #f28b82; --ok: #81c995; --warn: #fdd663; } }
        * { box-sizing: border-box; }
        html { background: var(--bg); color: var(--fg); }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        :lang(ja) body, body:lang(ja) { font-family: system-ui, "Noto Sans CJK JP", sans-serif; }
        :lang(ko) body, body:lang(ko) { font-family: system-ui, "Noto Sans CJK KR", sans-serif; }
        :lang(zh-Hans) body, body:lang(zh-Hans) { font-family: system-ui, "Noto Sans CJK SC", sans-serif; }
        h1:lang(ja), h2:lang(ja) { word-break: auto-phrase; }
        a { color: var(--accent); }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        .skip { position: absolute; left: -9999px; }
        .skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; z-index: 10; }
        .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        header.top { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .5rem 1rem;
          border-bottom: 1px solid var(--line); background: var(--panel); }
        header.top .brand { font-weight: 700; text-decoration: none; color: var(--fg); }
        header.top nav ul { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; margin: 0; padding: 0; }
        header.top nav a[aria-current] { font-weight: 700; text-decoration-thickness: 3px; }
        header.top .who { display: flex; gap: .75rem; align-items: center; margin-left: auto; font-size: .9rem; }
        .languages { display: flex; gap: .25rem; }
        .languages button { background: none; color: var(--accent); border: 1px solid transparent; padding: .1rem .4rem; }
        .languages button[aria-pressed="true"] { border-color: var(--line); font-weight: 700; }
        main { padding: 1rem; max-width: 72rem; margin: 0 auto; }
        footer { padding: 1rem; color: var(--muted); font-size: .9rem; border-top: 1px solid var(--line); }
        .narrow { max-width: 28rem; }
        .stack { display: flex; flex-direction: column; gap: .4rem; max-width: 40rem; margin-bottom: 1.5rem; }
        .stack > button, .stack > .actions { align-self: flex-start; }
        ol.runbook-steps li[aria-current] { font-weight: 700; }
        .step-description { border-left: 4px solid var(--accent); padding: 0 1rem; margin: 1rem 0; }
        input, select, textarea, button { font: inherit; color: inherit; }
        input, select, textarea { background: var(--bg); border: 1px solid var(--muted); border-radius: 4px; padding: .4rem .5rem; }
        button, .button { display: inline-block; background: var(--accent); color: var(--accent-fg); border: 0; border-radius: 4px;
          padding: .45rem .9rem; cursor: pointer; text-decoration: none; }
        .button.secondary, button.secondary { background: var(--panel); color: var(--fg); border: 1px solid var(--line); }
        button.danger { background: var(--danger); color: var(--bg); }
        button.link { background: none; color: var(--accent); padding: 0; text-decoration: underline; }
        form.inline { display: inline; }
        .inline { display: inline-flex; gap: .3rem; align-items: center; margin-right: 1rem; }
        .hint, .meta { color: var(--muted); font-size: .9rem; margin: 0; }
        .errors { border: 2px solid var(--danger); padding: .5rem 1rem; border-radius: 4px; }
        .notice { border-left: 4px solid var(--ok); padding: .4rem .8rem; background: var(--panel); }
        .title-bar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
        .title-bar h1 { margin-right: auto; }
        table.list { border-collapse: collapse; width: 100%; }
        table.list th, table.list td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        .impact, .status { display: inline-block; padding: 0 .4rem; border-radius: 4px; border: 1px solid var(--line); white-space: nowrap; }
        .impact-1, .impact-2 { border-color: var(--danger); color: var(--danger); font-weight: 700; }
        .status-open { border-color: var(--danger); color: var(--danger); }
        .status-resolved { border-color: var(--ok); color: var(--ok); }
        .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .75rem; margin: 1rem 0; }
        .tile { background: var(--panel); padding: .6rem .8rem; border-radius: 6px; }
        .tile dt { color: var(--muted); font-size: .9rem; }
        .tile dd { margin: 0; font-size: 1.2rem; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .75rem; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
        .facts dd { margin: 0; }
        .prose { white-space: pre-wrap; overflow-wrap: anywhere; }
        code, .arn { overflow-wrap: anywhere; }
        .tabs ul { display: flex; flex-wrap: wrap; gap: 0 1rem; list-style: none; padding: 0; border-bottom: 1px solid var(--line); }
        .tabs a { display: inline-block; padding: .4rem 0; }
        .tabs a[aria-current] { font-weight: 700; border-bottom: 3px solid var(--accent); }
        ol.notes, ol.timeline { list-style: none; padding: 0; }
        ol.notes li, ol.timeline li { border-bottom: 1px solid var(--line); padding: .4rem 0; }
        .empty { color: var(--muted); }
        details.edit { margin: 1rem 0; }
        details.edit summary { cursor: pointer; color: var(--accent); }
        fieldset { border: 1px solid var(--line); border-radius: 4px; }
        dialog { border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
        table.month { border-collapse: collapse; width: 100%; table-layout: fixed; }
        table.month th, table.month td { border: 1px solid var(--line); vertical-align: top; padding: .25rem; font-size: .85rem; overflow-wrap: anywhere; }
        table.month td.other-month { background: var(--panel); }
        table.month td.today { outline: 3px solid var(--accent); outline-offset: -3px; }
        table.month .day { font-weight: 700; }
        ul.entries, ol.week, ul.inline-list, ol.inline-list, ol.stages, ul.pages { list-style: none; padding: 0; margin: 0; }
        ul.inline-list li, ol.inline-list li { display: inline; }
        ul.inline-list li + li::before, ol.inline-list li + li::before { content: ", "; }
        ol.stages > li, ul.pages > li, ol.week > li { border-bottom: 1px solid var(--line); padding: .4rem 0; }
        .tag { border: 1px solid currentColor; border-radius: 3px; padding: 0 .25rem; font-size: .8rem; }
        li.override { font-style: italic; }
        pre.command { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--panel); padding: .5rem; }
        @media (max-width: 40rem) { .month-grid { display: none; } }
        .due { display: inline-block; padding: 0 .4rem; border-radius: 4px; border: 1px solid var(--line); }
        .due-breached { border: 2px solid var(--danger); color: var(--danger); font-weight: 700; }
        .due-paused { border-style: dashed; color: var(--warn); }
        ol.steps { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; }
        ol.steps li[aria-current] { font-weight: 700; }
        ul.coach { padding-left: 1.25rem; }
        form.filters { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .5rem 0 1rem; }
        .field-error { color: var(--danger); font-weight: 700; margin: 0; }
        input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"] { border: 2px solid var(--danger); }
        .status-failed { border: 2px solid var(--danger); color: var(--danger); font-weight: 700; }
        .status-active { border-color: var(--accent); color: var(--accent); }
        label.pick { display: flex; gap: .5rem; align-items: baseline; margin: .2rem 0; }
        article.escalation { margin: .75rem 0; }
        ol.notes li.direction-down { border-left: 4px solid var(--accent); padding-left: .6rem; }
        ol.notes li.direction-up { border-left: 4px solid var(--line); padding-left: .6rem; }
        @media (max-width: 40rem) { header.top .who { margin-left: 0; } table.list th:nth-child(4), table.list td:nth-child(4) { display: none; } }
        """
}
