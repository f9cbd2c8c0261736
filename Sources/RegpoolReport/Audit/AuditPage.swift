import RegpoolModel

/// The values audit.html shows, computed once (strings, numbers, lists and flags only).
struct AuditPage {
    let input: AuditReportInput
    /// Events with their audit.jsonl line numbers.
    let numbered: [(seq: Int, event: AuditEvent)]

    init(_ input: AuditReportInput) {
        self.input = input
        numbered = input.events.enumerated().map { ($0.offset + 1, $0.element) }
    }

    var dictionary: [String: Any] {
        let centres = centreIDs
        var linked: Set<Int> = []
        let centrePages = centres.map { centrePage($0, linked: &linked) }
        let buildWide = sections(numbered.filter { $0.event.centre == nil }, linked: &linked)
        return [
            "title": "Audit, build \(input.buildID)",
            "build_id": input.buildID, "regpool_version": input.regpoolVersion, "event_count": numbered.count,
            "centres": centrePages, "centre_index": centres.map { ["id": $0, "anchor": Self.anchor($0)] },
            "build_wide": buildWide, "has_build_wide": !buildWide.isEmpty,
            "events": numbered.filter { linked.contains($0.seq) }.map(eventRow), "linked_count": linked.count,
        ]
    }

    /// Centres in the order the inputs and events name them first.
    var centreIDs: [String] {
        var seen: [String] = []
        for c in input.inputs.map(\.centre) + numbered.compactMap(\.event.centre) where !seen.contains(c) {
            seen.append(c)
        }
        return seen
    }

    func centrePage(_ centre: String, linked: inout Set<Int>) -> [String: Any] {
        let events = numbered.filter { $0.event.centre == centre }
        let reads = events.filter { $0.event.code == .fileRead }
        let files: [[String: Any]] = input.inputs.filter { $0.centre == centre }.map { file in
            let mine = reads.filter {
                file.path == $0.event.file || file.path.hasSuffix("/" + ($0.event.file ?? "\u{0}"))
            }
            for read in mine { linked.insert(read.seq) }
            return [
                "path": file.path, "bytes": file.bytes, "sha256": file.sha256,
                "read": mine.reduce(0) { $0 + ($1.event.count ?? 0) }, "links": mine.map { ["seq": $0.seq] },
            ]
        }
        let (accepted, rejected) = recordCounts(centre)
        return [
            "id": centre, "anchor": Self.anchor(centre), "files": files,
            "read": reads.reduce(0) { $0 + ($1.event.count ?? 0) }, "accepted": accepted, "rejected": rejected,
            "records": accepted + rejected,
            "sections": sections(events.filter { $0.event.code != .fileRead }, linked: &linked),
        ]
    }

    /// (accepted, rejected) source_records rows of `centre`.
    func recordCounts(_ centre: String) -> (Int, Int) {
        guard let table = input.sourceRecords else { return (0, 0) }
        let (c, s) = (CDM.SourceRecords.centreID.index, CDM.SourceRecords.status.index)
        let rows = table.rows.filter { $0[c].stringValue == centre }
        let rejected = rows.filter { $0[s].stringValue == "rejected" }.count
        return (rows.count - rejected, rejected)
    }

    /// The events grouped into sections and lines; every event a line links to joins `linked`.
    func sections(_ events: [(seq: Int, event: AuditEvent)], linked: inout Set<Int>) -> [[String: Any]] {
        let bySection = Dictionary(grouping: events, by: { AuditSections.section(of: $0.event.code.code) })
        return bySection.keys.sorted().map { index in
            let spec =
                index < AuditSections.all.count
                ? AuditSections.all[index]
                : AuditSections.Section(title: "Other events", codes: [], byValue: false)
            let lines = AuditLines.group(bySection[index]!, byValue: spec.byValue)
            for line in lines { linked.formUnion(line.seqs.prefix(AuditReport.linksPerLine)) }
            return ["title": spec.title, "by_value": spec.byValue, "lines": lines.map(\.dictionary)]
        }
    }

    func eventRow(_ e: (seq: Int, event: AuditEvent)) -> [String: Any] {
        let v = e.event
        return [
            "seq": e.seq, "code": v.code.code, "event": v.code.event, "centre": v.centre ?? "", "file": v.file ?? "",
            "locator": v.locator ?? "", "field": v.field ?? "", "target": v.target ?? "",
            "source_value": v.sourceValue ?? "", "target_value": v.targetValue ?? "", "rule": v.rule ?? "",
            "count": v.count.map(String.init) ?? "", "message": v.message,
        ]
    }

    /// An HTML id for a centre (ids are letters, digits, `-`, `_`; anything else becomes `_`).
    static func anchor(_ centre: String) -> String {
        "centre-"
            + String(
                centre.unicodeScalars.map {
                    $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
                        ? Character($0) : "_"
                })
    }
}
