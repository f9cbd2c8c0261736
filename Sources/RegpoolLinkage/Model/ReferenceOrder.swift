import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// Sorts records by `PatientReference` (centre, then local id, on UTF-8 bytes) without string
/// comparisons in the sort: centres are ranked once, local ids are copied into one byte buffer
/// and compared as bytes. Same order as `PatientReference.<`.
enum ReferenceOrder {
    /// The positions of `references` in ascending reference order (ties keep input order).
    static func sortedIndices(_ references: [PatientReference]) -> [Int] {
        let centres = Set(references.map(\.centre)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var rank = [String: Int](minimumCapacity: centres.count)
        for (r, centre) in centres.enumerated() { rank[centre] = r }
        let ranks = references.map { rank[$0.centre]! }
        var bytes = [UInt8]()
        var starts = [Int]()
        starts.reserveCapacity(references.count + 1)
        for reference in references {
            starts.append(bytes.count)
            bytes.append(contentsOf: reference.localID.utf8)
        }
        starts.append(bytes.count)
        return bytes.withUnsafeBufferPointer { buffer in
            (0..<references.count).sorted { i, j in
                if ranks[i] != ranks[j] { return ranks[i] < ranks[j] }
                let order = compare(buffer, starts[i]..<starts[i + 1], starts[j]..<starts[j + 1])
                return order != 0 ? order < 0 : i < j
            }
        }
    }

    /// Byte order of two ranges of `buffer` (negative, zero, positive).
    @inline(__always) static func compare(_ buffer: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Int
    {
        let n = min(a.count, b.count)
        var k = 0
        while k < n {
            let x = buffer[a.lowerBound + k]
            let y = buffer[b.lowerBound + k]
            if x != y { return x < y ? -1 : 1 }
            k += 1
        }
        return a.count - b.count
    }
}
