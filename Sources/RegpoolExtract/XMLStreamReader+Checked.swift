/// The error checks every walker over an `XMLStreamReader` makes after each move.
extension XMLStreamReader {
    /// Passes `status` through, or throws when libxml2 reported an error (a refused DOCTYPE first),
    /// entity text ran over its budget, or the parser stopped.
    func checked(_ status: Int32, file: String) throws -> Int32 {
        if let refusedDoctype { throw Self.doctypeError(file: file, reason: refusedDoctype) }
        if let problem {
            throw ExtractError(
                file: file, line: problem.line, column: problem.column,
                message: "not well-formed XML: \(problem.message)",
                hint: "fix the XML at this position, or re-export the file if it was cut short")
        }
        try checkEntityExpansion(file: file)
        if status < 0 {
            throw ExtractError(
                file: file, message: "the XML parser stopped without a message",
                hint: "check that the file is complete, well-formed XML")
        }
        return status
    }

    /// Reads the whole document: checks every move, vets the DOCTYPE, and hands each element to
    /// `visit`, which moves the cursor on and returns the reader's status.
    func walk(file: String, visit: () throws -> Int32) throws {
        var status = try checked(read(), file: file)
        while status == 1 {
            switch kind {
            case .documentType:
                try checkDoctype(file: file)
                status = try checked(read(), file: file)
            case .other: status = try checked(read(), file: file)
            case .element: status = try checked(try visit(), file: file)
            }
        }
    }

    /// Throws unless the DOCTYPE under the cursor is harmless (`XMLDoctype.refusal`).
    func checkDoctype(file: String) throws {
        if let reason = currentDoctype?.refusal { throw Self.doctypeError(file: file, reason: reason) }
    }

    /// Throws once the document's entity references expanded to more text than `XMLDoctype.maxExpandedBytes`.
    func checkEntityExpansion(file: String) throws {
        guard entityBudget.isExhausted else { return }
        throw Self.doctypeError(
            file: file,
            reason: "DOCTYPE entities expand to more than \(XMLDoctype.maxExpandedBytes) "
                + "bytes of text in this document (entity expansion attack)")
    }

    /// The error for a refused DOCTYPE, saying why.
    static func doctypeError(file: String, reason: String) -> ExtractError {
        ExtractError(file: file, message: reason, hint: XMLDoctype.hint)
    }
}
