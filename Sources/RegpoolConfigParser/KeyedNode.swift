import RegpoolConfig
import RegpoolModel
import Yams

/// A YAML mapping whose keys were checked against the allowed set; pairs keep document order.
struct KeyedNode {
    struct Pair {
        let key: String
        let keyNode: Node
        let value: Node
    }

    /// The mapping node itself.
    let node: Node
    /// The allowed pairs, in document order.
    let pairs: [Pair]

    /// The value of `key`, or nil when absent.
    subscript(key: String) -> Node? {
        pairs.first { $0.key == key }?.value
    }

    /// The key node of `key`, or nil when absent.
    func keyNode(_ key: String) -> Node? {
        pairs.first { $0.key == key }?.keyNode
    }
}
