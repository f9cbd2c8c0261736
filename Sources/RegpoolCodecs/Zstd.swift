import CZstd

/// ZSTD frames through libzstd (single-threaded, so the output depends only on input and level).
enum Zstd {
    static var version: String { String(cString: ZSTD_versionString()) }

    static func compress(_ input: [UInt8], level: Int) throws -> [UInt8] {
        guard (1...22).contains(level) else { throw CodecError(.zstd, "level \(level) is not in 1...22") }
        let bound = ZSTD_compressBound(input.count)
        var out = [UInt8](repeating: 0, count: max(bound, 1))
        let written = input.withUnsafeBytes { source in
            out.withUnsafeMutableBytes { target in
                ZSTD_compress(target.baseAddress, target.count, source.baseAddress, source.count, Int32(level))
            }
        }
        if ZSTD_isError(written) != 0 { throw CodecError(.zstd, String(cString: ZSTD_getErrorName(written))) }
        out.removeSubrange(written...)
        return out
    }

    static func decompress(_ input: ArraySlice<UInt8>, size: Int) throws -> [UInt8] {
        // A frame that states its content size must state this one: checked before allocating.
        let stated = input.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
        if stated == ZSTD_CONTENTSIZE_ERROR {
            throw CodecError(.zstd, "the page does not start with a ZSTD frame header")
        }
        if stated != ZSTD_CONTENTSIZE_UNKNOWN && stated != UInt64(size) {
            throw CodecError(.zstd, "the page's frame holds \(stated) bytes, its header says \(size)")
        }
        var out = [UInt8](repeating: 0, count: max(size, 1))
        let written = input.withUnsafeBytes { source in
            out.withUnsafeMutableBytes { target in
                ZSTD_decompress(target.baseAddress, size, source.baseAddress, source.count)
            }
        }
        if ZSTD_isError(written) != 0 {
            throw CodecError(
                .zstd,
                "the page is not a valid ZSTD frame of \(size) bytes: "
                    + String(cString: ZSTD_getErrorName(written)))
        }
        guard written == size else {
            throw CodecError(.zstd, "the page decompresses to \(written) bytes, its header says \(size)")
        }
        out.removeSubrange(size...)
        return out
    }
}
