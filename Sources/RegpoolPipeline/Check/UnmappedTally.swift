import RegpoolLoad
import RegpoolModel

/// Counts the source values no rule maps (T3001), e.g. over the records `regpool inspect` shows or
/// over a centre's whole inbox in `regpool check`.
struct UnmappedTally {
    /// One unmapped source value of one field, with how often it came and where first.
    struct Entry {
        package let field: String
        package let target: String
        let value: String
        let count: Int
        let firstFile: String
        let firstLocator: String
    }

    private struct Key: Hashable {
        package let field: String
        package let target: String
        let value: String
    }

    private var counts: [Key: (count: Int, file: String, first: String)] = [:]

    /// Counts every T3001 among `issues` (the first occurrence is the first one given).
    mutating func add(_ issues: [AuditEvent]) {
        for e in issues where e.code == .valueUnmapped {
            let key = Key(field: e.field ?? "", target: e.target ?? "", value: e.sourceValue ?? "")
            let old = counts[key]
            counts[key] = ((old?.count ?? 0) + 1, old?.file ?? e.file ?? "", old?.first ?? e.locator ?? "")
        }
    }

    /// The values sorted by field, value and target bytes.
    var entries: [Entry] {
        let keys = counts.keys.sorted { a, b in
            for (x, y) in [(a.field, b.field), (a.value, b.value), (a.target, b.target)]
            where !x.utf8.elementsEqual(y.utf8) {
                return x.utf8.lexicographicallyPrecedes(y.utf8)
            }
            return false
        }
        return keys.map { key in
            let entry = counts[key] ?? (0, "", "")
            return Entry(
                field: key.field, target: key.target, value: key.value, count: entry.count,
                firstFile: entry.file, firstLocator: entry.first)
        }
    }

    /// The entries as `regpool inspect` prints them: field, target, value, count and first locator.
    var json: JSONValue {
        .array(
            entries.map { e in
                .object([
                    ("field", .string(e.field)), ("target", .string(e.target)), ("value", .string(e.value)),
                    ("count", .int(e.count)), ("first", .string(e.firstLocator)),
                ])
            })
    }
}
