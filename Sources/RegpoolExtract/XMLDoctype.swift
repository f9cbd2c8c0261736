/// What a document's DOCTYPE declares, as far as the DOCTYPE policy needs it (read from libxml2 by
/// `XMLStreamReader`; judged by `XMLDoctype.refusal`).
struct XMLDoctype {
    /// One `<!ENTITY …>` declaration of the internal subset.
    struct Entity {
        package enum Kind {
            case internalGeneral, externalGeneral, unparsed, internalParameter, externalParameter, predefined
        }

        let name: String
        package let kind: Kind
        let publicID: String?
        let systemID: String?
        /// Length of the replacement text in bytes.
        let length: Int
        /// True when the replacement text holds `&` or `%` (a reference to another entity).
        let refersToEntities: Bool
    }

    /// The DOCTYPE's PUBLIC and SYSTEM identifiers (an external DTD).
    let publicID: String?
    let systemID: String?
    /// True when libxml2 holds an external subset for the document.
    let hasExternalSubset: Bool
    /// How many entities the DOCTYPE declares.
    let entityCount: Int
    /// The entity declarations, in document order (only the first `maxEntities` are read).
    let entities: [Entity]
}
