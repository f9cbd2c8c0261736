import Foundation
import XCTest

/// Every XML attack of Tests/Fixtures/corpora/xml-attacks, fed to the real `regpool` binary: refused
/// with a clear message in under a second and 50 MB, opening no other file and no socket.
final class XMLAttackHarnessTests: XCTestCase {
    struct Measured: Decodable {
        let status: Int
        let seconds: Double
        let max_rss_kb: Int
        let stderr: String
        let opened: [String]?
        let connects: [String]?
    }

    /// Each attack and a phrase its refusal must hold.
    static let attacks = [
        ("xmlbomb.xml", "refers to other entities (entity expansion attack)"),
        ("quadratic.xml", "bytes long (more than 1024)"),
        ("cyclic.xml", "refers to other entities (entity expansion attack)"),
        ("external.xml", "is an external entity"),
        ("dtd.xml", "DOCTYPE with an external DTD (PUBLIC"),
    ]

    func testAttacksAreRefusedQuicklyInLittleMemoryTouchingNothingElse() throws {
        let folder = TestSupport.root + "/Tests/Fixtures/corpora/xml-attacks"
        guard FileManager.default.fileExists(atPath: folder) else {
            throw XCTSkip("Tests/Fixtures/corpora/xml-attacks is absent; the attack corpus is not checked")
        }
        let binary = try CLITests.binary()
        for (name, reason) in Self.attacks {
            let file = (folder as NSString).standardizingPath + "/" + name
            let m = try measure([binary, "inspect", file, "--record", "/root"], trace: true)
            XCTAssertEqual(m.status, 66, "\(name) refused: \(m.stderr)")
            XCTAssertTrue(
                m.stderr.contains(name) && m.stderr.contains("DOCTYPE") && m.stderr.contains(reason),
                "\(name): \(m.stderr)")
            XCTAssertLessThan(m.seconds, 1.0, name)
            XCTAssertLessThan(m.max_rss_kb, 50 * 1024, name)
            // The dynamic loader's library probes and the runtime's /proc, /sys reads are not the input's doing.
            let foreign = (m.opened ?? []).filter { path in
                path != file && !(path as NSString).lastPathComponent.contains(".so")
                    && !["/etc/ld.so", "/proc/", "/sys/", "/dev/", "/usr/share/zoneinfo"].contains {
                        path.hasPrefix($0)
                    }
            }
            XCTAssertEqual(foreign, [], "\(name) made regpool open other files")
            XCTAssertEqual(m.connects ?? [], [], "\(name) made regpool connect somewhere")
        }
    }

    func testControlsParse() throws {
        let folder = TestSupport.root + "/Tests/Fixtures/corpora/xml-attacks"
        guard FileManager.default.fileExists(atPath: folder) else {
            throw XCTSkip("Tests/Fixtures/corpora/xml-attacks is absent")
        }
        for name in ["simple.xml", "simple-ns.xml"] {
            let r = try TestSupport.run(try CLITests.binary(), ["inspect", folder + "/" + name, "--record", "/root"])
            XCTAssertEqual(r.status, 0, "\(name): \(r.err)")
            XCTAssertEqual(r.out.split(separator: "\n").count, 1, "\(name): one record at /root")
        }
    }

    func testSmallInternalEntityControlParses() throws {
        let folder = TestSupport.root + "/Tests/Fixtures/corpora/xml-attacks"
        guard FileManager.default.fileExists(atPath: folder) else {
            throw XCTSkip("Tests/Fixtures/corpora/xml-attacks is absent")
        }
        let r = try TestSupport.run(try CLITests.binary(), ["inspect", folder + "/xmlbomb2.xml", "--record", "/root"])
        XCTAssertEqual(r.status, 0, "xmlbomb2.xml: \(r.err)")
        XCTAssertEqual(r.out.split(separator: "\n").count, 1, "one record at /root: \(r.out)")
        XCTAssertTrue(r.out.contains("1234567890"), "the entity resolves in the record: \(r.out)")
    }

    func measure(_ command: [String], trace: Bool) throws -> Measured {
        let python = try TestSupport.python()
        let r = try TestSupport.run(
            python, [TestSupport.root + "/Tests/interop/measure.py"] + (trace ? ["--trace"] : []) + ["--"] + command)
        return try JSONDecoder().decode(Measured.self, from: Data(r.out.utf8))
    }
}
