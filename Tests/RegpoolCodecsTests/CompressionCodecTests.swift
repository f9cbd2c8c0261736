import RegpoolModel
import XCTest

@testable import RegpoolCodecs

/// Round trips, determinism, the gzip header, and garbage that must end in `CodecError`.
final class CompressionCodecTests: XCTestCase {

    static func random(_ count: Int, seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    }

    /// Text like a page of registry strings: compressible, not trivially.
    static let pageLike: [UInt8] = Array((0..<60_000).map { "P-\($0 % 997)|Hôpital \($0 % 31)|del(5q)|" }.joined().utf8)

    static let inputs: [(String, [UInt8])] = [
        ("empty", []), ("one byte", [42]), ("repetitive", [UInt8](repeating: 7, count: 100_000)),
        ("random", random(70_000, seed: 5)), ("5 MB page-like", Array(pageLike.prefix(5_000_000))),
    ]

    func testEveryCodecRoundTripsEveryInput() throws {
        for codec in CompressionCodec.allCases {
            for (name, input) in Self.inputs {
                let compressed = try codec.compress(input)
                let back = try codec.decompress(compressed[...], uncompressedSize: input.count)
                XCTAssertEqual(back, input, "\(codec) \(name)")
            }
        }
    }

    func testCompressingTwiceGivesTheSameBytes() throws {
        for codec in CompressionCodec.allCases {
            let input = Self.pageLike
            XCTAssertEqual(try codec.compress(input), try codec.compress(input), "\(codec)")
        }
    }

    func testCompressionShrinksRegistryText() throws {
        let input = Self.pageLike
        for codec in [CompressionCodec.snappy, .gzip, .zstd] {
            let size = try codec.compress(input).count
            XCTAssertLessThan(size, input.count / 3, "\(codec): \(size) of \(input.count)")
        }
    }

    func testGzipIsAnRFC1952MemberWithAFixedHeader() throws {
        let out = try CompressionCodec.gzip.compress(Array("hello, hello, hello".utf8))
        // ID1 ID2 CM=8 FLG=0 | MTIME=0 | XFL (0 at level 6) | OS=255 (unknown), not the machine's.
        XCTAssertEqual(Array(out.prefix(10)), [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF])
        // The trailer: CRC-32 and ISIZE (19) little-endian.
        XCTAssertEqual(Array(out.suffix(4)), [19, 0, 0, 0])
    }

    func testZlibStreamsAreAcceptedWhenReadingGzipPages() throws {
        // zlib header 78 9C + stored deflate block of "abc" + Adler-32.
        let zlib: [UInt8] = [0x78, 0x9C, 0x4B, 0x4C, 0x4A, 0x06, 0x00, 0x02, 0x4D, 0x01, 0x27]
        XCTAssertEqual(try CompressionCodec.gzip.decompress(zlib[...], uncompressedSize: 3), Array("abc".utf8))
    }

    func testWrongSizesAndAbsurdClaimsAreRefused() throws {
        for codec in CompressionCodec.allCases {
            let input = Array("registry".utf8)
            let compressed = try codec.compress(input)
            XCTAssertThrowsError(try codec.decompress(compressed[...], uncompressedSize: input.count + 1), "\(codec)")
            XCTAssertThrowsError(try codec.decompress(compressed[...], uncompressedSize: -1), "\(codec)")
            XCTAssertThrowsError(try codec.decompress(compressed[...], uncompressedSize: 1 << 40), "\(codec)") {
                error in
                XCTAssertTrue("\(error)".contains("at most"), "\(error)")
            }
        }
        XCTAssertThrowsError(try CompressionCodec.zstd.compress([1], level: 40))
        XCTAssertThrowsError(try CompressionCodec.gzip.compress([1], level: 0))
    }

    func testGarbageTruncationAndBitFlipsEndInCodecErrors() throws {
        var rng = SplitMix64(seed: 11)
        let input = Array(Self.pageLike.prefix(20_000))
        for codec in [CompressionCodec.snappy, .gzip, .zstd] {
            let good = try codec.compress(input)
            for _ in 0..<400 {
                var bad = good
                switch rng.below(3) {
                case 0: bad = Array(bad.prefix(rng.below(bad.count)))
                case 1: bad[rng.below(bad.count)] ^= UInt8(1 << rng.below(8))
                default: bad = Self.random(rng.below(300), seed: rng.next())
                }
                do {
                    let out = try codec.decompress(bad[...], uncompressedSize: input.count)
                    XCTAssertEqual(out.count, input.count)  // a flip inside a literal may still decode
                } catch let error as CodecError {
                    XCTAssertEqual(error.codec, codec)
                }
            }
        }
    }

    func testLibraryVersionsAreReported() {
        let names = CodecLibraries.versions.map(\.name)
        XCTAssertEqual(names, ["libzstd", "zlib"])
        XCTAssertTrue(CodecLibraries.versions.allSatisfy { $0.version.first?.isNumber == true })
    }
}

/// zlib's CRC-32 against the standard check value and a bitwise reference.
final class CRC32Tests: XCTestCase {
    func testCheckValueAndEmpty() {
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)[...]), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum([][...]), 0)
    }

    func testAgreesWithABitwiseReference() {
        var rng = SplitMix64(seed: 3)
        let bytes = (0..<10_000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        XCTAssertEqual(CRC32.checksum(bytes[100...]), CRC32.checksum(Array(bytes[100...])[...]))
        XCTAssertEqual(CRC32.checksum(bytes[...]), crc ^ 0xFFFF_FFFF)
    }
}
