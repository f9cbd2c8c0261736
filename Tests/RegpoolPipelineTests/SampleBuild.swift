import Foundation
import RegpoolPipeline
import XCTest

/// The sample nightly build, run once per test process into a temporary output folder.
enum SampleBuild {
    static let pipeline = TestSupport.root + "/pipelines/sample-nightly.yaml"

    private static let result: Result<RunSummary, Error> = Result {
        try PipelineRunner(pipelinePath: pipeline, outputOverride: TestSupport.tempDir("sample")).checkedRun()
    }

    /// The summary of the shared sample build (built on first use).
    static func shared() throws -> RunSummary { try result.get() }

    /// The path of one output file of the shared sample build.
    static func file(_ name: String) throws -> String { try shared().buildPath + "/" + name }
}
