/// Turns a page's stored bytes into its uncompressed bytes: the one place a codec plugs in.
///
/// Only UNCOMPRESSED is supported now. To add a codec: list it in `supported`, and decode it in
/// `decompress` into at most `uncompressedSize` bytes (the size is checked against
/// `maxUncompressedSize` before this is called, so a bad header cannot ask for gigabytes).
enum ParquetPageDecompressor {
    /// The codecs `decompress` can undo.
    static let supported: [ParquetReadFormat.Codec] = [.uncompressed]

    /// True when pages compressed with `codec` can be read.
    static func supports(_ codec: ParquetReadFormat.Codec) -> Bool {
        supported.contains(codec)
    }

    /// The largest uncompressed page accepted from a file of `fileSize` bytes.
    static func maxUncompressedSize(fileSize: Int) -> Int {
        min(Int(Int32.max), max(1 << 26, fileSize.multipliedReportingOverflow(by: 1024).overflow ? Int.max : fileSize * 1024))
    }

    /// The uncompressed bytes of `stored`; `uncompressedSize` is what the page header says.
    static func decompress(
        _ stored: ArraySlice<UInt8>, codec: ParquetReadFormat.Codec, uncompressedSize: Int
    ) throws -> ArraySlice<UInt8> {
        switch codec {
        case .uncompressed:
            return stored
        default:
            throw ParquetDecodeFailure(index: stored.startIndex, problem: "codec \(codec.name) is not supported yet")
        }
    }
}
