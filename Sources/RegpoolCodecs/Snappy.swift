import CSnappy

/// Snappy's raw block format (not the framed format), through libsnappy's C API.
enum Snappy {
    static func compress(_ input: [UInt8]) throws -> [UInt8] {
        var length = snappy_max_compressed_length(input.count)
        var out = [UInt8](repeating: 0, count: max(length, 1))
        // A one-byte buffer stands in for an empty input, which has no base address.
        let buffer = input.isEmpty ? [0] : input
        let status = buffer.withUnsafeBytes { source in
            out.withUnsafeMutableBytes { target in
                snappy_compress(
                    source.baseAddress!.assumingMemoryBound(to: CChar.self), input.count,
                    target.baseAddress!.assumingMemoryBound(to: CChar.self), &length)
            }
        }
        guard status == SNAPPY_OK else { throw CodecError(.snappy, "compression failed (status \(status.rawValue))") }
        out.removeSubrange(length...)
        return out
    }

    static func decompress(_ input: ArraySlice<UInt8>, size: Int) throws -> [UInt8] {
        guard !input.isEmpty else { throw CodecError(.snappy, "the page is empty, not a raw Snappy block") }
        return try input.withUnsafeBytes { source in
            let bytes = source.baseAddress?.assumingMemoryBound(to: CChar.self)
            var claimed = 0
            guard let bytes, snappy_uncompressed_length(bytes, source.count, &claimed) == SNAPPY_OK,
                snappy_validate_compressed_buffer(bytes, source.count) == SNAPPY_OK
            else { throw CodecError(.snappy, "the page is not a valid raw Snappy block") }
            guard claimed == size else {
                throw CodecError(.snappy, "the page decompresses to \(claimed) bytes, its header says \(size)")
            }
            var out = [UInt8](repeating: 0, count: max(size, 1))
            var length = size
            let status = out.withUnsafeMutableBytes { target in
                snappy_uncompress(bytes, source.count, target.baseAddress!.assumingMemoryBound(to: CChar.self), &length)
            }
            guard status == SNAPPY_OK, length == size else {
                throw CodecError(.snappy, "the page is not a valid raw Snappy block")
            }
            out.removeSubrange(size...)
            return out
        }
    }
}
