import RegpoolLoad
import RegpoolModel

/// Counts the source values no rule maps (T3001) over the records `regpool inspect` shows.
struct UnmappedTally {
    private struct Key: Hashable {
        let field: String
        let target: String
        let value: String
    }

    private var counts: [Key: (count: Int, first: String)] = [:]

    /// Counts every T3001 among `issues`.
    mutating func add(_ issues: [AuditEvent]) {
        for e in issues where e.code == .valueUnmapped {
            let key = Key(field: e.field ?? "", target: e.target ?? "", value: e.sourceValue ?? "")
            let first = counts[key]?.first ?? e.locator ?? ""
            counts[key] = ((counts[key]?.count ?? 0) + 1, first)
        }
    }

    /// The values sorted by field, value and target bytes, each with its count and first locator.
    var json: JSONValue {
        let keys = counts.keys.sorted { a, b in
            for (x, y) in [(a.field, b.field), (a.value, b.value), (a.target, b.target)] where !x.utf8.elementsEqual(y.utf8) {
                return x.utf8.lexicographicallyPrecedes(y.utf8)
            }
            return false
        }
        return .array(keys.map { key in
            let entry = counts[key] ?? (0, "")
            return .object([("field", .string(key.field)), ("target", .string(key.target)), ("value", .string(key.value)),
                            ("count", .int(entry.count)), ("first", .string(entry.first))])
        })
    }
}
