import RegpoolConfig
import RegpoolConfigParser
import XCTest

/// The pipeline's `linkage:` section: read strictly, every mistake placed and reported at once.
final class LinkageConfigTests: XCTestCase {
    /// Six lines: the pipeline around a linkage section (which starts on line 7).
    static let head = """
        version: 1
        name: n
        output: out
        pseudonym_key: { env: REGPOOL_KEY }
        centres: [{ id: be-gent, region: europe, cohort_source: registry, inbox: g, mapping: g.yaml },
                  { id: de-ulm-trial, region: europe, cohort_source: clinical_trial, inbox: u, mapping: u.yaml }]

        """

    static let full =
        head + """
            linkage:
              deterministic:
                - name: gent-cites-ulm-trial
                  left:  {centre: be-gent, key: ulm_subject_id}
                  right: {centre: de-ulm-trial, key: local_id}
                - name: national-id
                  left: {key: nat_id}
                  right: {key: nat_id}
              probabilistic:
                blocking:
                  - on: [sex, birth_year]
                    sort: len_start_date
                    window: 20
                  - on: [birth_year]
                comparisons:
                  - field: sex
                    m: [0.98, 0.02]
                  - field: birth_year
                    levels: [0, 1]
                  - field: diagnosis_date
                    levels: [0, 7, 31]
                  - field: len_initial_dose
                    levels: [0, 2.5]
                estimate: {em: {max_iterations: 50, tolerance: 1e-8}}
                prior: 0.002
                thresholds: {link: 0.9, review: 0.4}
              survivorship:
                source_priority: [clinical_trial, registry, compassionate_use]
                date_tolerance_days: 3
              overrides: ../linkage/overrides.csv
              crosswalk: ../builds/current/crosswalk.csv
            """

