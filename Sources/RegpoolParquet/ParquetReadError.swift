/// Why a Parquet file could not be read: names the file, the byte offset, the column (and row),
/// what is wrong and how to fix it.
package struct ParquetReadError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file as the caller named it.
    package let file: String
    /// The byte offset in the file where the problem was found, when it is at one place.
    package let offset: Int?
    /// The column at fault, when the problem is in one column.
    package let column: String?
    /// The 0-based row index at fault, when the problem is in one row.
    package let row: Int?
    /// What is wrong.
    package let problem: String
    /// How to fix it.
    package let fix: String

    /// An error about `file` (optionally at `offset`, in `column`, at `row`).
    package init(file: String, offset: Int? = nil, column: String? = nil, row: Int? = nil, problem: String, fix: String)
    {
        self.file = file
        self.offset = offset
        self.column = column
        self.row = row
        self.problem = problem
        self.fix = fix
    }

    /// One line: where, what is wrong, how to fix it.
    package var description: String {
        var place = "'\(file)'"
        if let offset { place += " at byte \(offset)" }
        if let column { place += ", column '\(column)'" }
        if let row { place += ", row index \(row)" }
        return "cannot read Parquet file \(place): \(problem); \(fix)"
    }
}

extension ParquetReadError {
    /// The advice for bytes that do not follow the format.
    static let damagedFix =
        "the file is damaged or was not written completely: write it again "
        + "(rerun the build) or restore it from a copy"
}

/// A decoding failure at an index into the bytes being decoded; the file reader turns it into a
/// `ParquetReadError` with the file, column and advice.
struct ParquetDecodeFailure: Error, Sendable, Equatable {
    /// The index in the decoded buffer (a file offset for slices of the file's bytes).
    let index: Int
    /// What is wrong.
    package let problem: String
    /// How to fix it, when it is not damage (e.g. an encoding this reader does not support).
    var fix: String? = nil
}
