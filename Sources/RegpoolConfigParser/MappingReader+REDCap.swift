import RegpoolConfig
import RegpoolModel
import Yams

/// The `redcap:` block of a source of format redcap.
extension MappingReader {
    static let redcapKeys = ["dictionary", "instrument"]

    /// Format redcap with its required `redcap:` settings; `csv` or `xml` settings are errors.
    func redcapFormat(_ node: Node, _ keyed: KeyedNode) -> SourceFormat? {
        let d = diagnostics
        for other in ["csv", "xml"] {
            if let key = keyed.keyNode(other) {
                d.report(
                    key, "'\(other)' applies only to format \(other); this source is redcap",
                    hint: "a REDCap export is always comma-separated UTF-8; remove '\(other)'")
            }
        }
        guard let block = keyed["redcap"] else {
            d.report(
                node, "format redcap needs a 'redcap' key naming the data dictionary",
                hint: "add 'redcap: { dictionary: \"*_DataDictionary_*.csv\" }'")
            return nil
        }
        return redcapSpec(block).map { .redcap($0) }
    }

    /// `redcap.dictionary` (a glob, required) and `redcap.instrument` (optional).
    private func redcapSpec(_ node: Node) -> REDCapSourceSpec? {
        let d = diagnostics
        guard let keyed = d.keyed(node, allowed: Self.redcapKeys, required: ["dictionary"], in: "'redcap'"),
            let glob = keyed["dictionary"].flatMap({ d.text($0, "'redcap.dictionary'") })
        else { return nil }
        var instrument: String?
        if let node = keyed["instrument"] {
            guard let name = d.text(node, "'redcap.instrument'") else { return nil }
            instrument = name
        }
        return REDCapSourceSpec(dictionary: glob, instrument: instrument)
    }
}
