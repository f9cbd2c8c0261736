import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// The id crosswalk a build writes (`crosswalk.csv`) and the next build reads: for every member
/// (local patient) of every pooled patient, its member key (`Pseudonymizer.memberKey`) and the
/// pooled id it had. Text: `member_key,pooled_id` then one row per member, sorted by member key
/// on bytes, LF line ends.
package struct Crosswalk: Sendable, Equatable {
    /// One row.
    package struct Entry: Sendable, Equatable {
        package let memberKey: String
        package let pooledID: String

        /// A row.
        package init(memberKey: String, pooledID: String) {
            self.memberKey = memberKey
            self.pooledID = pooledID
        }
    }

    /// The header line.
    package static let header = "member_key,pooled_id"

    /// The rows, sorted by member key on bytes; member keys are unique.
    package let entries: [Entry]

    /// A crosswalk of `pooledIDs` by member key.
    package init(_ pooledIDs: [String: String]) {
        self.init(entries: pooledIDs.map { Entry(memberKey: $0.key, pooledID: $0.value) })
    }

    /// A crosswalk of `entries` (any order); member keys must be unique.
    package init(entries: [Entry]) {
        let sorted = entries.sorted { Value.compareUTF8($0.memberKey, $1.memberKey) < 0 }
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            precondition(
                Value.compareUTF8(a.memberKey, b.memberKey) != 0, "Crosswalk: member key \(a.memberKey) is in two rows")
        }
        self.entries = sorted
    }

    /// The pooled id the member had, or nil when the member is not in the crosswalk (a binary
    /// search of the sorted rows).
    package func pooledID(memberKey: String) -> String? {
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            let c = Value.compareUTF8(entries[mid].memberKey, memberKey)
            if c == 0 { return entries[mid].pooledID }
            if c < 0 { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// The CSV text: the header and one `member_key,pooled_id` line per entry, each ending in LF.
    package var csvText: String {
        var text = Self.header + "\n"
        text.reserveCapacity((entries.count + 1) * 38)
        for e in entries { text += CSVText.line([e.memberKey, e.pooledID], ending: "\n") }
        return text
    }

    package static func == (a: Crosswalk, b: Crosswalk) -> Bool { a.entries == b.entries }
}
