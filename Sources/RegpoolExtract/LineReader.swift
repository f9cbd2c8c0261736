#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One physical line of a file: its bytes (with its `\n`, if any), 1-based number and byte offset.
struct PhysicalLine {
    /// The line's bytes including its terminator; valid only during the callback.
    let bytes: UnsafeBufferPointer<UInt8>
    let number: Int
    let offset: Int

    /// The line's terminator: `\r\n`, `\n`, or nothing (the last line of a file).
    var terminatorLength: Int {
        guard let last = bytes.last, last == 0x0A else { return 0 }
        return bytes.count >= 2 && bytes[bytes.count - 2] == 0x0D ? 2 : 1
    }

    /// The line without its terminator.
    var content: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes.dropLast(terminatorLength)) }

    /// True when the line holds only spaces and tabs.
    var isBlank: Bool { content.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
}

/// Splits a file into physical lines on `\n`, reading it in fixed-size chunks (memory stays bounded
/// by the chunk size plus the longest line).
struct LineReader {
    let file: InputFile

    /// Calls `body` with each line in order.
    func forEachLine(_ body: (PhysicalLine) throws -> Void) throws {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: InputFile.chunkSize, alignment: 1)
        defer { chunk.deallocate() }
        var carry: [UInt8] = []
        var number = 1
        var offset = 0
        while true {
            let count = try file.read(into: chunk)
            if count == 0 { break }
            let bytes = UnsafeBufferPointer(start: chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
            var start = 0
            while start < count, let newline = Self.indexOfNewline(in: bytes, from: start) {
                let piece = UnsafeBufferPointer(rebasing: bytes[start...newline])
                let length = carry.count + piece.count
                if carry.isEmpty {
                    try body(PhysicalLine(bytes: piece, number: number, offset: offset))
                } else {
                    carry.append(contentsOf: piece)
                    try carry.withUnsafeBufferPointer { try body(PhysicalLine(bytes: $0, number: number, offset: offset)) }
                    carry.removeAll(keepingCapacity: true)
                }
                offset += length
                number += 1
                start = newline + 1
            }
            if start < count { carry.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
        if !carry.isEmpty {
            try carry.withUnsafeBufferPointer { try body(PhysicalLine(bytes: $0, number: number, offset: offset)) }
        }
    }

    private static func indexOfNewline(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress,
              let hit = memchr(base + start, 0x0A, bytes.count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
