/// clerical-review.html: a self-contained page (inline CSS, no script), one table per pair. The
/// page and each pair are separate templates, so a review of 100,000 pairs is rendered pair by
/// pair instead of holding one template context for all of them.
enum ClericalReviewTemplate {
    static let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Clerical review — {{build_id}}</title>
        <style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #bbb;padding:.25em .6em;text-align:left}th{background:#eee}.pos{color:#070}.neg{color:#a00}.none{color:#777}</style>
        </head>
        <body>
        <h1>Clerical review</h1>
        <p>Build <code>{{build_id}}</code>. {{pair_count}} pair(s) scored between the review threshold ({{review_threshold}}) and the link threshold ({{link_threshold}}); they are separate patients in this build. To decide, copy the pair's first six columns of <code>clerical-review.csv</code> into the overrides file with <code>force_link</code> or <code>force_separate</code> and a reason; the next run applies and audits it (L4004).</p>
        {{{sections}}}{{#more}}
        <p>{{more}} more pair(s) are not shown here: a page is read by a person, so it shows the first {{shown}} in the order of <code>clerical-review.csv</code>, which lists every pair.</p>
        {{/more}}
        </body>
        </html>

        """

    /// One pair's heading and comparison table (escaped by Mustache); `page` inserts them in order.
    static let pair = """
        <h2>{{number}}. {{centre_a}} {{local_id_a}} — {{centre_b}} {{local_id_b}}</h2>
        <p>Match probability <b>{{probability}}</b>, total weight {{total_weight}} (prior included).</p>
        <table>
        <tr><th>comparison</th><th>{{centre_a}}</th><th>{{centre_b}}</th><th>level</th><th>weight</th></tr>
        {{#comparisons}}
        <tr><td>{{field}}</td><td>{{value_a}}</td><td>{{value_b}}</td><td>{{level}}</td>{{#has_weight}}<td class="{{weight_class}}">{{weight}}</td>{{/has_weight}}{{^has_weight}}<td class="none">missing: no evidence</td>{{/has_weight}}</tr>
        {{/comparisons}}
        </table>

        """
}
