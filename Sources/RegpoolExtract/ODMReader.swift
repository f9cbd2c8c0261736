import RegpoolModel

/// Streams the records of a CDISC ODM 1.3.x export: every ItemGroupData of `spec.itemGroupOID`.
///
/// Each record holds the context keys (`@StudyOID`, `@MetaDataVersionOID`, `@SubjectKey`,
/// `@StudyEventOID`, `@StudyEventRepeatKey`, `@FormOID`, `@FormRepeatKey`, `@ItemGroupOID`,
/// `@ItemGroupRepeatKey`), one field per ItemData named by its ItemOID (the code as sent; absent for
/// `IsNull="Yes"`) and, for items with a CodeList, `ItemOID#decode` (the decoded text). Same safety
/// rules as `XMLReader`: no network, only small internal text entities in a DOCTYPE, any parser error fails the file.
package struct ODMReader: Sendable {
    /// File to open.
    package let path: String
    /// Path relative to the inbox, used in records and messages.
    package let displayName: String
    package let spec: ODMSourceSpec

    /// A reader for the file at `path`, reported as `displayName`.
    package init(path: String, displayName: String, spec: ODMSourceSpec) {
        self.path = path
        self.displayName = displayName
        self.spec = spec
    }

    /// Sends every record to `sink` in document order and returns the metadata read, by MetaDataVersion
    /// OID (item data types, code lists); throws `ExtractError` when the file cannot be read, is not
    /// well-formed ODM, or has a refused DOCTYPE, or whatever `sink` throws.
    @discardableResult
    package func read(_ sink: (ExtractEvent) throws -> Void) throws -> [String: ODMMetaData] {
        let file = try InputFile(path: path, displayName: displayName)
        guard let reader = XMLStreamReader(fd: file.descriptor, url: displayName) else {
            throw ExtractError(
                file: displayName, message: "libxml2 could not start reading the file",
                hint: "check that the file is readable XML")
        }
        var walker = ODMWalker(reader: reader, displayName: displayName, itemGroupOID: spec.itemGroupOID)
        try walker.run(sink)
        withExtendedLifetime(file) {}
        return walker.metaData
    }
}
