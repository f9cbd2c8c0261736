import RegpoolModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams the records of an XML export: every element at `spec.recordPath`, one at a time.
///
/// A DOCTYPE is accepted only with a few small internal text entities (`XMLDoctype`); any parser error fails the whole file.
package struct XMLReader: Sendable {
    /// File to open.
    package let path: String
    /// Path relative to the inbox, used in records and messages.
    package let displayName: String
    package let spec: XMLRecordSpec

    /// A reader for the file at `path`, reported as `displayName`.
    package init(path: String, displayName: String, spec: XMLRecordSpec) {
        self.path = path
        self.displayName = displayName
        self.spec = spec
    }

    /// Sends every record to `sink` in document order; throws `ExtractError` when the file cannot be
    /// read, is not well-formed, or has a refused DOCTYPE, or whatever `sink` throws.
    package func read(_ sink: (ExtractEvent) throws -> Void) throws {
        try read(allFields: false, sink)
    }

    /// Like `read`, but each record carries every field of its subtree instead of `spec.fields`
    /// (which are ignored): the record's attributes `@a`, descendants' attributes `child/@a` and leaf
    /// elements' text `child/grandchild`, in document order, the first value of a repeated path.
    /// Each record has its own `FieldNames`. For `regpool inspect`; the pipeline uses `read`.
    package func readAllFields(_ sink: (ExtractEvent) throws -> Void) throws {
        try read(allFields: true, sink)
    }

    private func read(allFields: Bool, _ sink: (ExtractEvent) throws -> Void) throws {
        let spec = allFields ? XMLRecordSpec(recordPath: spec.recordPath, fields: []) : spec
        let plan = try XMLExtractionPlan(spec: spec, displayName: displayName)
        let file = try InputFile(path: path, displayName: displayName)
        guard let reader = XMLStreamReader(fd: file.descriptor, url: displayName) else {
            throw ExtractError(
                file: displayName, message: "libxml2 could not start reading the file",
                hint: "check that the file is readable XML")
        }
        var walker = XMLRecordWalker(plan: plan, reader: reader, displayName: displayName)
        walker.collectsAllFields = allFields
        try walker.run(sink)
        withExtendedLifetime(file) {}
    }
}
