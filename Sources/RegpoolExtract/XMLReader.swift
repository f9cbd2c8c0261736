import RegpoolModel
public struct XMLReader {
    public init(path: String, displayName: String, spec: XMLRecordSpec) {}
    public func read(_ sink: (ExtractEvent) throws -> Void) throws {}
}
