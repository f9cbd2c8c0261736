/// The audit page's templates: one self-contained HTML file (inline CSS, no script, no network).
enum AuditTemplate {
    static let page = """
        {{> head}}
        <body>
        <header>
        <h1>Audit of build {{build_id}}</h1>
        <p class="meta">regpool {{regpool_version}} · {{event_count}} events in <code>audit.jsonl</code> and
        <code>audit.parquet</code> (<code>seq</code> = line number) · every line below links to the events behind it
        (<a href="#events">listed at the end</a> by line number; a line with more than 20 names the code to query).</p>
        <nav>Centres: {{#centre_index}}<a href="#{{anchor}}">{{id}}</a> {{/centre_index}}{{#has_build_wide}}· <a href="#build">whole build</a>{{/has_build_wide}}</nav>
        </header>
        {{#centres}}
        <section id="{{anchor}}">
        <h2>{{id}}</h2>
        <table>
        <caption>Input files</caption>
        <tr><th>file</th><th class="num">bytes</th><th>SHA-256</th><th class="num">records read</th><th>events</th></tr>
        {{#files}}<tr><td><code>{{path}}</code></td><td class="num">{{bytes}}</td><td><code class="hash">{{sha256}}</code></td><td class="num">{{read}}</td><td>{{#links}}<a href="#e{{seq}}">{{seq}}</a> {{/links}}</td></tr>
        {{/files}}
        </table>
        <p>Records: <b>{{read}}</b> read whole by the extractors (E1003) · <b>{{records}}</b> in source_records:
        <b>{{rejected}}</b> rejected, <b>{{accepted}}</b> mapped into the build (a record the extractor cannot read is
        rejected without being read whole).</p>
        {{#sections}}{{> section}}{{/sections}}
        </section>
        {{/centres}}
        {{#has_build_wide}}
        <section id="build">
        <h2>Whole build</h2>
        {{#build_wide}}{{> section}}{{/build_wide}}
        </section>
        {{/has_build_wide}}
        <section id="events">
        <h2>Events</h2>
        <p class="note">The {{linked_count}} events the lines above link to, as in audit.jsonl.</p>
        <table class="events">
        <tr><th class="num">line</th><th>code</th><th>centre</th><th>file</th><th>locator</th><th>field</th><th>target</th><th>source value</th><th>target value</th><th>rule</th><th class="num">count</th><th>message</th></tr>
        {{#events}}<tr id="e{{seq}}"><td class="num">{{seq}}</td><td>{{code}} {{event}}</td><td>{{centre}}</td><td>{{file}}</td><td>{{locator}}</td><td>{{field}}</td><td>{{target}}</td><td>{{source_value}}</td><td>{{target_value}}</td><td>{{rule}}</td><td class="num">{{count}}</td><td>{{message}}</td></tr>
        {{/events}}
        </table>
        </section>
        </body>
        </html>

        """

    static let section = """
        <table>
        <caption>{{title}}</caption>
        <tr><th>code</th>{{#by_value}}<th>field</th>{{/by_value}}<th>target</th>{{#by_value}}<th>source value</th><th>made</th>{{/by_value}}<th>rule</th><th class="num">values</th><th>events</th></tr>
        {{#lines}}<tr><td>{{code}} {{event}}</td>{{#by_value}}<td>{{field}}</td>{{/by_value}}<td>{{target}}</td>{{#by_value}}<td>{{source_value}}</td><td>{{target_value}}</td>{{/by_value}}<td>{{rule}}</td><td class="num">{{values}}</td><td>{{#links}}<a href="#e{{seq}}">{{seq}}</a> {{/links}}{{more}}</td></tr>
        {{/lines}}
        </table>

        """

    static let style = """
        nav a { margin-right: 8px; }
        code.hash { font-size: 11px; word-break: break-all; }
        table.events td { font-size: 12px; }
        tr:target { background: #fff3b0; }

        """
}
