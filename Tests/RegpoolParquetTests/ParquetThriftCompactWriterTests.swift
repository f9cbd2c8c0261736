import XCTest

@testable import RegpoolParquet

/// Known byte sequences of the Thrift compact protocol, worked out from the protocol spec.
final class ParquetThriftCompactWriterTests: XCTestCase {
    func testZigzagMapsSmallMagnitudesToSmallNumbers() {
        XCTAssertEqual(ThriftCompactWriter.zigzag32(0), 0)
        XCTAssertEqual(ThriftCompactWriter.zigzag32(-1), 1)
        XCTAssertEqual(ThriftCompactWriter.zigzag32(1), 2)
        XCTAssertEqual(ThriftCompactWriter.zigzag32(-2), 3)
        XCTAssertEqual(ThriftCompactWriter.zigzag32(Int32.max), 4_294_967_294)
        XCTAssertEqual(ThriftCompactWriter.zigzag32(Int32.min), 4_294_967_295)
        XCTAssertEqual(ThriftCompactWriter.zigzag64(-3), 5)
        XCTAssertEqual(ThriftCompactWriter.zigzag64(Int64.min), UInt64.max)
    }

    func testVarints() {
        func varint(_ v: UInt64) -> [UInt8] {
            var w = ThriftCompactWriter()
            w.writeVarint(v)
            return w.bytes
        }
        XCTAssertEqual(varint(0), [0x00])
        XCTAssertEqual(varint(127), [0x7F])
        XCTAssertEqual(varint(128), [0x80, 0x01])
        XCTAssertEqual(varint(300), [0xAC, 0x02])
        XCTAssertEqual(varint(UInt64.max), Array(repeating: 0xFF, count: 9) + [0x01])
    }

    func testShortFieldHeadersUseTheIdDelta() {
        var w = ThriftCompactWriter()
        w.beginStruct()
        w.writeI32Field(1, 1)  // delta 1, type i32 (5); zigzag(1) = 2
        w.writeI32Field(3, -1)  // delta 2; zigzag(-1) = 1
        w.writeI64Field(4, 150)  // delta 1, type i64 (6); zigzag(150) = 300
        w.endStruct()
        XCTAssertEqual(w.bytes, [0x15, 0x02, 0x25, 0x01, 0x16, 0xAC, 0x02, 0x00])
    }

    func testLongFieldHeaderWhenDeltaExceeds15OrGoesBack() {
        var w = ThriftCompactWriter()
        w.beginStruct()
        w.writeI32Field(20, 0)  // delta 20: type byte, then zigzag(20) = 40
        w.writeI32Field(2, 0)  // negative delta: long form again, zigzag(2) = 4
        w.writeI32Field(3, 0)  // back to short form
        w.endStruct()
        XCTAssertEqual(w.bytes, [0x05, 0x28, 0x00, 0x05, 0x04, 0x00, 0x15, 0x00, 0x00])
    }

    func testBoolFieldsLiveInTheHeader() {
        var w = ThriftCompactWriter()
        w.beginStruct()
        w.writeBoolField(1, true)
        w.writeBoolField(2, false)
        w.writeBoolField(18, true)
        w.endStruct()
        XCTAssertEqual(w.bytes, [0x11, 0x12, 0x01, 0x24, 0x00])
    }

    func testBinaryAndByteFields() {
        var w = ThriftCompactWriter()
        w.beginStruct()
        w.writeByteField(1, 32)
        w.writeByteField(2, -1)
        w.writeStringField(4, "é")
        w.endStruct()
        XCTAssertEqual(w.bytes, [0x13, 0x20, 0x13, 0xFF, 0x28, 0x02, 0xC3, 0xA9, 0x00])
    }

    func testShortAndLongListHeaders() {
        var w = ThriftCompactWriter()
        w.beginStruct()
        w.beginListField(2, elementType: .i32, count: 3)
        for v: Int32 in [0, 3, -3] { w.writeI32(v) }
        w.beginListField(3, elementType: .binary, count: 15)
        for _ in 0..<15 { w.writeBinary([0x61]) }
        w.endStruct()
        var expected: [UInt8] = [0x29, 0x35, 0x00, 0x06, 0x05, 0x19, 0xF8, 0x0F]
        for _ in 0..<15 { expected += [0x01, 0x61] }
        XCTAssertEqual(w.bytes, expected + [0x00])
    }

    func testNestedStructsRestoreTheOuterFieldId() {
        var w = ThriftCompactWriter()
        w.beginStruct()
        w.writeI32Field(1, 7)
        w.beginStructField(3)
        w.writeI32Field(1, -1)
        w.endStruct()
        w.writeI64Field(4, 5)
        w.beginListField(5, elementType: .struct, count: 1)
        w.beginStruct()
        w.writeI32Field(2, 1)
        w.endStruct()
        w.endStruct()
        XCTAssertEqual(
            w.bytes,
            [0x15, 0x0E, 0x2C, 0x15, 0x01, 0x00, 0x16, 0x0A, 0x19, 0x1C, 0x25, 0x02, 0x00, 0x00])
    }

    func testPageHeaderBytes() {
        let header = ParquetPageHeader(uncompressedPageSize: 10, compressedPageSize: 10, numValues: 3)
        // type DATA_PAGE, sizes 10/10, data_page_header { 3 values, PLAIN, RLE, RLE }.
        XCTAssertEqual(
            header.encoded(),
            [0x15, 0x00, 0x15, 0x14, 0x15, 0x14, 0x2C, 0x15, 0x06, 0x15, 0x00, 0x15, 0x06, 0x15, 0x06, 0x00, 0x00])
    }
}
