import CZlib

/// GZIP members (RFC 1952) through zlib's deflate/inflate, with a fixed header (mtime 0, OS 255)
/// so that the bytes do not depend on the machine.
enum Gzip {
    static var version: String { String(cString: zlibVersion()) }

    /// Offset of the header's OS byte.
    static let osByte = 9

    static func compress(_ input: [UInt8], level: Int) throws -> [UInt8] {
        guard (1...9).contains(level) else { throw CodecError(.gzip, "level \(level) is not in 1...9") }
        var stream = z_stream()
        // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
        guard
            deflateInit2_(
                &stream, Int32(level), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { throw CodecError(.gzip, "zlib could not start deflate") }
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        var input = input
        let status = input.withUnsafeMutableBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw CodecError(.gzip, "deflate did not finish (status \(status))") }
        out.removeSubrange(Int(stream.total_out)...)
        out[osByte] = 255
        return out
    }

    /// Deflate cannot expand data by more than about 1032:1.
    static let maxRatio = 1_032

    static func decompress(_ input: ArraySlice<UInt8>, size: Int) throws -> [UInt8] {
        guard size <= input.count * maxRatio + 64 else {
            throw CodecError(.gzip, "\(input.count) compressed bytes cannot hold the \(size) bytes the header says")
        }
        var stream = z_stream()
        // windowBits 15 + 32: a gzip member, or (leniently) a zlib stream.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw CodecError(.gzip, "zlib could not start inflate")
        }
        defer { inflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: size + 1)
        var source = Array(input)
        let status = source.withUnsafeMutableBufferPointer { compressed in
            out.withUnsafeMutableBufferPointer { target in
                stream.next_in = compressed.baseAddress
                stream.avail_in = uInt(compressed.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else {
            throw CodecError(.gzip, "the page is not a complete gzip member of \(size) bytes (zlib status \(status))")
        }
        guard Int(stream.total_out) == size else {
            throw CodecError(.gzip, "the page decompresses to \(stream.total_out) bytes, its header says \(size)")
        }
        out.removeSubrange(size...)
        return out
    }
}

/// CRC-32 (IEEE 802.3) through zlib's table-braided implementation: Parquet page checksums.
package enum CRC32 {
    /// The CRC-32 of `bytes`.
    package static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            var crc = crc32(0, nil, 0)
            var offset = 0
            while offset < buffer.count {  // zlib takes uInt lengths: feed at most 1 GiB at a time
                let length = min(buffer.count - offset, 1 << 30)
                crc = crc32(crc, buffer.baseAddress! + offset, uInt(length))
                offset += length
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }
}
