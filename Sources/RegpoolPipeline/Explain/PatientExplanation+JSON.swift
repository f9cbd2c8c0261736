import RegpoolCohort
import RegpoolLinkage
import RegpoolLoad
import RegpoolMapping
import RegpoolModel

/// `regpool explain --json`: the same lineage as one JSON object.
extension PatientExplanation {
    package var json: String {
        JSONValue.object([
            ("pooled_id", .string(pooledID)), ("build_id", .string(buildID)),
            ("records", .array(records.map(Self.record))),
            (
                "links",
                .array(
                    links.map { link in
                        .object([
                            ("event", Self.event(link.event)), ("explanation", link.explanation.map(Self.explanation)),
                        ])
                    })
            ),
            (
                "values",
                .array(
                    values.map { v in
                        .object([
                            ("table", .string(v.table)), ("row", v.row.isEmpty ? nil : .string(v.row)),
                            ("column", .string(v.column)), ("value", JSONValue(v.value)), ("why", .string(v.why)),
                            ("sources", .array(v.candidates.map(Self.candidate))),
                        ])
                    })
            ),
            ("events", .array(events.map(Self.event))), ("notes", .array(notes.map(JSONValue.string))),
        ]).text
    }

    static func record(_ r: Record) -> JSONValue {
        .object([
            ("centre", .string(r.centre)), ("local_id", .string(r.localID)), ("file", .string(r.file)),
            ("locator", .string(r.locator)), ("record_sha256", .string(r.sha256)), ("status", .string(r.status)),
            ("match_probability", r.matchProbability.map(JSONValue.double)),
        ])
    }

    static func candidate(_ c: Candidate) -> JSONValue {
        .object([
            ("member", .string(c.record.member)), ("file", .string(c.record.file)),
            ("locator", .string(c.record.locator)), ("field", c.field.map(JSONValue.string)),
            ("source_value", c.sourceText.map(JSONValue.string)), ("rule", c.rule.map(JSONValue.string)),
            ("conversion", c.conversion.map(JSONValue.string)),
            ("value", JSONValue(c.value)), ("wins", .bool(c.wins)),
        ])
    }

    static func event(_ e: AuditLine) -> JSONValue {
        .object(
            [("seq", .int(e.seq))] + e.fields.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }
                + [("count", e.count.map(JSONValue.int))])
    }

    static func explanation(_ x: LinkExplanation) -> JSONValue {
        .object([
            ("a", .string(x.a.description)), ("b", .string(x.b.description)),
            ("prior", x.prior.map(JSONValue.double)), ("prior_log2_odds", x.priorLog2Odds.map(JSONValue.double)),
            (
                "steps",
                .array(
                    x.steps.map { step in
                        .object([
                            ("comparison", .string(step.comparison.field.rawValue)),
                            ("left", step.comparison.left.map(JSONValue.string)),
                            ("right", step.comparison.right.map(JSONValue.string)),
                            ("level", .string(step.comparison.label)), ("m", step.comparison.m.map(JSONValue.double)),
                            ("u", step.comparison.u.map(JSONValue.double)), ("weight", .double(step.comparison.weight)),
                            ("total", .double(step.total)),
                        ])
                    })
            ),
            ("total_log2_odds", x.totalLog2Odds.map(JSONValue.double)),
            ("probability", x.probability.map(JSONValue.double)),
            ("text", .string(x.text)),
        ])
    }
}
