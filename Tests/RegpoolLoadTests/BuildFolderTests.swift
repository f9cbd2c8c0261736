import Foundation
import XCTest

@testable import RegpoolLoad

final class BuildFolderTests: XCTestCase {
    func tempDir() throws -> String {
        let path = NSTemporaryDirectory() + "regpool-buildfolder-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func testPublishRenamesAndMovesCurrent() throws {
        let out = try tempDir()
        let first = try BuildFolder(outputDirectory: out, buildID: "b-1")
        let entry = try first.write("a.txt", Array("hello".utf8), rows: 1)
        XCTAssertEqual(entry.sha256, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/b-1"), "not visible before publish")
        _ = try first.publish()
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: out + "/current"), "b-1")
        let second = try BuildFolder(outputDirectory: out, buildID: "b-2")
        try second.write("a.txt", Array("again".utf8))
        _ = try second.publish()
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: out + "/current"), "b-2")
        XCTAssertEqual(try String(contentsOfFile: out + "/current/a.txt", encoding: .utf8), "again")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/b-1/a.txt"), "older builds are kept")
    }

    func testRepublishingTheSameIdReplacesIt() throws {
        let out = try tempDir()
        for text in ["one", "two"] {
            let folder = try BuildFolder(outputDirectory: out, buildID: "b-same")
            try folder.write("x", Array(text.utf8))
            _ = try folder.publish()
        }
        XCTAssertEqual(try String(contentsOfFile: out + "/b-same/x", encoding: .utf8), "two")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(), ["b-same", "current"])
    }

    func testFilesInSubfoldersArePublishedWithTheirFolders() throws {
        let out = try tempDir()
        let folder = try BuildFolder(outputDirectory: out, buildID: "b-parts")
        try folder.write("t/centre_id=fr-lyon/part-0.parquet", [1])
        try folder.write("exports/a.csv", [2])
        XCTAssertEqual(
            BuildFolder.subfolders(of: folder.stagingPath).map { String($0.dropFirst(folder.stagingPath.count)) },
            ["/t/centre_id=fr-lyon", "/exports", "/t"], "deepest first")
        _ = try folder.publish()
        XCTAssertEqual(
            FileManager.default.contents(atPath: out + "/current/t/centre_id=fr-lyon/part-0.parquet"), Data([1]))
        XCTAssertEqual(FileManager.default.contents(atPath: out + "/current/exports/a.csv"), Data([2]))
    }

    func testDiscardLeavesNothing() throws {
        let out = try tempDir()
        let folder = try BuildFolder(outputDirectory: out, buildID: "b-x")
        try folder.write("x", [1, 2, 3])
        folder.discard()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out), [])
    }

    func testUnwritableOutputIsALoadError() {
        XCTAssertThrowsError(try BuildFolder(outputDirectory: "/proc/regpool-cannot", buildID: "b")) { error in
            XCTAssertTrue("\(error)".contains("/proc/regpool-cannot"))
        }
    }
}
