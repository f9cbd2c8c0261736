import RegpoolConfig
import RegpoolConfigParser
import RegpoolModel
import XCTest

/// The pipeline's `validation:` key and the mapping's `derive:` key: read strictly.
final class ValidationConfigTests: XCTestCase {
    static let head = """
        version: 1
        name: n
        output: out
        pseudonym_key: { env: REGPOOL_KEY }
        centres:
          - { id: fr-lyon, region: europe, cohort_source: registry, inbox: in, mapping: m.yaml }

        """

    func testOverridesAreReadWithTheirLines() throws {
        let yaml =
            Self.head + """
                validation:
                  V7005: drop_row
                  V7010: keep
                """
        let config = try PipelineParser.parse(yaml: yaml, file: "pipelines/p.yaml", baseDirectory: ".")
        XCTAssertEqual(
            config.validation.overrides,
            [
                .init(
                    code: "V7005", action: .dropRow,
                    location: SourceLocation(file: "pipelines/p.yaml", line: 8, column: 3)),
                .init(
                    code: "V7010", action: .keep, location: SourceLocation(file: "pipelines/p.yaml", line: 9, column: 3)
                ),
            ])
        let failure = ValidationRule.named("V7005")!
        let end = ValidationRule.named("V7010")!
        let alive = ValidationRule.named("V7001")!
        XCTAssertEqual(config.validation.action(for: failure), .dropRow)
        XCTAssertEqual(config.validation.action(for: end), .keep)
        XCTAssertEqual(config.validation.action(for: alive), .dropValue, "not overridden: the default")
        XCTAssertEqual(config.validation.reference(for: end), "V7010 keep (pipelines/p.yaml:9)")
        XCTAssertEqual(config.validation.reference(for: alive), "V7001 drop_value (default)")
    }

    func testWithoutTheKeyEveryRuleTakesItsDefault() throws {
        let config = try PipelineParser.parse(yaml: Self.head, file: "p.yaml", baseDirectory: ".")
        XCTAssertEqual(config.validation, .defaults)
    }

    func testFourPlantedMistakesAreReportedInOneThrow() {
        let yaml =
            Self.head + """
                validation:
                  V7099: keep
                  V7010: drop_vlaue
                  V7014: keep
                  v7004: drop_value
                  V7006: [keep]
                """
        let problems = pipelineProblems(yaml)
        XCTAssertEqual(places(problems), ["8:3", "9:10", "10:10", "11:3", "12:10"])
        XCTAssertTrue(
            problems[0].message.hasPrefix("'V7099' is not a validation rule code; known: V7001, V7002"),
            problems[0].message)
        XCTAssertEqual(problems[0].hint, "did you mean 'V7009'?")
        XCTAssertEqual(
            problems[1].message, "'drop_vlaue' is not a validation action; use one of keep, drop_value, drop_row")
        XCTAssertEqual(problems[1].hint, "did you mean 'drop_value'?")
        XCTAssertEqual(problems[2].message, "V7014 (OutcomesIncomplete, outcomes) cannot take 'keep'")
        XCTAssertEqual(problems[2].hint, "V7014 allows drop_row; see docs/validation.md")
        XCTAssertTrue(problems[3].message.hasPrefix("'v7004' is not a validation rule code"), problems[3].message)
        XCTAssertEqual(problems[3].hint, "did you mean 'V7004'?")
        XCTAssertEqual(problems[4].message, "the action of V7006 must be a single value, found a list")
    }

    func testValidationMustBeAMapping() {
        let problems = pipelineProblems(Self.head + "validation: [V7001]\n")
        XCTAssertEqual(places(problems), ["7:13"])
        XCTAssertTrue(problems[0].message.contains("'validation' must be a mapping"), problems[0].message)
    }

    func testEveryCatalogueRuleAllowsItsDefaultAndHasAValidateCode() {
        XCTAssertEqual(ValidationRule.catalogue.map(\.code), AuditCode.validation)
        for rule in ValidationRule.catalogue {
            XCTAssertTrue(rule.allowed.contains(rule.defaultAction), rule.code.code)
            XCTAssertEqual(rule.code.stage, .validate)
        }
    }

    static let mappingHead = """
        version: 1
        sources:
          - name: p
            files: ["*.csv"]
            format: csv
            patient_key: ID
            tables:
              patients: { sex: { field: S } }

        """

    func testDeriveListIsRead() throws {
        let yaml = Self.mappingHead + "derive: [directly_after_len, transplants_from_treatment_lines]\n"
        let config = try MappingParser.parse(yaml: yaml, file: "mappings/x.yaml")
        XCTAssertEqual(config.derive.map(\.name), [.directlyAfterLEN, .transplantsFromTreatmentLines])
        XCTAssertEqual(config.derive[1].reference, "mappings/x.yaml:9 derive.transplants_from_treatment_lines")
        XCTAssertEqual(try MappingParser.parse(yaml: Self.mappingHead, file: "m.yaml").derive, [])
    }

    func testDeriveMistakes() {
        let yaml =
            Self.mappingHead + """
                derive:
                  - transplant_from_treatment_lines
                  - directly_after_len
                  - directly_after_len
                  - { name: x }
                """
        let problems = mappingProblems(yaml)
        XCTAssertEqual(places(problems), ["10:5", "12:5", "13:5"])
        XCTAssertTrue(
            problems[0].message.hasPrefix("'transplant_from_treatment_lines' is not a derivation regpool knows"),
            problems[0].message)
        XCTAssertEqual(problems[0].hint, "did you mean 'transplants_from_treatment_lines'?")
        XCTAssertEqual(problems[1].message, "derivation 'directly_after_len' is listed twice (first at line 11)")
        XCTAssertEqual(problems[2].message, "an entry of 'derive' must be a single value, found a mapping")
    }
}

/// The `validation:` example of docs/pipeline.md is a valid pipeline fragment.
final class ValidationDocsTests: XCTestCase {
    func testPipelineDocsExampleParses() throws {
        let block = try XCTUnwrap(try DocExamples.yamlBlocks("pipeline.md").first { $0.hasPrefix("validation:") })
        let config = try PipelineParser.parse(
            yaml: ValidationConfigTests.head + block, file: "p.yaml", baseDirectory: ".")
        XCTAssertEqual(
            config.validation.overrides.map { "\($0.code) \($0.action.rawValue)" }, ["V7005 drop_row", "V7010 keep"])
    }

    func testMappingDocsDeriveExampleParses() throws {
        let block = try XCTUnwrap(try DocExamples.yamlBlocks("mapping.md").first { $0.hasPrefix("derive:") })
        let config = try MappingParser.parse(yaml: ValidationConfigTests.mappingHead + block, file: "m.yaml")
        XCTAssertEqual(config.derive.map(\.name), [.transplantsFromTreatmentLines, .directlyAfterLEN])
    }
}
