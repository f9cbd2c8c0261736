import RegpoolConfig
import RegpoolModel
import Yams

/// `format: odm` sources: the `odm` block naming the item group whose occurrences are the records.
extension MappingReader {
    static let odmKeys = ["item_group"]

    /// The `odm` settings of a source whose format is odm; `csv`/`xml` settings are errors there.
    func odmFormat(_ node: Node, _ keyed: KeyedNode) -> SourceFormat? {
        let d = diagnostics
        for other in ["csv", "xml"] {
            if let key = keyed.keyNode(other) {
                d.report(key, "'\(other)' applies only to format \(other); this source is odm")
            }
        }
        guard let odm = keyed["odm"] else {
            d.report(
                node, "format odm needs an 'odm' key naming the item group whose occurrences are the records",
                hint: "add 'odm: { item_group: IG.DEMOG }'")
            return nil
        }
        guard let settings = d.keyed(odm, allowed: Self.odmKeys, required: Self.odmKeys, in: "'odm'"),
            let groupNode = settings["item_group"], let group = d.text(groupNode, "'odm.item_group'")
        else { return nil }
        guard !group.isEmpty, !group.contains(where: \.isWhitespace) else {
            d.report(
                groupNode, "'odm.item_group' must be an ItemGroupOID, found '\(group)'",
                hint: "write the ItemGroupOID as in the export, e.g. IG.DEMOG")
            return nil
        }
        return .odm(ODMSourceSpec(itemGroupOID: group))
    }

    /// Reports an `odm` block on a source whose format is not odm.
    func rejectODMSettings(_ keyed: KeyedNode, format: String) {
        guard format != "odm", let key = keyed.keyNode("odm") else { return }
        diagnostics.report(key, "'odm' applies only to format odm; this source is \(format)")
    }
}
