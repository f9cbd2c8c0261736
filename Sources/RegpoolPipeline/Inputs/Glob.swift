/// Shell-style file-name patterns: `*` (any run of characters), `?` (one character), literals.
package enum Glob {
    /// True when `name` matches `pattern` as a whole.
    package static func matches(_ pattern: String, _ name: String) -> Bool {
        let p = Array(pattern.utf8)
        let n = Array(name.utf8)
        var pi = 0
        var ni = 0
        var starP = -1
        var starN = 0
        while ni < n.count {
            if pi < p.count, p[pi] == UInt8(ascii: "?") || p[pi] == n[ni], p[pi] != UInt8(ascii: "*") {
                pi += 1
                ni += 1
            } else if pi < p.count, p[pi] == UInt8(ascii: "*") {
                starP = pi
                starN = ni
                pi += 1
            } else if starP >= 0 {
                pi = starP + 1
                starN += 1
                ni = starN
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }

    /// True when `name` matches any of `patterns`.
    package static func matchesAny(_ patterns: [String], _ name: String) -> Bool {
        patterns.contains { matches($0, name) }
    }
}
