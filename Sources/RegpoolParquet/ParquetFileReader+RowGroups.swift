extension ParquetFileReader {
    /// The most values (rows × columns) accepted from a file of `fileSize` bytes: 512 per byte,
    /// at least 2^20. Runs of nulls compress far, but not that far in any real table; the cap
    /// keeps a damaged row count from allocating gigabytes.
    static func maxValues(fileSize: Int) -> Int {
        max(1 << 20, fileSize * 512)
    }

    /// Every row group has a column chunk per leaf and a sane row count; the counts add up to the
    /// file's. Returns the number of rows.
    func checkRowGroups(_ footer: ParquetFooter, leaves: [ParquetLeafColumn]) throws -> Int {
        var total: Int64 = 0
        for (index, group) in footer.rowGroups.enumerated() {
            guard group.numRows >= 0 else {
                throw error(at: group.offset, "row group \(index) has a negative row count \(group.numRows)")
            }
            guard group.columns.count == leaves.count else {
                throw error(
                    at: group.offset,
                    "row group \(index) has \(group.columns.count) column chunks for \(leaves.count) columns")
            }
            let (sum, overflow) = total.addingReportingOverflow(group.numRows)
            guard !overflow else { throw error(at: group.offset, "the row groups' row counts overflow") }
            total = sum
        }
        guard total == footer.numRows else {
            throw error(
                at: dataRange.upperBound,
                "the row groups hold \(total) rows but the footer says \(footer.numRows)")
        }
        let limit = Self.maxValues(fileSize: bytes.count)
        guard total <= Int64(limit / max(leaves.count, 1)) else {
            throw error(
                at: dataRange.upperBound,
                "the footer claims \(total) rows of \(leaves.count) columns in \(bytes.count) bytes, "
                    + "more than this reader accepts (512 values per byte of file)")
        }
        return Int(total)
    }
}
