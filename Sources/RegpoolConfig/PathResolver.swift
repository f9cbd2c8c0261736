/// Resolves configuration paths against a base folder; pure string work, no file system access.
package enum PathResolver {
    /// `path` if absolute, else `base/path`; `.` and `a/..` segments are removed.
    package static func resolve(_ path: String, against base: String) -> String {
        if path.hasPrefix("/") || base.isEmpty { return normalise(path) }
        return normalise(base + "/" + path)
    }

    /// `path` without empty, `.` and `name/..` segments (a leading `..` of a relative path is kept).
    static func normalise(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var kept: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                if let last = kept.last, last != ".." { kept.removeLast() } else if !absolute { kept.append(segment) }
            default: kept.append(segment)
            }
        }
        let joined = kept.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
