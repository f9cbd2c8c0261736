/// The page's sections, one Mustache partial each.
enum SectionTemplates {
    static let flow = """
        <section id="flow">
        <h2>Flow of records and patients</h2>
        <svg width="720" height="{{flow.height}}" viewBox="0 0 720 {{flow.height}}" role="img" aria-labelledby="flow-title flow-desc">
        <title id="flow-title">Flow of records and patients</title>
        <desc id="flow-desc">From {{#flow}}{{#boxes}}{{text}} {{n}}; {{/boxes}}rejected records {{rejected.n}}; excluded patients {{excluded.n}}{{/flow}}.</desc>
        <defs><marker id="arrowhead" markerWidth="8" markerHeight="8" refX="7" refY="4" orient="auto"><path d="M0 0 L8 4 L0 8 z"/></marker></defs>
        {{#flow}}
        {{#boxes}}<rect class="box" x="{{x}}" y="{{y}}" width="{{w}}" height="{{h}}" rx="4"/><text x="{{tx}}" y="{{ty1}}" text-anchor="middle">{{text}}</text><text x="{{tx}}" y="{{ty2}}" text-anchor="middle" font-weight="bold">{{n}}</text>
        {{/boxes}}
        {{#arrows}}<line class="arrow" x1="{{x1}}" y1="{{y1}}" x2="{{x2}}" y2="{{y2}}"/>
        {{/arrows}}
        <line class="arrow" x1="170" y1="{{rejected.y}}" x2="378" y2="{{rejected.y}}"/>
        <rect class="side" x="380" y="{{rejected.y}}" width="300" height="40" transform="translate(0,-20)" rx="4"/>
        <text x="392" y="{{rejected.y}}" dy="5">Records rejected: {{rejected.n}} (reasons in audit.jsonl)</text>
        <line class="arrow" x1="170" y1="{{excluded.y}}" x2="378" y2="{{excluded.y}}"/>
        <rect class="side" x="380" y="{{excluded.y}}" width="300" height="{{excluded.h}}" transform="translate(0,-20)" rx="4"/>
        <text x="392" y="{{excluded.y}}" dy="5" font-weight="bold">Patients excluded: {{excluded.n}}</text>
        {{#excluded.reasons}}<text x="404" y="{{y}}" dy="-5">{{label}}: {{n}}</text>
        {{/excluded.reasons}}
        {{/flow}}
        </svg>
        <table>
        <caption>The flow in numbers</caption>
        <tbody>
        {{#flow}}{{#boxes}}<tr><th scope="row">{{text}}</th><td class="num">{{n}}</td></tr>
        {{/boxes}}<tr><th scope="row">Records rejected</th><td class="num">{{rejected.n}}</td></tr>
        <tr><th scope="row">Local patients joined to another by linkage</th><td class="num">{{linked}}</td></tr>
        {{#excluded.reasons}}<tr><th scope="row">Excluded — {{label}}</th><td class="num">{{n}}</td></tr>
        {{/excluded.reasons}}<tr><th scope="row">Patients excluded</th><td class="num">{{excluded.n}}</td></tr>{{/flow}}
        </tbody>
        </table>
        </section>
        """

    static let table1 = """
        <section id="table1">
        <h2>Table 1. Characteristics of the analysed patients</h2>
        <table>
        <caption>Characteristic, N = {{table1.patients}}; percentages are of the patients whose value is known</caption>
        <thead><tr><th scope="col">Characteristic</th><th scope="col" class="num">N = {{table1.patients}}</th><th scope="col" class="num">Missing</th></tr></thead>
        <tbody>
        {{#table1.rows}}<tr><th scope="row">{{label}}</th><td class="num">{{value}}</td><td class="num">{{missing}}</td></tr>
        {{#levels}}<tr><td class="level">{{label}}</td><td class="num">{{value}}</td><td></td></tr>
        {{/levels}}{{/table1.rows}}
        </tbody>
        </table>
        </section>
        """

