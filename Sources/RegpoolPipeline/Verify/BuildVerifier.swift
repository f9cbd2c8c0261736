import Foundation
import RegpoolLoad
import RegpoolModel

/// `regpool verify BUILD`: every file of a build checked against the SHA-256 its manifest records.
package struct BuildVerifier: Sendable {
    /// One way a build differs from its manifest.
    package struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The file, relative to the build folder.
        package let file: String
        package let reason: String

        package var description: String { "\(file): \(reason)" }
    }

    /// The verdict on one build.
    package struct Outcome: Sendable {
        package let buildID: String
        /// How many files the manifest lists (all checked).
        package let checked: Int
        package let problems: [Problem]

        package var verified: Bool { problems.isEmpty }

        /// `regpool verify --json`: the verdict, the files checked and every problem.
        package func json(rebuilt: Bool) -> String {
            JSONValue.object([
                ("ok", .bool(verified)), ("build_id", .string(buildID)), ("files_checked", .int(checked)),
                ("rebuilt", .bool(rebuilt)),
                (
                    "problems",
                    .array(problems.map { .object([("file", .string($0.file)), ("problem", .string($0.reason))]) })
                ),
            ]).text
        }
    }

    let buildPath: String

    /// A verifier of the build folder at `buildPath` (or a `current` link).
    package init(buildPath: String) {
        self.buildPath = buildPath
    }

    /// Hashes every output the manifest lists and lists files it does not; throws a PipelineError
    /// when the manifest itself cannot be read.
    package func verify() throws -> Outcome {
        let manifest = try BuildManifestFile(buildPath: buildPath)
        var problems: [Problem] = []
        for output in manifest.outputs {
            if let problem = Self.check(output, in: buildPath) { problems.append(problem) }
        }
        let listed = Set(manifest.outputs.map(\.path) + ["manifest.json"])
        for file in Self.files(in: buildPath) where !listed.contains(file) {
            problems.append(
                Problem(file: file, reason: "is in the build folder but not in its manifest (added after the build)"))
        }
        return Outcome(buildID: manifest.buildID, checked: manifest.outputs.count, problems: problems)
    }

    /// The problem with one listed output, or nil when its bytes hash as recorded.
    static func check(_ output: Manifest.Output, in buildPath: String) -> Problem? {
        let path = "\(buildPath)/\(output.path)"
        guard FileManager.default.fileExists(atPath: path) else {
            return Problem(file: output.path, reason: "is missing")
        }
        guard let (sha, bytes) = try? FileSystem.hashFile(path) else {
            return Problem(file: output.path, reason: "cannot be read (check its permissions)")
        }
        guard sha == output.sha256 else {
            return Problem(
                file: output.path,
                reason: "has been altered: its SHA-256 is \(sha) (\(bytes) bytes), "
                    + "the manifest records \(output.sha256) (\(output.bytes) bytes)")
        }
        return nil
    }

    /// Every regular file below `path`, relative to it, sorted.
    static func files(in path: String) -> [String] {
        let fm = FileManager.default
        let all = (try? fm.subpathsOfDirectory(atPath: path)) ?? []
        return all.filter { sub in
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: path + "/" + sub, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }
}
