import XCTest

@testable import RegpoolParquet

/// The RLE/bit-packed hybrid encoding of definition levels (bit width 1).
final class ParquetRLEEncoderTests: XCTestCase {
    func testEmptyLevelsEncodeToNothing() {
        XCTAssertEqual(RLEBitPackedHybridEncoder.encode([]), [])
        XCTAssertEqual(RLEBitPackedHybridEncoder.encodeWithLengthPrefix([]), [0, 0, 0, 0])
    }

    func testLongRunIsOneRLERun() {
        let levels = [UInt8](repeating: 1, count: 10)
        XCTAssertEqual(RLEBitPackedHybridEncoder.encode(levels), [0x14, 0x01])
        XCTAssertEqual(RLEBitPackedHybridEncoder.encodeWithLengthPrefix(levels), [2, 0, 0, 0, 0x14, 0x01])
        XCTAssertEqual(RLEBitPackedHybridEncoder.encode([UInt8](repeating: 0, count: 300)), [0xD8, 0x04, 0x00])
    }

    func testShortMixedLevelsAreBitPackedLSBFirst() {
        XCTAssertEqual(RLEBitPackedHybridEncoder.encode([1, 0, 1]), [0x03, 0x05])
        XCTAssertEqual(RLEBitPackedHybridEncoder.encode([1, 1, 0, 1, 0, 0, 0, 0, 1]), [0x05, 0x0B, 0x01])
    }

    func testBitPackedGroupIsFilledFromTheFollowingRun() {
        // [1,0] then 21 ones: the first group takes 6 of the ones, the other 15 are one RLE run.
        let levels: [UInt8] = [1, 0] + [UInt8](repeating: 1, count: 21)
        XCTAssertEqual(RLEBitPackedHybridEncoder.encode(levels), [0x03, 0xFD, 0x1E, 0x01])
    }

    func testBitPackedRunsAreSplitAt504Values() {
        let levels = (0..<1000).map { UInt8($0 % 2) }
        let expected = [0x7F] + [UInt8](repeating: 0xAA, count: 63) + [0x7D] + [UInt8](repeating: 0xAA, count: 62)
        XCTAssertEqual(RLEBitPackedHybridEncoder.encode(levels), expected)
    }

    func testRoundTripsThroughAnIndependentDecoder() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for length in [1, 7, 8, 9, 63, 64, 65, 500, 504, 505, 2000] {
            for runBias in [1, 3, 9, 40] {
                var levels: [UInt8] = []
                var current: UInt8 = 0
                while levels.count < length {
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let run = Int(seed >> 33) % runBias + 1
                    levels.append(contentsOf: repeatElement(current, count: min(run, length - levels.count)))
                    current ^= 1
                }
                let decoded = Self.decode(RLEBitPackedHybridEncoder.encode(levels), count: levels.count)
                XCTAssertEqual(decoded, levels, "length \(length), run bias \(runBias)")
            }
        }
    }

    /// A straightforward decoder of the hybrid encoding (bit width 1), written from the spec.
    static func decode(_ bytes: [UInt8], count: Int) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while out.count < count && i < bytes.count {
            var header: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let b = bytes[i]
                i += 1
                header |= UInt64(b & 0x7F) << shift
                shift += 7
                if b & 0x80 == 0 { break }
            }
            if header & 1 == 0 {
                out.append(contentsOf: repeatElement(bytes[i], count: Int(header >> 1)))
                i += 1
            } else {
                for _ in 0..<Int(header >> 1) {
                    for bit in 0..<8 { out.append((bytes[i] >> UInt8(bit)) & 1) }
                    i += 1
                }
            }
        }
        return Array(out.prefix(count))
    }
}