    static let survival = """
        <section id="survival">
        <h2>Overall survival from LEN failure</h2>
        <p class="note">Kaplan–Meier estimates; medians in months with the 95 % confidence interval (log(−log) transform,
        as lifelines); NR = not reached. Log-rank tests leave out patients whose group is unknown.</p>
        {{#analyses}}
        <h3 id="{{id}}">{{title}}</h3>
        <svg width="720" height="{{height}}" viewBox="0 0 720 {{height}}" role="img" aria-labelledby="{{id}}-title {{id}}-desc">
        <title id="{{id}}-title">{{title}}</title>
        <desc id="{{id}}-desc">Survival probability against months since LEN failure; {{#groups}}{{label}}: {{subjects}} patients, {{events}} deaths, median {{median}}. {{/groups}}</desc>
        {{#y_ticks}}<line class="grid" x1="64" y1="{{y}}" x2="700" y2="{{y}}"/><text x="58" y="{{y}}" dy="4" text-anchor="end">{{label}}</text>
        {{/y_ticks}}{{#x_ticks}}<line class="axis" x1="{{x}}" y1="256" x2="{{x}}" y2="261"/><text x="{{x}}" y="274" text-anchor="middle">{{label}}</text>
        {{/x_ticks}}<line class="axis" x1="64" y1="256" x2="700" y2="256"/><line class="axis" x1="64" y1="16" x2="64" y2="256"/>
        <text x="382" y="{{at_risk_label_y}}" dy="-4" text-anchor="middle">Months since LEN failure — numbers at risk</text>
        {{#groups}}<path d="{{path}}" fill="none" stroke="{{color}}" stroke-width="2"/>
        <rect x="560" y="{{legend_y}}" width="10" height="3" fill="{{color}}" transform="translate(0,-4)"/><text x="576" y="{{legend_y}}">{{label}}</text>
        {{#at_risk}}<text x="{{x}}" y="{{at_risk_y}}" text-anchor="middle" fill="{{color}}">{{n}}</text>{{/at_risk}}
        {{/groups}}
        </svg>
        <table>
        <caption>{{title}}</caption>
        <thead><tr><th scope="col">Group</th><th scope="col" class="num">Patients</th><th scope="col" class="num">Deaths</th><th scope="col" class="num">Median, months (95 % CI)</th></tr></thead>
        <tbody>
        {{#groups}}<tr><th scope="row">{{label}}</th><td class="num">{{subjects}}</td><td class="num">{{events}}</td><td class="num">{{median}}</td></tr>
        {{/groups}}
        </tbody>
        </table>
        <p class="note">{{logrank}} {{excluded_unknown}}</p>
        {{/analyses}}
        </section>
        """

    static let aml = """
        <section id="aml">
        <h2>Cumulative incidence of AML after LEN failure</h2>
        <p class="note">Aalen–Johansen estimate; death without AML is a competing event. {{aml.subjects}} patients:
        {{aml.aml_events}} progressed to AML, {{aml.competing}} died without AML, {{aml.censored}} censored.</p>
        <svg width="720" height="290" viewBox="0 0 720 290" role="img" aria-labelledby="aml-title aml-desc">
        <title id="aml-title">Cumulative incidence of AML after LEN failure</title>
        <desc id="aml-desc">{{#aml.readings}}At {{months}} months: {{incidence}}. {{/aml.readings}}</desc>
        {{#aml.y_ticks}}<line class="grid" x1="64" y1="{{y}}" x2="700" y2="{{y}}"/><text x="58" y="{{y}}" dy="4" text-anchor="end">{{label}}</text>
        {{/aml.y_ticks}}{{#aml.x_ticks}}<line class="axis" x1="{{x}}" y1="256" x2="{{x}}" y2="261"/><text x="{{x}}" y="274" text-anchor="middle">{{label}}</text>
        {{/aml.x_ticks}}<line class="axis" x1="64" y1="256" x2="700" y2="256"/><line class="axis" x1="64" y1="16" x2="64" y2="256"/>
        <path d="{{aml.path}}" fill="none" stroke="#d1495b" stroke-width="2"/>
        </svg>
        <table>
        <caption>Cumulative incidence of AML</caption>
        <thead><tr><th scope="col">Months after LEN failure</th><th scope="col" class="num">Cumulative incidence</th></tr></thead>
        <tbody>{{#aml.readings}}<tr><th scope="row">{{months}}</th><td class="num">{{incidence}}</td></tr>
        {{/aml.readings}}</tbody>
        </table>
        </section>
        """

    static let centres = """
        <section id="centres">
        <h2>Completeness per centre</h2>
        <p class="note">A centre contributed a patient when one of its accepted records belongs to the patient. Cells: % of the
        centre's analysed patients whose value is known (shaded below 50 %).</p>
        <table>
        <caption>Per centre: patients contributed and % known of each variable</caption>
        <thead><tr><th scope="col">Variable</th>{{#centres.rows}}<th scope="col" class="num">{{centre}}</th>{{/centres.rows}}</tr></thead>
        <tbody>
        <tr><th scope="row">Patients contributed</th>{{#centres.rows}}<td class="num">{{patients}}</td>{{/centres.rows}}</tr>
        <tr><th scope="row">Of them analysed</th>{{#centres.rows}}<td class="num">{{analysed}}</td>{{/centres.rows}}</tr>
        {{#centres.variable_rows}}<tr><th scope="row">{{label}}</th>{{#cells}}<td class="num{{#low}} low{{/low}}">{{text}}</td>{{/cells}}</tr>
        {{/centres.variable_rows}}
        </tbody>
        </table>
        </section>
        """
}
