import Foundation
import RegpoolPipeline
import XCTest

/// Same inputs, mappings and key give byte-identical outputs.
final class DeterminismTests: XCTestCase {
    func testTwoRunsGiveByteIdenticalFiles() throws {
        let first = try SampleBuild.shared()
        let second = try PipelineRunner(
            pipelinePath: SampleBuild.pipeline, outputOverride: TestSupport.tempDir("again")
        ).checkedRun()
        XCTAssertEqual(first.buildID, second.buildID)
        let files = try TestSupport.files(in: first.buildPath)
        XCTAssertTrue(files.contains("exports/analysis_cohort.sav"))
        XCTAssertTrue(files.contains("manifest.json"))
        for file in files {
            let a = FileManager.default.contents(atPath: first.buildPath + "/" + file)
            let b = FileManager.default.contents(atPath: second.buildPath + "/" + file)
            XCTAssertNotNil(a, file)
            XCTAssertEqual(a, b, "\(file) differs between two runs of the same inputs")
        }
    }

    func testCurrentPointsAtTheBuild() throws {
        let summary = try SampleBuild.shared()
        let output = (summary.buildPath as NSString).deletingLastPathComponent
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: output + "/current")
        XCTAssertEqual(target, summary.buildID)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output).filter {
            $0.hasPrefix(".") && $0 != ".lock"
        }
        XCTAssertEqual(leftovers, [], "no staging folder is left behind")
    }
}
