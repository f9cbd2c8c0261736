import RegpoolCodecs

/// Turns a page's stored bytes into its uncompressed bytes: the one place codecs plug in.
///
/// SNAPPY (raw), GZIP and ZSTD go through RegpoolCodecs; LZO, BROTLI, LZ4 and LZ4_RAW are
/// refused with a message naming the codecs that can be read. The uncompressed size is checked
/// against `maxUncompressedSize` before this is called, so a bad header cannot ask for gigabytes.
enum ParquetPageDecompressor {
    /// The codecs `decompress` can undo.
    static let supported: [ParquetReadFormat.Codec] = [.uncompressed, .snappy, .gzip, .zstd]

    /// True when pages compressed with `codec` can be read.
    static func supports(_ codec: ParquetReadFormat.Codec) -> Bool {
        supported.contains(codec)
    }

    /// The largest uncompressed page accepted from a file of `fileSize` bytes.
    static func maxUncompressedSize(fileSize: Int) -> Int {
        min(
            Int(Int32.max),
            max(1 << 26, fileSize.multipliedReportingOverflow(by: 1024).overflow ? Int.max : fileSize * 1024))
    }

    /// The uncompressed bytes of `stored`; `uncompressedSize` is what the page header says.
    static func decompress(
        _ stored: ArraySlice<UInt8>, codec: ParquetReadFormat.Codec, uncompressedSize: Int
    ) throws -> ArraySlice<UInt8> {
        let library: CompressionCodec
        switch codec {
        case .uncompressed: return stored
        case .snappy: library = .snappy
        case .gzip: library = .gzip
        case .zstd: library = .zstd
        default:
            throw ParquetDecodeFailure(index: stored.startIndex, problem: "codec \(codec.name) is not supported")
        }
        do {
            return try library.decompress(stored, uncompressedSize: uncompressedSize)[...]
        } catch let error as CodecError {
            throw ParquetDecodeFailure(
                index: stored.startIndex, problem: "the \(codec.name) page cannot be decompressed: \(error.problem)")
        }
    }
}
