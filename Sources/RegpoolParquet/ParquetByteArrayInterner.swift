/// An open-addressing hash table from byte strings to dictionary indices, whose entries are
/// stored PLAIN (4-byte length + bytes) in one buffer: the dictionary page itself.
struct ParquetByteArrayInterner {
    /// The entries, PLAIN-encoded, in order of first appearance.
    private(set) var page: [UInt8] = []
    /// Where each entry's bytes start in `page` (after its length) and how long they are.
    private var entries: [(start: Int, length: Int, hash: UInt64)] = []
    /// Entry index + 1 per slot; 0 = empty. The capacity is a power of two.
    private var slots: [Int32]

    /// How many distinct byte strings were interned.
    var count: Int { entries.count }

    /// A table sized for about `expected` distinct values.
    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
    }

    /// The index of `bytes`, adding it as a new entry when it was not seen before.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot] - 1)
            if entries[index].hash == hash && matches(entries[index], bytes) { return UInt32(index) }
            slot = (slot + 1) & mask
        }
        let index = entries.count
        ParquetBytes.appendUInt32LE(UInt32(bytes.count), to: &page)
        entries.append((page.count, bytes.count, hash))
        page.append(contentsOf: bytes)
        slots[slot] = Int32(index + 1)
        if entries.count * 2 > slots.count { grow() }
        return UInt32(index)
    }

    /// True when the stored entry holds exactly `bytes`.
    private func matches(_ entry: (start: Int, length: Int, hash: UInt64), _ bytes: UnsafeBufferPointer<UInt8>) -> Bool
    {
        guard entry.length == bytes.count else { return false }
        return page.withUnsafeBufferPointer { stored in
            var i = 0
            while i < bytes.count {
                if stored[entry.start + i] != bytes[i] { return false }
                i += 1
            }
            return true
        }
    }

    /// Doubles the slots and re-inserts every entry by its stored hash.
    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    /// FNV-1a (64-bit) of the bytes, with a final mix so that the low bits spread.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        return h ^ (h >> 33)
    }
}
