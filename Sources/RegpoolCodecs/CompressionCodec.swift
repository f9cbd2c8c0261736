/// A Parquet compression codec (parquet.thrift `CompressionCodec`).
package enum CompressionCodec: String, Sendable, CaseIterable, Hashable {
    case uncompressed, snappy, gzip, zstd
}

extension CompressionCodec {
    /// The largest output `decompress` will allocate: page sizes are untrusted input.
    package static let maxDecompressedSize = 1 << 30

    /// The compressed bytes of `input` (deterministic: same input, level and library version →
    /// same bytes). `level` is ZSTD's (1–22, default 3) or GZIP's (1–9, default 6).
    package func compress(_ input: [UInt8], level: Int? = nil) throws -> [UInt8] {
        switch self {
        case .uncompressed: return input
        case .snappy: return try Snappy.compress(input)
        case .gzip: return try Gzip.compress(input, level: level ?? 6)
        case .zstd: return try Zstd.compress(input, level: level ?? 3)
        }
    }

    /// The decompressed bytes; throws `CodecError` unless they are exactly `uncompressedSize` bytes.
    package func decompress(_ input: ArraySlice<UInt8>, uncompressedSize: Int) throws -> [UInt8] {
        guard uncompressedSize >= 0, uncompressedSize <= Self.maxDecompressedSize else {
            throw CodecError(
                self,
                "a page claims \(uncompressedSize) uncompressed bytes; at most "
                    + "\(Self.maxDecompressedSize) are accepted")
        }
        switch self {
        case .uncompressed:
            guard input.count == uncompressedSize else {
                throw CodecError(self, "the page holds \(input.count) bytes, its header says \(uncompressedSize)")
            }
            return Array(input)
        case .snappy: return try Snappy.decompress(input, size: uncompressedSize)
        case .gzip: return try Gzip.decompress(input, size: uncompressedSize)
        case .zstd: return try Zstd.decompress(input, size: uncompressedSize)
        }
    }
}

/// A codec failure: which codec and what went wrong, in a sentence.
package struct CodecError: Error, Sendable, Equatable, CustomStringConvertible {
    package let codec: CompressionCodec
    package let problem: String

    init(_ codec: CompressionCodec, _ problem: String) {
        self.codec = codec
        self.problem = problem
    }

    package var description: String { "\(codec.rawValue.uppercased()): \(problem)" }
}

/// The C libraries' versions at run time, for the build manifest.
package enum CodecLibraries {
    /// `libzstd` and `zlib` as loaded; snappy has no run-time version call and is not listed.
    package static var versions: [(name: String, version: String)] {
        [("libzstd", Zstd.version), ("zlib", Gzip.version)]
    }
}