    func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: "pipelines/p.yaml", line: line, column: column)
    }

    func parse(_ yaml: String) throws -> LinkageSettings {
        let config = try PipelineParser.parse(
            yaml: yaml, file: "pipelines/p.yaml", baseDirectory: "/srv/regpool/pipelines")
        return try XCTUnwrap(config.linkage)
    }

    func testFullSectionIsReadWithLocationsAndResolvedPaths() throws {
        let linkage = try parse(Self.full)
        XCTAssertEqual(linkage.location, at(7, 1))
        XCTAssertEqual(
            linkage.deterministic,
            [
                DeterministicRule(
                    name: "gent-cites-ulm-trial", left: .init(centre: "be-gent", key: "ulm_subject_id"),
                    right: .init(centre: "de-ulm-trial", key: "local_id"), location: at(9, 7)),
                DeterministicRule(
                    name: "national-id", left: .init(centre: nil, key: "nat_id"),
                    right: .init(centre: nil, key: "nat_id"), location: at(12, 7)),
            ])
        let p = try XCTUnwrap(linkage.probabilistic)
        XCTAssertEqual(
            p.blocking,
            [
                BlockingRule(on: [.sex, .birthYear], sort: .lenStartDate, window: 20, location: at(17, 9)),
                BlockingRule(on: [.birthYear], location: at(20, 9)),
            ])
        XCTAssertEqual(
            p.comparisons,
            [
                ComparisonSpec(field: .sex, tolerances: [0], m: [0.98, 0.02], location: at(22, 9)),
                ComparisonSpec(field: .birthYear, tolerances: [0, 1], location: at(24, 9)),
                ComparisonSpec(field: .diagnosisDate, tolerances: [0, 7, 31], location: at(26, 9)),
                ComparisonSpec(field: .lenInitialDose, tolerances: [0, 2.5], location: at(28, 9)),
            ])
        XCTAssertEqual(p.estimation, .em(maxIterations: 50, tolerance: 1e-8))
        XCTAssertEqual(p.prior, 0.002)
        XCTAssertEqual(p.linkThreshold, 0.9)
        XCTAssertEqual(p.reviewThreshold, 0.4)
        XCTAssertEqual(
            linkage.survivorship,
            SurvivorshipSettings(
                sourcePriority: ["clinical_trial", "registry", "compassionate_use"],
                dateToleranceDays: 3))
        XCTAssertEqual(linkage.overrides, "/srv/regpool/linkage/overrides.csv")
        XCTAssertEqual(linkage.crosswalk, "/srv/regpool/builds/current/crosswalk.csv")
    }

    func testAPipelineWithoutLinkageHasNone() throws {
        let config = try PipelineParser.parse(yaml: Self.head, file: "p.yaml", baseDirectory: ".")
        XCTAssertNil(config.linkage)
    }

    func testOmittedKeysTakeTheirDefaults() throws {
        let linkage = try parse(
            Self.head + """
                linkage:
                  probabilistic:
                    blocking: [{ sort: diagnosis_date, window: 10 }]
                    comparisons: [{ field: who_class }]
                """)
        XCTAssertEqual(linkage.deterministic, [])
        XCTAssertEqual(linkage.survivorship, .defaults)
        XCTAssertNil(linkage.overrides)
        XCTAssertNil(linkage.crosswalk)
        let p = try XCTUnwrap(linkage.probabilistic)
        XCTAssertEqual(p.blocking, [BlockingRule(on: [], sort: .diagnosisDate, window: 10, location: at(9, 16))])
        XCTAssertEqual(p.comparisons, [ComparisonSpec(field: .whoClass, tolerances: [0], location: at(10, 19))])
        XCTAssertEqual(p.estimation, .em(maxIterations: 100, tolerance: 1e-6))
        XCTAssertNil(p.prior)
        XCTAssertEqual(p.linkThreshold, 0.95)
        XCTAssertEqual(p.reviewThreshold, 0.5)
        XCTAssertEqual(
            try parse(Self.head + "linkage: { overrides: o.csv }\n").overrides, "/srv/regpool/pipelines/o.csv")
    }

    func testGivenEstimationTakesMAndUFromEveryComparison() throws {
        let linkage = try parse(
            Self.head + """
                linkage:
                  probabilistic:
                    blocking: [{ on: [sex] }]
                    comparisons:
                      - { field: birth_year, levels: [0, 1], m: [0.9, 0.08, 0.02], u: [0.05, 0.1, 0.85] }
                    estimate: given
                    prior: 0.01
                """)
        let p = try XCTUnwrap(linkage.probabilistic)
        XCTAssertEqual(p.estimation, .given)
        XCTAssertEqual(p.comparisons[0].m, [0.9, 0.08, 0.02])
        XCTAssertEqual(p.comparisons[0].u, [0.05, 0.1, 0.85])
    }

    func testDeterministicRuleMistakes() {
        let problems = pipelineProblems(
            Self.head + """
                linkage:
                  deterministic:
                    - name: cites
                      left: {centre: be-gnet, key: ulm_subject_id}
                      right: {centre: de-ulm-trial, key: local_id}
                    - name: cites
                      left: {centre: be-gent, key: x}
                      right: {centre: be-gent, key: y}
                    - name: third
                      left: {center: be-gent, key: x}
                      right: {centre: de-ulm-trial}
                """)
        XCTAssertEqual(places(problems), ["10:22", "12:13", "14:14", "16:14", "17:14"])
        guard problems.count == 5 else { return }
        XCTAssertEqual(
            problems[0].message, "'be-gnet' is not a centre of this pipeline; centres: be-gent, de-ulm-trial")
        XCTAssertEqual(problems[0].hint, "did you mean 'be-gent'?")
        XCTAssertEqual(problems[1].message, "duplicate rule name 'cites' (first at line 9)")
        XCTAssertEqual(
            problems[2].message, "'left' and 'right' both name centre 'be-gent'; a rule links two different centres")
        XCTAssertEqual(problems[3].message, "unknown key 'center' in 'left'; allowed keys: centre, key")
        XCTAssertEqual(problems[3].hint, "did you mean 'centre'?")
        XCTAssertEqual(problems[4].message, "missing required key 'key' in 'right'")
    }

    func testBlockingMistakes() {
        let problems = pipelineProblems(
            Self.head + """
                linkage:
                  probabilistic:
                    blocking:
                      - on: [sex, birth_yaer]
                        window: 1
                      - sort: len_start_date
                      - on: []
                      - on: [sex, sex]
                        sort: sex
                        window: 5
                    comparisons: [{ field: sex }]
                """)
        XCTAssertEqual(places(problems), ["10:19", "11:9", "11:17", "12:9", "13:9", "14:19", "15:15"])
        guard problems.count == 7 else { return }
        XCTAssertEqual(
            problems[0].message,
            "'birth_yaer' is not a linkage field; fields: sex, birth_year, birth_month, "
                + "diagnosis_date, len_start_date, len_initial_dose, karyotype_category, who_class, region")
        XCTAssertEqual(problems[0].hint, "did you mean 'birth_year'?")
        XCTAssertEqual(problems[1].message, "'window' needs a 'sort' field")
        XCTAssertEqual(problems[2].message, "'window' must be at least 2, found 1")
        XCTAssertEqual(problems[3].message, "'sort' needs a 'window' (how many neighbours in sort order are compared)")
        XCTAssertEqual(problems[4].message, "a blocking pass needs 'on' fields or a 'sort' field")
        XCTAssertEqual(problems[5].message, "'sex' is listed twice in 'on'")
        XCTAssertEqual(
            problems[6].message, "'sort' field 'sex' is also an 'on' field: within the pass it never differs")
    }

    func testComparisonMistakes() {
        let problems = pipelineProblems(
            Self.head + """
                linkage:
                  probabilistic:
                    blocking: [{ on: [sex] }]
                    comparisons:
                      - { field: sex, levels: [0, 1] }
                      - { field: diagnosis_date, levels: [0, 31, 7] }
                      - { field: len_start_date, levels: [-1, 0.5] }
                      - { field: birth_year, levels: [0, 1], m: [0.9, 0.1] }
                      - { field: birth_month, u: [0.2, 0.7] }
                      - { field: region, m: [1, 0] }
                      - { field: sex }
                      - { feild: who_class }
                """)
        XCTAssertEqual(
            places(problems),
            [
                "11:31", "12:50", "13:43", "14:49", "15:34", "16:30", "16:33",
                "17:18", "18:9", "18:11",
            ])
        guard problems.count == 10 else { return }
        XCTAssertEqual(problems[0].message, "sex is a category: it agrees or not, so its levels can only be [0]")
        XCTAssertEqual(problems[1].message, "levels must ascend: 7 does not exceed the level before it")
        XCTAssertEqual(problems[2].message, "a level must not be negative, found -1")
        XCTAssertEqual(problems[3].message, "'m' needs 3 values (one per level, then disagreement), found 2")
        XCTAssertEqual(problems[3].hint, "levels 0, 1 and disagreement")
        XCTAssertEqual(problems[4].message, "the values of 'u' must add up to 1, found 0.8999999999999999")
        XCTAssertEqual(problems[5].message, "each entry of 'm' must lie strictly between 0 and 1, found 1")
        XCTAssertEqual(problems[6].message, "each entry of 'm' must lie strictly between 0 and 1, found 0")
        XCTAssertEqual(problems[7].message, "'sex' is compared twice (first at line 11)")
        XCTAssertEqual(problems[8].message, "missing required key 'field' in a comparison")
        XCTAssertEqual(problems[9].message, "unknown key 'feild' in a comparison; allowed keys: field, levels, m, u")
        XCTAssertEqual(problems[9].hint, "did you mean 'field'?")
    }

    func testWholeDaysAndEstimationThresholdAndPriorMistakes() {
        let problems = pipelineProblems(
            Self.head + """
                linkage:
                  probabilistic:
                    blocking: [{ on: [sex] }]
                    comparisons:
                      - { field: len_start_date, levels: [0, 0.5] }
                      - { field: sex, m: [0.9, 0.1] }
                    estimate: given
                    prior: 1
                    thresholds: { link: 0.8, review: 0.9 }
                  survivorship:
                    source_priority: [clinical_trial, registy, clinical_trial]
                    date_tolerance_days: -2
                """)
        XCTAssertEqual(places(problems), ["11:9", "11:46", "12:9", "14:12", "15:38", "17:39", "17:48", "18:26"])
        guard problems.count == 8 else { return }
        XCTAssertEqual(problems[0].message, "the comparison of len_start_date needs 'm' and 'u': 'estimate' is 'given'")
        XCTAssertEqual(problems[1].message, "levels of len_start_date are whole days, found 0.5")
        XCTAssertEqual(problems[2].message, "the comparison of sex needs 'm' and 'u': 'estimate' is 'given'")
        XCTAssertEqual(problems[3].message, "'prior' must lie strictly between 0 and 1, found 1")
        XCTAssertEqual(problems[4].message, "the review threshold 0.9 is above the link threshold 0.8")
        XCTAssertEqual(
            problems[5].message,
            "'registy' is not a CDM cohort_source token; valid: clinical_trial, compassionate_use, registry")
        XCTAssertEqual(problems[5].hint, "did you mean 'registry'?")
        XCTAssertEqual(problems[6].message, "'clinical_trial' is listed twice in 'source_priority'")
        XCTAssertEqual(problems[7].message, "'date_tolerance_days' must be at least 0, found -2")
    }

    func testSectionLevelMistakes() {
        let problems = pipelineProblems(
            Self.head + """
                linkage:
                  survivorship: { source_priority: [registry, clinical_trial] }
                  crosswalk: ""
                  overides: o.csv
                  probabilistic:
                    blocking: []
                    comparisons: []
                    estimate: { em: { max_iteration: 10 } }
                """)
        XCTAssertEqual(places(problems), ["8:36", "9:14", "10:3", "12:15", "13:18", "14:23"])
        guard problems.count == 6 else { return }
        XCTAssertEqual(
            problems[0].message, "'source_priority' must rank every cohort_source; missing: compassionate_use")
        XCTAssertEqual(problems[1].message, "'linkage.crosswalk' needs a value")
        XCTAssertEqual(problems[2].hint, "did you mean 'overrides'?")
        XCTAssertEqual(problems[3].message, "'blocking' must list at least one pass")
        XCTAssertEqual(problems[4].message, "'comparisons' must list at least one field")
        XCTAssertEqual(
            problems[5].message, "unknown key 'max_iteration' in 'estimate.em'; allowed keys: max_iterations, tolerance"
        )
    }

    func testASectionThatLinksNothingIsRefused() {
        let problems = pipelineProblems(Self.head + "linkage:\n  crosswalk: c.csv\n")
        XCTAssertEqual(places(problems), ["7:1"])
        XCTAssertEqual(
            problems.first?.message,
            "'linkage' links nothing: it needs 'deterministic', 'probabilistic' or 'overrides'")
        XCTAssertEqual(places(pipelineProblems(Self.head + "linkage:\n")), ["7:9"])
    }

    func testEstimateSpellingsAndLinkageMistakesBesideOtherSections() {
        let problems = pipelineProblems(
            Self.head.replacingOccurrences(of: "name: n\n", with: "") + """
                linkage:
                  probabilistic:
                    blocking: [{ on: [sex] }]
                    comparisons: [{ field: sex }]
                    estimate: EM
                """)
        XCTAssertEqual(places(problems), ["1:1", "10:15"])
        guard problems.count == 2 else { return }
        XCTAssertEqual(problems[0].message, "missing required key 'name' in the pipeline file")
        XCTAssertEqual(problems[1].message, "'EM' is not an estimation method; use em or given")
        XCTAssertEqual(problems[1].hint, "did you mean 'em'?")
        let bare =
            Self.head
            + "linkage:\n  probabilistic: { blocking: [{ on: [sex] }], comparisons: [{ field: sex }], estimate: { em: } }\n"
        XCTAssertEqual(try parse(bare).probabilistic?.estimation, .em())
    }

    func testLinkKeysUnknownToTheMappingsAreReportedAtTheirRule() throws {
        let linkage = try parse(Self.full)
        let declared: [String: Set<String>] = ["be-gent": ["ulm_subject_id"], "de-ulm-trial": ["nat_id"]]
        XCTAssertEqual(linkage.problems(linkKeysByCentre: declared), [])
        let problems = linkage.problems(linkKeysByCentre: ["be-gent": ["ulm_subjectid", "nhs"]])
        XCTAssertEqual(problems.map(\.location), [at(9, 7), at(12, 7), at(12, 7)])
        guard problems.count == 3 else { return }
        XCTAssertEqual(
            problems[0].message,
            "rule 'gent-cites-ulm-trial': left key 'ulm_subject_id' is not a link key of "
                + "centre 'be-gent' (it has: local_id, nhs, ulm_subjectid)")
        XCTAssertEqual(problems[0].hint, "did you mean 'ulm_subjectid'?")
        XCTAssertEqual(
            problems[1].message, "rule 'national-id': left key 'nat_id' is not a link key of any centre's mapping")
        XCTAssertEqual(
            problems[1].hint,
            "declare it under 'link:' in the centre's mapping (docs/mapping.md), or use 'local_id'")
        XCTAssertTrue(problems[2].message.hasPrefix("rule 'national-id': right key 'nat_id'"), problems[2].message)
    }

    func testPipelineDocsLinkageExampleParses() throws {
        let block = try XCTUnwrap(try DocExamples.yamlBlocks("pipeline.md").first { $0.hasPrefix("linkage:") })
        let linkage = try parse(Self.head + block)
        XCTAssertEqual(linkage.deterministic.map(\.name), ["gent-cites-ulm-trial"])
        XCTAssertEqual(
            linkage.probabilistic?.comparisons.map(\.field.rawValue),
            [
                "sex", "birth_year", "diagnosis_date", "len_start_date", "len_initial_dose",
                "karyotype_category", "who_class", "region",
            ])
        XCTAssertEqual(linkage.probabilistic?.blocking.count, 2)
        XCTAssertEqual(linkage.overrides, "/srv/regpool/linkage/overrides.csv")
    }
}
