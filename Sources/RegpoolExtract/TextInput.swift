import RegpoolModel

/// A file read as UTF-8 chunks in its declared encoding: UTF-8 passes through untouched (invalid
/// bytes kept), other encodings are transcoded chunk by chunk after the byte-order mark is checked.
final class TextInput {
    private let file: InputFile
    private let displayName: String
    private let raw: UnsafeMutableRawBufferPointer
    private let decoded: UnsafeMutablePointer<UInt8>
    private var transcoder: TextTranscoder?
    private var pending: Int?
    private var ended = false
    /// Bytes of the file before the first chunk's text (a UTF-16 byte-order mark; a UTF-8 one stays in the text).
    private(set) var skipped = 0

    /// Opens `path` and reads its first chunk, checking the byte-order mark against `encoding`.
    init(path: String, displayName: String, encoding: TextEncoding) throws {
        file = try InputFile(path: path, displayName: displayName)
        self.displayName = displayName
        raw = .allocate(byteCount: InputFile.chunkSize, alignment: 1)
        decoded = .allocate(capacity: TextTranscoder.capacity(for: InputFile.chunkSize))
        let count = try fillFirstChunk()
        let mark = ByteOrderMark(UnsafeRawBufferPointer(rebasing: raw[..<count]))
        let scheme = try ByteOrderMark.scheme(for: encoding, mark: mark, file: displayName)
        transcoder = scheme.map(TextTranscoder.init(scheme:))
        if transcoder != nil { skipped = mark?.length ?? 0 }
        pending = count
    }

    deinit {
        raw.deallocate()
        decoded.deallocate()
    }

    /// U+FFFD written for undecodable input so far (undefined Windows-1252 bytes, unpaired surrogates).
    var replacements: Int { transcoder?.replacements ?? 0 }
    /// Offset in the UTF-8 text of the first such U+FFFD.
    var firstReplacementOffset: Int? { transcoder?.firstReplacementOffset }

    /// The next chunk of UTF-8 text (possibly empty), valid until the next call; nil at the end of the file.
    func nextChunk() throws -> UnsafeBufferPointer<UInt8>? {
        if ended { return nil }
        var start = 0
        let count: Int
        if let first = pending {
            pending = nil
            count = first
            start = skipped
        } else {
            count = try file.read(into: raw)
        }
        let input = UnsafeBufferPointer(
            start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + start,
            count: count - start)
        if count == 0 { ended = true }
        guard var transcoder else { return count == 0 ? nil : input }
        let written = count == 0 ? transcoder.finish(into: decoded) : transcoder.transcode(input, into: decoded)
        self.transcoder = transcoder
        return written == 0 && count == 0 ? nil : UnsafeBufferPointer(start: decoded, count: written)
    }

    /// How many bytes of the file `text` (whole characters of this file's UTF-8 text) came from.
    func sourceLength(of text: UnsafeBufferPointer<UInt8>) -> Int {
        guard let scheme = transcoder?.scheme else { return text.count }
        var length = 0
        if case .utf16 = scheme {
            for byte in text where byte & 0xC0 != 0x80 { length += byte >= 0xF0 ? 4 : 2 }
        } else {
            for byte in text where byte & 0xC0 != 0x80 { length += 1 }
        }
        return length
    }

    /// Reads until the first chunk holds at least a byte-order mark's worth of bytes, or the file ends.
    private func fillFirstChunk() throws -> Int {
        var count = 0
        while count < 4 {
            let n = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[count...]))
            if n == 0 { break }
            count += n
        }
        return count
    }
}
