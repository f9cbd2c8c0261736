import RegpoolModel

/// Encodes audit events as JSON Lines: one object per line, keys always in the same order.
package enum AuditJSONL {
    /// The whole audit.jsonl content for `events` (already in their deterministic order).
    package static func encode(_ events: [AuditEvent]) -> [UInt8] {
        var out = JSONText()
        for event in events {
            out.object(fields(of: event))
            out.raw("\n")
        }
        return out.bytes
    }

    /// The ordered key/value pairs of one event.
    package static func fields(of e: AuditEvent) -> [(String, JSONValue?)] {
        func s(_ v: String?) -> JSONValue? { v.map { .string($0) } }
        return [
            ("code", .string(e.code.code)),
            ("event", .string(e.code.event)),
            ("stage", .string(e.code.stage.rawValue)),
            ("centre", s(e.centre)),
            ("file", s(e.file)),
            ("locator", s(e.locator)),
            ("field", s(e.field)),
            ("target", s(e.target)),
            ("source_value", s(e.sourceValue)),
            ("target_value", s(e.targetValue)),
            ("rule", s(e.rule)),
            ("count", e.count.map { .int($0) }),
            ("message", .string(e.message)),
        ]
    }
}
