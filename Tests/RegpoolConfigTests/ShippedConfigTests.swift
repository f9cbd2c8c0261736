import Foundation
import RegpoolConfig
import RegpoolConfigParser
import XCTest

/// Every mapping and pipeline file shipped in the repository parses without a problem.
final class ShippedConfigTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    func files(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Self.root + "/" + folder)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { Self.root + "/" + folder + "/" + $0 }
    }

    func testShippedMappingsParse() throws {
        let paths = try files("mappings")
        XCTAssertFalse(paths.isEmpty)
        for path in paths {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            do {
                let mapping = try MappingParser.parse(yaml: text, file: path)
                XCTAssertFalse(mapping.sources.isEmpty, path)
            } catch {
                XCTFail("\(error)")
            }
        }
    }

    func testShippedPipelinesParse() throws {
        for path in try files("pipelines") {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            do {
                let p = try PipelineParser.parse(yaml: text, file: path, baseDirectory: Self.root + "/pipelines")
                XCTAssertFalse(p.centres.isEmpty, path)
            } catch {
                XCTFail("\(error)")
            }
        }
    }
}
