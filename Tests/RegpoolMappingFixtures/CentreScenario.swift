import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// Two small centres exported the way registries send them: fr-lyon (three CSV sources,
/// French labels, decimal comma, g/L) and de-ulm (one wide CSV).
package enum CentreScenario {
    typealias F = Fixtures

    package static let lyonPatientNames = FieldNames([
        "NUM_PATIENT", "SEXE", "ANNEE_NAISSANCE", "DATE_DIAG", "OMS", "BLASTES", "METHODE_5Q", "CARYOTYPE", "HB_G_L",
        "STATUT", "DATE_DECES", "DERNIERES_NOUVELLES", "DATE_LAM",
    ])
    package static let lyonPatients = F.source(
        "patients",
        tables: [
            (
                "patients",
                [
                    [
                        F.rule("sex", field: "SEXE", map: [("M", "male"), ("F", "female")]),
                        F.rule("birth_year", field: "ANNEE_NAISSANCE"),
                        F.rule("diagnosis_date", field: "DATE_DIAG", date: "dd/MM/yyyy"),
                        F.rule(
                            "who_class", field: "OMS",
                            map: [("AR", "ra"), ("5q-", "del5q_syndrome"), ("AREB-1", "raeb1"), ("AREB-2", "raeb2")]),
                        F.rule("bm_blasts_pct", field: "BLASTES", decimal: ","),
                        F.rule(
                            "del5q_method", field: "METHODE_5Q", map: [("caryotype", "karyotype"), ("FISH", "fish")]),
                        F.rule(
                            "karyotype_category", field: "CARYOTYPE",
                            map: [("5q isolée", "isolated_del5q"), ("complexe", "complex_del5q")]),
                        F.rule("hb_g_dl", field: "HB_G_L", decimal: ",", factor: 0.1, unit: "g/L"),
                    ]
                ]
            ),
            (
                "outcomes",
                [
                    [
                        F.rule("vital_status", field: "STATUT", map: [("vivant", "alive"), ("décédé", "dead")]),
                        F.rule("death_date", field: "DATE_DECES", date: "dd/MM/yyyy"),
                        F.rule("last_contact_date", field: "DERNIERES_NOUVELLES", date: "dd/MM/yyyy"),
                        F.rule("aml_progression_date", field: "DATE_LAM", date: "dd/MM/yyyy"),
                    ]
                ]
            ),
        ])
    package static let lyonCourseNames = FieldNames([
        "NUM_PATIENT", "CURE", "DEBUT", "FIN", "DOSE", "ASSOCIE", "DATE_ECHEC", "ECHEC",
    ])
    package static let lyonCourses = F.source(
        "courses",
        tables: [
            (
                "len_courses",
                [
                    [
                        F.rule("course_number", field: "CURE"),
                        F.rule("start_date", field: "DEBUT", date: "dd/MM/yyyy"),
                        F.rule("end_date", field: "FIN", date: "dd/MM/yyyy"),
                        F.rule("initial_dose_mg", field: "DOSE", decimal: ","),
                        F.rule(
                            "combined_with", field: "ASSOCIE",
                            map: [("non", "none"), ("EPO", "esa"), ("azacitidine", "hma")]),
                        F.rule("failure_date", field: "DATE_ECHEC", date: "dd/MM/yyyy"),
                        F.rule(
                            "failure_type", field: "ECHEC",
                            map: [("perte de réponse", "loss_of_response"), ("pas de réponse", "no_response")]),
                    ]
                ]
            )
        ])
    package static let lyonLineNames = FieldNames(["NUM_PATIENT", "LIGNE", "TYPE"])
    package static let lyonLines = F.source(
        "treatments",
        tables: [
            (
                "treatment_lines",
                [
                    [
                        F.rule("line_number", field: "LIGNE"),
                        F.rule("category", field: "TYPE", map: [("Azacitidine", "hma"), ("Soins de support", "bsc")]),
                    ]
                ]
            )
        ])

    package static var lyon: CentreConfig { F.centre }

    /// fr-lyon's records as (source, record), in file-name then file order.
    package static func lyonRecords() -> [(SourceSpec, SourceRecord)] {
        let p = lyonPatientNames
        let c = lyonCourseNames
        let l = lyonLineNames
        return [
            (
                lyonPatients,
                F.record(
                    "patients_2024.csv", line: 2, p,
                    [
                        "1001", "F", "1940", "15/06/2010", "5q-", "3", "caryotype",
                        "5q isolée", "92,0", "décédé", "01/09/2013", "01/08/2013", "01/02/2013",
                    ])
            ),
            (
                lyonPatients,
                F.record(
                    "patients_2024.csv", line: 3, p,
                    [
                        "1002", "M", "1950", "01/01/2011", "AR", "2", "FISH",
                        "", "", "vivant", "05/05/2014", "01/06/2014", "",
                    ])
            ),
            (
                lyonCourses,
                F.record(
                    "cures_2024.csv", line: 2, c,
                    [
                        "1001", "1", "10/01/2011", "", "10", "non", "01/03/2012",
                        "perte de réponse",
                    ])
            ),
            (lyonCourses, F.record("cures_2024.csv", line: 3, c, ["1003", "1", "10/01/2012", "", "5", "non", "", ""])),
            (lyonLines, F.record("traitements_2024.csv", line: 2, l, ["1001", "1", "Azacitidine"])),
        ]
    }

    package static let ulm = CentreConfig(
        id: "de-ulm", region: "europe", cohortSource: "clinical_trial", inbox: "inbox/de-ulm",
        mapping: "mappings/de-ulm.yaml", location: F.loc(12))
    package static let ulmNames = FieldNames([
        "PID", "GESCHLECHT", "WHO", "METHODE", "START", "ENDE_DATUM", "ENDE_GRUND", "STATUS", "LETZTER",
    ])
    package static let ulmSource = F.source(
        "export", key: "PID",
        tables: [
            (
                "patients",
                [
                    [
                        F.rule("sex", field: "GESCHLECHT", map: [("w", "female"), ("m", "male")]),
                        F.rule("who_class", field: "WHO"), F.rule("del5q_method", field: "METHODE"),
                    ]
                ]
            ),
            (
                "len_courses",
                [
                    [
                        F.constant("course_number", "1"), F.rule("start_date", field: "START", date: "dd.MM.yyyy"),
                        F.rule("failure_date", field: "ENDE_DATUM", date: "dd.MM.yyyy"),
                        F.rule("failure_type", field: "ENDE_GRUND"),
                    ]
                ]
            ),
            (
                "outcomes",
                [
                    [
                        F.rule("vital_status", field: "STATUS"),
                        F.rule("last_contact_date", field: "LETZTER", date: "dd.MM.yyyy"),
                    ]
                ]
            ),
        ])

    package static func ulmRecords() -> [(SourceSpec, SourceRecord)] {
        [
            (
                ulmSource,
                F.record(
                    "export.csv", line: 2, ulmNames,
                    ["A-7", "w", "ra", "fish", "01.02.2012", "01.02.2013", "no_response", "alive", ""])
            )
        ]
    }

    /// Maps `records` for `centre` in the given order.
    package static func result(
        _ centre: CentreConfig, _ mapping: MappingConfig, _ records: [(SourceSpec, SourceRecord)]
    ) -> CentreResult {
        var m = CentreMapper(centre: centre, mapping: mapping)
        for (s, r) in records { m.map(r, source: s) }
        return m.finish()
    }

    package static func lyonResult(_ records: [(SourceSpec, SourceRecord)] = lyonRecords()) -> CentreResult {
        result(lyon, F.mapping([lyonPatients, lyonCourses, lyonLines]), records)
    }

    package static func ulmResult() -> CentreResult {
        result(ulm, F.mapping([ulmSource]), ulmRecords())
    }

    package static let key = Array("0123456789abcdef0123456789abcdef".utf8)
}
