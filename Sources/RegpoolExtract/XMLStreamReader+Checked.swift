/// The error checks every walker over an `XMLStreamReader` makes after each move.
extension XMLStreamReader {
    /// Passes `status` through, or throws when libxml2 reported an error, saw a DOCTYPE or stopped.
    func checked(_ status: Int32, file: String) throws -> Int32 {
        if sawDoctype { throw Self.doctypeError(file: file) }
        if let problem {
            throw ExtractError(file: file, line: problem.line, column: problem.column,
                               message: "not well-formed XML: \(problem.message)",
                               hint: "fix the XML at this position, or re-export the file if it was cut short")
        }
        if status < 0 {
            throw ExtractError(file: file, message: "the XML parser stopped without a message",
                               hint: "check that the file is complete, well-formed XML")
        }
        return status
    }

    /// The error for a document with a DOCTYPE.
    static func doctypeError(file: String) -> ExtractError {
        ExtractError(file: file, line: nil, column: nil,
                     message: "DOCTYPE declarations are not accepted (entity and DTD attacks)",
                     hint: "export without a DOCTYPE")
    }
}
