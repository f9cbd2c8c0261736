import RegpoolConfig
import RegpoolModel
import Yams

/// Finds where a duplicated key is repeated: Yams reports only the first occurrence.
enum DuplicateKeyLocator {
    /// The 1-based line and column of the next `key:` after `first` (same line for flow style, same column for block
    /// style), or nil when it cannot be found.
    static func `repeat`(of key: String, after first: Mark, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map(Array.init)
        for lineIndex in (first.line - 1)..<lines.count {
            let line = lines[lineIndex]
            let start = lineIndex == first.line - 1 ? first.column : 0
            for column in start..<max(start, line.count) {
                let blockStyle = lineIndex > first.line - 1
                if blockStyle && column != first.column - 1 { continue }
                if spellings.contains(where: { isKey($0, at: column, in: line) }) {
                    return (lineIndex + 1, column + 1)
                }
            }
        }
        return nil
    }

    /// True when `spelling` followed by optional spaces and `:` starts at `column` of `line`.
    private static func isKey(_ spelling: [Character], at column: Int, in line: [Character]) -> Bool {
        guard column + spelling.count <= line.count, Array(line[column..<column + spelling.count]) == spelling else {
            return false
        }
        if column > 0, !" \t{,-".contains(line[column - 1]) { return false }
        var next = column + spelling.count
        while next < line.count, line[next] == " " { next += 1 }
        return next < line.count && line[next] == ":"
    }
}
