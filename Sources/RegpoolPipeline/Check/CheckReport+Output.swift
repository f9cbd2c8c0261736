import RegpoolLoad
import RegpoolModel

extension CheckReport {
    /// The report for a person: one section per centre, one line per finding, a closing verdict.
    package var text: String {
        var lines: [String] = []
        for centre in centres {
            lines.append("== \(centre.id): \(centre.files) file(s), \(centre.recordsRead) record(s) read")
            for u in centre.unmapped {
                lines.append(
                    "\(centre.id)  \(u.field) → \(u.target)  \"\(u.value)\"  ×\(u.count)  first at \(Self.place(u.firstFile, u.firstLocator))"
                )
            }
            for r in centre.rejections + centre.dropped {
                lines.append(
                    "\(centre.id)  \(r.code) \(r.event)  \(Self.place(r.file ?? "", r.locator ?? ""))  \(r.message)")
            }
            lines += centre.notes.map { "\(centre.id)  note: \($0)" }
            if centre.isClean { lines.append("\(centre.id)  ok") }
            lines.append("")
        }
        lines.append(verdict)
        return lines.joined(separator: "\n")
    }

    /// The last line: nothing to do, or how much.
    package var verdict: String {
        if exitStatus == .success { return "check: no problems in \(centres.count) centre(s); ready for a run." }
        return "check: \(unmappedCount) unmapped value(s), \(rejectionCount) rejected record(s) or file(s) "
            + "and \(droppedCount) dropped value(s) or row(s) in \(centres.filter { !$0.isClean }.count) of \(centres.count) centre(s); fix the mappings or ask the centres for corrected exports."
    }

    /// The report as one JSON object (keys in a fixed order).
    package var json: JSONValue {
        .object([
            ("pipeline", .string(pipeline)), ("ok", .bool(exitStatus == .success)),
            ("unmapped_values", .int(unmappedCount)), ("rejections", .int(rejectionCount)),
            ("dropped", .int(droppedCount)),
            ("centres", .array(centres.map(\.json))),
        ])
    }

    /// A configuration or input error as the --json object: every problem, one per element.
    package static func errorJSON(_ error: PipelineError) -> String {
        let lines = error.message.split(separator: "\n").map { String($0.drop { $0 == " " }) }
        return JSONValue.object([
            ("ok", .bool(false)), ("error", .string(error.kind == .config ? "config" : "input")),
            ("problems", .array(lines.map(JSONValue.string))),
        ]).text
    }

    private static func place(_ file: String, _ locator: String) -> String {
        [file, locator].filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension CheckReport.Centre {
    /// The centre's findings as a JSON object.
    var json: JSONValue {
        .object([
            ("centre", .string(id)), ("files", .int(files)), ("records_read", .int(recordsRead)),
            (
                "unmapped",
                .array(
                    unmapped.map { u in
                        .object([
                            ("field", .string(u.field)), ("target", .string(u.target)), ("value", .string(u.value)),
                            ("count", .int(u.count)), ("first_file", .string(u.firstFile)),
                            ("first_locator", .string(u.firstLocator)),
                        ])
                    })
            ),
            ("rejected", .array(rejections.map(\.json))),
            ("dropped", .array(dropped.map(\.json))),
            ("notes", .array(notes.map(JSONValue.string))),
        ])
    }
}

extension CheckReport.Rejection {
    /// The finding as a JSON object.
    var json: JSONValue {
        .object([
            ("code", .string(code)), ("event", .string(event)), ("file", file.map(JSONValue.string)),
            ("locator", locator.map(JSONValue.string)), ("field", field.map(JSONValue.string)),
            ("value", value.map(JSONValue.string)), ("message", .string(message)),
        ])
    }
}
