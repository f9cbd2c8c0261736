import Foundation
import XCTest

/// Runs Tests/interop/lifelines_check.py with the Python named by REGPOOL_PYTHON (or .venv).
enum LifelinesRunner {
    /// The package root (two levels above this file's folder).
    static let root: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// A Python that imports lifelines and scipy; skips the test (or fails it under REGPOOL_REQUIRE_INTEROP=1) otherwise.
    static func python() throws -> String {
        let env = ProcessInfo.processInfo.environment
        let required = env["REGPOOL_REQUIRE_INTEROP"] == "1"
        let candidates = [env["REGPOOL_PYTHON"], root + "/.venv/bin/python"].compactMap { $0 }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            if required { XCTFail("no Python found (REGPOOL_PYTHON or .venv); run `make test`") }
            throw XCTSkip(
                "REGPOOL_PYTHON unset and no .venv: lifelines cross-checks skipped (`make test` installs them)")
        }
        let probe = try run(found, ["-c", "import lifelines, scipy"])
        guard probe.status == 0 else {
            if required { XCTFail("\(found) cannot import lifelines/scipy: \(probe.err)") }
            throw XCTSkip("\(found) has no lifelines: cross-checks skipped (`make test` installs lifelines==0.30.3)")
        }
        return found
    }

    /// lifelines' answers for `input` (JSON text), decoded.
    static func check(_ input: String) throws -> LifelinesAnswer {
        let python = try python()
        let path = NSTemporaryDirectory() + "regpool-lifelines-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).json"
        try input.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try run(python, [root + "/Tests/interop/lifelines_check.py", path])
        guard r.status == 0 else {
            XCTFail("lifelines_check.py failed (\(r.status)): \(r.err)")
            throw XCTSkip("no lifelines answer")
        }
        return try JSONDecoder().decode(LifelinesAnswer.self, from: Data(r.out.utf8))
    }

    /// Runs a program, returning exit status, stdout and stderr.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

/// What lifelines_check.py prints.
struct LifelinesAnswer: Decodable {
    struct KM: Decodable {
        let name: String
        let timeline: [Double]
        let survival: [Double]
        let lower: [Double]
        let upper: [Double]
        let median: Double?
        let median_lower: Double?
        let median_upper: Double?
        let logrank: LogRank?
    }
    struct LogRank: Decodable {
        let statistic: Double
        let p_value: Double
        let degrees_of_freedom: Int
    }
    struct AJReading: Decodable {
        let at: [Double]
        let event_times: [Double]
        let at_event_times: [Double]
        let timeline: [Double]?
        let incidence: [Double]?
    }
    struct AJ: Decodable {
        let name: String
        let jittered: Bool
        let raw: AJReading
        let aligned: AJReading
    }
    let km: [KM]
    let aj: [AJ]
    let chi2: [Double]
    let ppf: [Double]
}
