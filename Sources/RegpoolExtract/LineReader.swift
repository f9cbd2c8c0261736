#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One physical line of a file: its UTF-8 bytes (with its line end, if any), 1-based number and the
/// byte offset in the file where it starts.
struct PhysicalLine {
    /// The line's bytes including its line end; valid only during the callback.
    let bytes: UnsafeBufferPointer<UInt8>
    let number: Int
    let offset: Int

    /// The line's end: `\r\n`, `\n`, a lone `\r`, or nothing (the last line of a file).
    var end: LineEnd {
        switch bytes.last {
        case 0x0A: return bytes.count >= 2 && bytes[bytes.count - 2] == 0x0D ? .crlf : .lf
        case 0x0D: return .cr
        default: return .none
        }
    }

    /// The line without its line end.
    var content: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes.dropLast(end.bytes.count)) }

    /// True when the line holds only spaces and tabs.
    var isBlank: Bool { content.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
}

/// How a physical line ends.
enum LineEnd: Int {
    case none, lf, crlf, cr

    /// The bytes of this line end.
    var bytes: [UInt8] { Self.table[rawValue] }

    private static let table: [[UInt8]] = [[], [0x0A], [0x0D, 0x0A], [0x0D]]
}

/// Splits a file's UTF-8 text into physical lines ending at `\n`, `\r\n` or a lone `\r`, chunk by
/// chunk (memory stays bounded by the chunk size plus the longest line).
struct LineReader {
    let input: TextInput
    /// Line of the first U+FFFD the transcoder wrote, once a line holding it has been passed.
    private(set) var firstReplacementLine: Int?

    init(input: TextInput) { self.input = input }

    /// Calls `body` with each line in order.
    mutating func forEachLine(_ body: (PhysicalLine) throws -> Void) throws {
        var cursor = Cursor(offset: input.skipped)
        var carry: [UInt8] = []
        while let bytes = try input.nextChunk() {
            var start = 0
            if carry.last == 0x0D {
                if bytes.first == 0x0A {
                    carry.append(0x0A)
                    start = 1
                }
                if !bytes.isEmpty { try emitCarry(&carry, &cursor, body) }
            }
            while start < bytes.count {
                guard let end = Self.lineEnd(in: bytes, from: start) else { break }
                let piece = UnsafeBufferPointer(rebasing: bytes[start...end])
                if carry.isEmpty {
                    try emit(piece, &cursor, body)
                } else {
                    carry.append(contentsOf: piece)
                    try emitCarry(&carry, &cursor, body)
                }
                start = end + 1
            }
            if start < bytes.count { carry.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
        if !carry.isEmpty { try emitCarry(&carry, &cursor, body) }
    }

    /// Where the reader is: the next line's number, file offset and offset in the UTF-8 text.
    private struct Cursor {
        var number = 1
        var offset: Int
        var textOffset = 0
    }

    private mutating func emitCarry(
        _ carry: inout [UInt8], _ cursor: inout Cursor,
        _ body: (PhysicalLine) throws -> Void
    ) throws {
        try carry.withUnsafeBufferPointer { try emit($0, &cursor, body) }
        carry.removeAll(keepingCapacity: true)
    }

    private mutating func emit(
        _ line: UnsafeBufferPointer<UInt8>, _ cursor: inout Cursor,
        _ body: (PhysicalLine) throws -> Void
    ) throws {
        try body(PhysicalLine(bytes: line, number: cursor.number, offset: cursor.offset))
        cursor.textOffset += line.count
        if firstReplacementLine == nil, let at = input.firstReplacementOffset, at < cursor.textOffset {
            firstReplacementLine = cursor.number
        }
        cursor.offset += input.sourceLength(of: line)
        cursor.number += 1
    }

    /// Index of the last byte of the first line end at or after `start`; nil when the chunk holds
    /// none, or ends in a `\r` that the next chunk's first byte may turn into `\r\n`.
    static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let newline = find(0x0A, in: bytes, from: start, to: bytes.count)
        guard let cr = find(0x0D, in: bytes, from: start, to: newline ?? bytes.count) else { return newline }
        if cr + 1 == bytes.count { return nil }
        return bytes[cr + 1] == 0x0A ? cr + 1 : cr
    }

    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int?
    {
        guard let base = bytes.baseAddress, start < end,
            let hit = memchr(base + start, Int32(byte), end - start)
        else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
