import RegpoolExtract

/// The extractor `regpool inspect` reads with.
enum InspectionReader {
    case csv(CSVReader)
    case xml(XMLReader)
    /// Every field of each record (`XMLReader.readAllFields`).
    case xmlAllFields(XMLReader)
    /// ODM item-group records (the mapping's `odm.item_group`).
    case odm(ODMReader)
    case redcap(REDCapReader)

    /// Sends every event of the file to `sink`.
    func read(_ sink: (ExtractEvent) throws -> Void) throws {
        switch self {
        case .csv(let r): try r.read(sink)
        case .xml(let r): try r.read(sink)
        case .xmlAllFields(let r): try r.readAllFields(sink)
        case .odm(let r): try r.read(sink)
        case .redcap(let r): try r.read(sink)
        }
    }
}
