/// The DOCTYPE policy: only small, self-contained internal text entities are accepted.
extension XMLDoctype {
    /// Most entity declarations one DOCTYPE may hold.
    static let maxEntities = 64
    /// Longest replacement text of one entity, in bytes.
    static let maxEntityLength = 1024
    /// Most entity text one document may expand to in field values, in bytes (1 MiB).
    static let maxExpandedBytes = 1 << 20
    /// How to fix a refused DOCTYPE.
    package static let hint = "export without a DOCTYPE, or with only small internal text entities"

    /// Why this DOCTYPE is refused, or nil when it is harmless.
    var refusal: String? {
        if publicID != nil || systemID != nil || hasExternalSubset {
            return
                "DOCTYPE with an external DTD (\(Self.identifiers(publicID, systemID) ?? "external subset")) is not accepted"
        }
        if entityCount > Self.maxEntities {
            return "DOCTYPE declares \(entityCount) entities (more than \(Self.maxEntities)) and is not accepted"
        }
        for entity in entities {
            if let reason = Self.refusal(of: entity) { return "DOCTYPE not accepted: \(reason)" }
        }
        return nil
    }

    private static func refusal(of entity: Entity) -> String? {
        let name = "'\(entity.name)'"
        switch entity.kind {
        case .internalParameter, .externalParameter:
            return "entity '%\(entity.name)' is a parameter entity"
        case .externalGeneral, .unparsed:
            return
                "entity \(name) is an external entity (\(identifiers(entity.publicID, entity.systemID) ?? "no identifier")); external entities are never read"
        case .internalGeneral, .predefined:
            break
        }
        if entity.publicID != nil || entity.systemID != nil {
            return "entity \(name) names an external resource (\(identifiers(entity.publicID, entity.systemID) ?? ""))"
        }
        if entity.refersToEntities { return "entity \(name) refers to other entities (entity expansion attack)" }
        if entity.length > maxEntityLength {
            return "entity \(name) is \(entity.length) bytes long (more than \(maxEntityLength))"
        }
        return nil
    }

    /// `PUBLIC "…" SYSTEM "…"`, each part only when present; nil when neither is.
    private static func identifiers(_ publicID: String?, _ systemID: String?) -> String? {
        let parts = [publicID.map { "PUBLIC \"\(clipped($0))\"" }, systemID.map { "SYSTEM \"\(clipped($0))\"" }]
            .compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    private static func clipped(_ text: String) -> String {
        text.count <= 120 ? text : String(text.prefix(120)) + "…"
    }
}
