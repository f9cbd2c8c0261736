import RegpoolModel
import XCTest

@testable import RegpoolLinkage
@testable import RegpoolMapping

final class PseudonymizerTests: XCTestCase {
    let key = Array("0123456789abcdef0123456789abcdef".utf8)

    func testKnownVectorComputedWithPythonHMAC() {
        // python3: hmac.new(key, b"fr-lyon\x1f1001", sha256).digest()[:10] in Crockford base32
        let p = Pseudonymizer(key: key)
        XCTAssertEqual(p.pooledID(centre: "fr-lyon", localID: "1001"), "P-T7AHT8C2TRBX9C1B")
        XCTAssertEqual(p.pooledID(centre: "de-ulm", localID: "1001"), "P-CMGP76HETF0D677N")
    }

    func testFormatAndStability() {
        let p = Pseudonymizer(key: key)
        let id = p.pooledID(centre: "us-mayo", localID: "MRN-000123")
        XCTAssertEqual(id.count, 18)
        XCTAssertTrue(id.hasPrefix("P-"))
        let alphabet = Set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        XCTAssertTrue(id.dropFirst(2).allSatisfy { alphabet.contains($0) }, id)
        XCTAssertEqual(id, Pseudonymizer(key: key).pooledID(centre: "us-mayo", localID: "MRN-000123"))
    }

    func testDiffersByKeyCentreLocalIDAndSeparator() {
        let p = Pseudonymizer(key: key)
        let other = Pseudonymizer(key: Array("fedcba9876543210fedcba9876543210".utf8))
        let base = p.pooledID(centre: "fr-lyon", localID: "1001")
        XCTAssertNotEqual(base, other.pooledID(centre: "fr-lyon", localID: "1001"))
        XCTAssertNotEqual(base, p.pooledID(centre: "fr-nice", localID: "1001"))
        XCTAssertNotEqual(base, p.pooledID(centre: "fr-lyon", localID: "1002"))
        XCTAssertNotEqual(p.pooledID(centre: "ab", localID: "c"), p.pooledID(centre: "a", localID: "bc"))
    }

    func testCrockfordEncoding() {
        XCTAssertEqual(CrockfordBase32.encode([0, 0, 0, 0, 0]), "00000000")
        XCTAssertEqual(CrockfordBase32.encode([0xFF, 0xFF, 0xFF, 0xFF, 0xFF]), "ZZZZZZZZ")
        XCTAssertEqual(CrockfordBase32.encode([0x08, 0x42, 0x10, 0x84, 0x21]), "11111111")
    }
}
