import Foundation
import XCTest

@testable import RegpoolExtract

/// The transcoder gives the same UTF-8 however its input is cut into chunks.
final class TextTranscoderTests: XCTestCase {
    private func transcode(_ bytes: [UInt8], _ scheme: TextTranscoder.Scheme, cuts: [Int]) -> (String, Int) {
        var transcoder = TextTranscoder(scheme: scheme)
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: TextTranscoder.capacity(for: bytes.count))
        var start = 0
        for end in cuts + [bytes.count] where end >= start {
            let n = bytes[start..<end].withUnsafeBufferPointer { input in
                buffer.withUnsafeMutableBufferPointer { transcoder.transcode(input, into: $0.baseAddress!) }
            }
            out += buffer[..<n]
            start = end
        }
        let n = buffer.withUnsafeMutableBufferPointer { transcoder.finish(into: $0.baseAddress!) }
        out += buffer[..<n]
        return (String(decoding: out, as: UTF8.self), transcoder.replacements)
    }

    func testUTF16EveryCutPositionAndEveryPairOfCuts() throws {
        let text = "Göteborg 🇸🇪 서울 €\r\n"
        for (scheme, encoding) in [
            (TextTranscoder.Scheme.utf16(bigEndian: false), String.Encoding.utf16LittleEndian),
            (.utf16(bigEndian: true), .utf16BigEndian),
        ] {
            let bytes = Array(try XCTUnwrap(text.data(using: encoding)))
            for a in 0...bytes.count {
                for b in a...bytes.count {
                    let (decoded, replaced) = transcode(bytes, scheme, cuts: [a, b])
                    XCTAssertEqual(decoded, text, "cuts at \(a), \(b)")
                    XCTAssertEqual(replaced, 0)
                }
            }
        }
    }

    func testWindows1252MatchesFoundationForEveryDefinedByte() throws {
        let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        let bytes = (0...255).map(UInt8.init).filter { !undefined.contains($0) }
        let expected = try XCTUnwrap(String(data: Data(bytes), encoding: .windowsCP1252))
        XCTAssertEqual(transcode(bytes, .windows1252, cuts: [100]).0, expected)
        XCTAssertEqual(transcode(Array(undefined).sorted(), .windows1252, cuts: []).1, 5)
    }

    func testLatin1MatchesFoundationForEveryByte() throws {
        let bytes = (0...255).map(UInt8.init)
        XCTAssertEqual(transcode(bytes, .latin1, cuts: [128]).0, String(data: Data(bytes), encoding: .isoLatin1))
    }

    func testDanglingHalfUnitAndHighSurrogateAtTheEndAreReplaced() {
        XCTAssertEqual(transcode([0x41, 0x00, 0x3D, 0xD8], .utf16(bigEndian: false), cuts: [3]).0, "A\u{FFFD}")
        let (text, replaced) = transcode([0x41, 0x00, 0x42], .utf16(bigEndian: false), cuts: [])
        XCTAssertEqual(text, "A\u{FFFD}")
        XCTAssertEqual(replaced, 1)
    }
}
