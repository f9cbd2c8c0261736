import Foundation

/// Paths as they appear in audit events and manifests: relative to the pipeline file's folder,
/// so a build's records do not depend on the working directory or where the checkout lives.
struct DisplayPath {
    /// The pipeline file's folder, absolute and normalised.
    let base: [Substring]

    init(pipelineFile: String) {
        base = Self.components(Self.absolute((pipelineFile as NSString).deletingLastPathComponent))
    }

    /// `path` relative to the pipeline's folder (with `..` steps where needed).
    func of(_ path: String) -> String {
        let target = Self.components(Self.absolute(path))
        var common = 0
        while common < min(base.count, target.count), base[common] == target[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        let rest = target[common...].map(String.init)
        let parts = ups + rest
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let cwd = FileManager.default.currentDirectoryPath
        return path.isEmpty ? cwd : cwd + "/" + path
    }

    /// Path steps with `.` and `a/..` folded away.
    static func components(_ path: String) -> [Substring] {
        var out: [Substring] = []
        for step in path.split(separator: "/") where step != "." {
            if step == "..", !out.isEmpty { out.removeLast() } else if step != ".." { out.append(step) }
        }
        return out
    }
}
