/// The report page: one self-contained HTML file (inline CSS and SVG, no script, no external URL).
enum PageTemplate {
    static let text = """
        {{> head}}
        <body>
        <header>
        <h1>Pooled del(5q) MDS cohort after lenalidomide failure</h1>
        <p class="meta">Build <code>{{build_id}}</code> · regpool {{regpool_version}} · CDM version {{cdm_version}} ·
        every figure is also in <code>report.json</code></p>
        </header>
        {{> flow}}
        {{> table1}}
        {{> survival}}
        {{> aml}}
        {{> centres}}
        </body>
        </html>

        """
}
