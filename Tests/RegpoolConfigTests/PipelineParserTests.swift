import RegpoolConfig
import RegpoolConfigParser
import XCTest

/// Pipeline files: the docs example, path resolution, and strict errors.
final class PipelineParserTests: XCTestCase {
    func testDocsExampleParsesWithResolvedPaths() throws {
        let yaml = try DocExamples.yamlBlocks("pipeline.md")[0]
        let config = try PipelineParser.parse(
            yaml: yaml, file: "pipelines/sample.yaml",
            baseDirectory: "/srv/regpool/pipelines")
        XCTAssertEqual(config.version, 1)
        XCTAssertEqual(config.name, "sample-nightly")
        XCTAssertEqual(config.file, "pipelines/sample.yaml")
        XCTAssertEqual(config.outputDirectory, "/srv/regpool/builds")
        XCTAssertEqual(config.key, .file("/srv/regpool/samples/keys/TEST-KEY-NOT-FOR-REAL-DATA.txt"))
        XCTAssertEqual(
            config.centres,
            [
                CentreConfig(
                    id: "fr-lyon", region: "europe", cohortSource: "registry",
                    inbox: "/srv/regpool/samples/fr-lyon", mapping: "/srv/regpool/mappings/fr-lyon.yaml",
                    files: ["*"], location: SourceLocation(file: "pipelines/sample.yaml", line: 7, column: 9))
            ])
    }

    func testKeepBuildsDefaultsToFourteenAndMustBeAtLeastOne() throws {
        let base = """
            version: 1
            name: n
            output: out
            pseudonym_key: { env: REGPOOL_KEY }
            centres:
              - { id: x, region: europe, cohort_source: registry, inbox: in, mapping: m.yaml }
            """
        XCTAssertEqual(try PipelineParser.parse(yaml: base, file: "p.yaml", baseDirectory: ".").keepBuilds, 14)
        XCTAssertEqual(
            try PipelineParser.parse(yaml: base + "\nkeep_builds: 3", file: "p.yaml", baseDirectory: ".").keepBuilds, 3)
        XCTAssertThrowsError(
            try PipelineParser.parse(yaml: base + "\nkeep_builds: 0", file: "p.yaml", baseDirectory: ".")
        ) {
            let text = "\($0)"
            XCTAssertTrue(text.contains("p.yaml:7:") && text.contains("'keep_builds' must be at least 1"), text)
        }
    }

    func testAbsoluteRelativeAndEnvironmentKey() throws {
        let yaml = """
            version: 1
            name: n
            output: /data/builds/./nightly/
            pseudonym_key: { env: REGPOOL_KEY }
            centres:
              - { id: de-ulm, region: europe, cohort_source: clinical_trial, inbox: in/../inbox/ulm, mapping: m.yaml }
              - { id: us-1, region: north_america, cohort_source: registry, inbox: ../../up, mapping: /m/us.yaml,
                  files: ["*.csv", "*.xml"] }
            """
        let config = try PipelineParser.parse(yaml: yaml, file: "p.yaml", baseDirectory: "pipelines")
        XCTAssertEqual(config.outputDirectory, "/data/builds/nightly")
        XCTAssertEqual(config.key, .environment("REGPOOL_KEY"))
        XCTAssertEqual(config.centres[0].inbox, "pipelines/inbox/ulm")
        XCTAssertEqual(config.centres[0].mapping, "pipelines/m.yaml")
        XCTAssertEqual(config.centres[0].files, ["*"])
        XCTAssertEqual(config.centres[1].inbox, "../up")
        XCTAssertEqual(config.centres[1].mapping, "/m/us.yaml")
        XCTAssertEqual(config.centres[1].files, ["*.csv", "*.xml"])
    }

    func testBadTokensDuplicateIdAndBothKeySourcesInOneThrow() {
        let yaml = """
            version: 1
            name: n
            output: out
            pseudonym_key:
              env: REGPOOL_KEY
              file: key.txt
            centres:
              - id: fr-lyon
                region: europa
                cohort_source: registry
                inbox: a
                mapping: a.yaml
              - id: fr-lyon
                region: europe
                cohort_source: trial
                inbox: b
                mapping: b.yaml
              - id: FR_Paris
                region: europe
                cohort_source: registry
                inbox: c
                mapping: c.yaml
                mapping_file: c.yaml
            """
        let problems = pipelineProblems(yaml)
        XCTAssertEqual(places(problems), ["6:3", "9:13", "13:9", "15:20", "18:9", "23:5"])
        XCTAssertTrue(problems[0].message.contains("exactly one of 'env' or 'file'"), problems[0].message)
        XCTAssertEqual(
            problems[1].message,
            "'europa' is not a CDM region token; valid: north_america, europe, asia, other")
        XCTAssertEqual(problems[1].hint, "did you mean 'europe'?")
        XCTAssertEqual(problems[2].message, "duplicate centre id 'fr-lyon' (first at line 8)")
        XCTAssertTrue(problems[3].message.contains("cohort_source"), problems[3].message)
        XCTAssertTrue(problems[4].message.contains("only a-z, 0-9 and '-'"), problems[4].message)
        XCTAssertTrue(problems[5].message.contains("unknown key 'mapping_file'"), problems[5].message)
    }

    func testMissingKeysWrongVersionAndKinds() {
        let yaml = """
            version: "1.0"
            name: [n]
            pseudonym_key: { env: 1KEY }
            centres: []
            """
        let problems = pipelineProblems(yaml)
        XCTAssertEqual(places(problems), ["1:1", "1:10", "2:7", "3:23", "4:10"])
        XCTAssertEqual(problems[0].message, "missing required key 'output' in the pipeline file")
        XCTAssertTrue(problems[1].message.contains("unsupported version '1.0'"))
        XCTAssertTrue(problems[2].message.contains("found a list"))
        XCTAssertTrue(problems[3].message.contains("not an environment variable name"))
        XCTAssertTrue(problems[4].message.contains("at least one centre"))
    }

    func testDuplicateKeyAndSyntaxError() {
        XCTAssertEqual(places(pipelineProblems("version: 1\nname: a\nname: b\n")), ["3:1"])
        let syntax = pipelineProblems("version: 1\ncentres:\n  - id: a\n - id: b\n")
        XCTAssertEqual(syntax.count, 1)
        XCTAssertEqual(syntax.first?.location.line, 4)
        XCTAssertEqual(syntax.first?.location.file, "p.yaml")
    }
}
