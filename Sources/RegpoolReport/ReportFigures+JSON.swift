import RegpoolModel
import RegpoolStatistics

extension ReportFigures {
    /// report.json: the figures in the documented key order (docs/report.md).
    var json: JSONValue {
        .object([
            ("report_version", .int(1)),
            ("build_id", .string(input.buildID)),
            ("regpool_version", .string(input.regpoolVersion)),
            ("cdm_version", .string(CDM.version)),
            ("flow", flowJSON),
            ("table1", tableOneJSON),
            ("survival", survivalJSON),
            ("aml_incidence", amlJSON),
            ("centres", .array(centres.map(centreJSON))),
        ])
    }

    var flowJSON: JSONValue {
        .object([
            ("records_received", .int(flow.recordsReceived)), ("records_rejected", .int(flow.recordsRejected)),
            ("records_accepted", .int(flow.recordsAccepted)), ("local_patients", .int(flow.localPatients)),
            ("pooled_patients", .int(flow.pooledPatients)),
            (
                "excluded",
                .array(
                    flow.excluded.map {
                        .object([
                            ("reason", .string($0.reason)),
                            ("label", .string(CDM.tokenLabel(column: "reason", token: $0.reason))),
                            ("patients", .int($0.patients)),
                        ])
                    })
            ),
            ("excluded_total", .int(flow.excludedTotal)), ("analysed", .int(flow.analysed)),
        ])
    }

    var tableOneJSON: JSONValue {
        .object([("patients", .int(tableOne.patients)), ("rows", .array(tableOne.rows.map(rowJSON)))])
    }

    func rowJSON(_ row: TableOne.Row) -> JSONValue {
        var members: [(String, JSONValue?)] = [
            ("variable", .string(row.variable.name)), ("table", .string(row.variable.tableName)),
            ("label", .string(CDM.columnLabel(row.variable.name))),
        ]
        switch row.summary {
        case .continuous(let median, let min, let max):
            members += [
                ("kind", .string("continuous")), ("known", .int(row.known)), ("missing", .int(row.missing)),
                ("median", .number(median)), ("min", .number(min)), ("max", .number(max)),
            ]
        case .binary(let count):
            members += [
                ("kind", .string("binary")), ("known", .int(row.known)), ("missing", .int(row.missing)),
                ("count", .int(count)), ("percent", .number(TableOne.percent(count, of: row.known))),
            ]
        case .categorical(let levels):
            members += [
                ("kind", .string("categorical")), ("known", .int(row.known)), ("missing", .int(row.missing)),
                (
                    "levels",
                    .array(
                        levels.map {
                            .object([
                                ("value", .string($0.token)),
                                ("label", .string(CDM.tokenLabel(column: row.variable.name, token: $0.token))),
                                ("count", .int($0.count)),
                                ("percent", .number(TableOne.percent($0.count, of: row.known))),
                            ])
                        })
                ),
            ]
        }
        return .object(members)
    }

    var survivalJSON: JSONValue {
        .object([
            ("endpoint", .string("overall survival from LEN failure")), ("time_unit", .string("months")),
            ("analyses", .array(survival.analyses.map(analysisJSON))),
        ])
    }

    func analysisJSON(_ a: SurvivalSection.Analysis) -> JSONValue {
        .object([
            ("by", a.by.map { .string($0.name) } ?? .null),
            ("label", .string(a.by.map { "By " + CDM.columnLabel($0.name).lowercased() } ?? "All patients")),
            ("excluded_unknown", .int(a.excludedUnknown)),
            (
                "logrank",
                a.logRank.map {
                    .object([
                        ("statistic", .number($0.statistic)), ("degrees_of_freedom", .int($0.degreesOfFreedom)),
                        ("p_value", .number($0.pValue)),
                    ])
                } ?? .null
            ),
            ("groups", .array(a.groups.map { groupJSON($0, by: a.by?.name) })),
        ])
    }

    func groupJSON(_ g: SurvivalSection.Group, by: String?) -> JSONValue {
        let km = g.estimate
        return .object([
            ("group", .string(g.group)),
            ("label", .string(by.map { CDM.tokenLabel(column: $0, token: g.group) } ?? "All patients")),
            ("subjects", .int(km.subjects)), ("events", .int(km.events)),
            ("median", .number(km.median)), ("median_lower", .number(km.medianLower)),
            ("median_upper", .number(km.medianUpper)),
            (
                "at_risk",
                .array(
                    survival.atRiskTimes.map {
                        .object([("months", .number($0)), ("subjects", .int(km.atRisk(at: $0)))])
                    })
            ),
            (
                "curve",
                .array(
                    km.steps.map {
                        .object([
                            ("time", .number($0.time)), ("survival", .number($0.survival)),
                            ("lower", .number($0.lower)),
                            ("upper", .number($0.upper)), ("at_risk", .int($0.atRisk)), ("events", .int($0.events)),
                            ("censored", .int($0.censored)),
                        ])
                    })
            ),
        ])
    }

    var amlJSON: JSONValue {
        let aj = aml.estimate
        return .object([
            ("endpoint", .string("cumulative incidence of AML after LEN failure; death without AML competes")),
            ("subjects", .int(aj.subjects)), ("aml_events", .int(aj.causeEvents)),
            ("competing_deaths", .int(aj.competingEvents)), ("censored", .int(aml.censored)),
            ("left_out_unknown", .int(aml.leftOut)),
            (
                "at",
                .array(
                    AMLIncidence.readingMonths.map {
                        .object([("months", .int($0)), ("incidence", .number(aj.incidence(at: Double($0))))])
                    })
            ),
            (
                "curve",
                .array(aj.steps.map { .object([("time", .number($0.time)), ("incidence", .number($0.incidence))]) })
            ),
        ])
    }

    func centreJSON(_ c: CentreCompleteness) -> JSONValue {
        .object([
            ("centre_id", .string(c.centre)), ("patients", .int(c.patients)), ("analysed", .int(c.analysed)),
            (
                "completeness",
                .array(
                    zip(CohortValues.variables, c.known).map { variable, known in
                        .object([
                            ("variable", .string(variable.name)), ("table", .string(variable.tableName)),
                            ("known", .int(known)), ("percent", .number(TableOne.percent(known, of: c.analysed))),
                        ])
                    })
            ),
        ])
    }
}
