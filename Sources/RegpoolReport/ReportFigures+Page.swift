import RegpoolModel

/// The values the page template shows (strings, lists and flags only: all formatting is done here).
extension ReportFigures {
    var page: [String: Any] {
        [
            "title": "Cohort report, build \(input.buildID)",
            "build_id": input.buildID, "regpool_version": input.regpoolVersion, "cdm_version": CDM.version,
            "flow": flowPage, "table1": tableOnePage,
            "analyses": survival.analyses.enumerated().map { analysisPage($1, index: $0) },
            "aml": amlPage, "centres": centresPage,
        ]
    }

    var tableOnePage: [String: Any] {
        [
            "patients": tableOne.patients,
            "rows": tableOne.rows.map { row -> [String: Any] in
                let label = CDM.columnLabel(row.variable.name)
                let missing = row.missing > 0 ? "\(row.missing)" : ""
                switch row.summary {
                case .continuous(let median, let min, let max):
                    return [
                        "label": label + ", median (range)",
                        "value": "\(Format.one(median)) (\(Format.one(min))–\(Format.one(max)))",
                        "missing": missing, "levels": [Any](),
                    ]
                case .binary(let count):
                    return [
                        "label": label + ", n (%)", "value": Format.count(count, of: row.known), "missing": missing,
                        "levels": [Any](),
                    ]
                case .categorical(let levels):
                    return [
                        "label": label + ", n (%)", "value": "", "missing": missing,
                        "levels": levels.map {
                            [
                                "label": CDM.tokenLabel(column: row.variable.name, token: $0.token),
                                "value": Format.count($0.count, of: row.known),
                            ]
                        },
                    ]
                }
            },
        ]
    }

    func analysisPage(_ a: SurvivalSection.Analysis, index: Int) -> [String: Any] {
        let chart = Chart(xMax: survival.horizon, yMax: 1)
        let groups = a.groups.enumerated().map { i, g -> [String: Any] in
            let label = a.by.map { CDM.tokenLabel(column: $0.name, token: g.group) } ?? "All patients"
            let km = g.estimate
            return [
                "label": label, "color": Chart.palette[i % Chart.palette.count],
                "path": chart.stepPath(km.steps.map { ($0.time, $0.survival) }),
                "subjects": km.subjects, "events": km.events,
                "median": Format.median(km.median, km.medianLower, km.medianUpper),
                "legend_y": Chart.f(Chart.plotTop + 14 * Double(i) + 10),
                "at_risk_y": Chart.f(Chart.plotBottom + 58 + 16 * Double(i)),
                "at_risk": survival.atRiskTimes.map { ["x": Chart.f(chart.x($0)), "n": km.atRisk(at: $0)] },
            ]
        }
        let title =
            a.by.map { "Overall survival by " + CDM.columnLabel($0.name).lowercased() }
            ?? "Overall survival, all patients"
        return [
            "id": "os-\(index)", "title": title, "groups": groups,
            "x_ticks": chart.xTicks(step: SurvivalSection.atRiskStep), "y_ticks": chart.yTicks(),
            "height": Chart.f(Chart.plotBottom + 70 + 16 * Double(a.groups.count)),
            "at_risk_label_y": Chart.f(Chart.plotBottom + 42),
            "logrank": a.logRank.map {
                "Log-rank test: χ² = \(Format.one($0.statistic)), \($0.degreesOfFreedom) df, p = \(Format.p($0.pValue))"
            }
                ?? (a.by == nil ? "" : "Log-rank test: fewer than two groups"),
            "excluded_unknown": a.excludedUnknown > 0
                ? "\(a.excludedUnknown) patient(s) with an unknown value are left out." : "",
        ]
    }

    var amlPage: [String: Any] {
        let aj = aml.estimate
        let top = max(0.1, ((aj.steps.map(\.incidence).max() ?? 0) * 10).rounded(.up) / 10)
        let chart = Chart(xMax: survival.horizon, yMax: top)
        return [
            "path": chart.stepPath(aj.steps.map { ($0.time, $0.incidence) }),
            "x_ticks": chart.xTicks(step: SurvivalSection.atRiskStep), "y_ticks": chart.yTicks(),
            "subjects": aj.subjects, "aml_events": aj.causeEvents, "competing": aj.competingEvents,
            "censored": aml.censored,
            "readings": AMLIncidence.readingMonths.map {
                ["months": $0, "incidence": Format.one(aj.incidence(at: Double($0)) * 100) + " %"]
            },
        ]
    }

    var centresPage: [String: Any] {
        [
            "rows": centres.map { ["centre": $0.centre, "patients": $0.patients, "analysed": $0.analysed] },
            "variable_rows": CohortValues.variables.indices.map { v -> [String: Any] in
                [
                    "label": CDM.columnLabel(CohortValues.variables[v].name),
                    "cells": centres.map { c -> [String: Any] in
                        let percent = TableOne.percent(c.known[v], of: c.analysed)
                        return ["text": Format.one(percent), "low": percent.map { $0 < 50 } ?? false]
                    },
                ]
            },
        ]
    }
}
