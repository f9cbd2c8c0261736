import RegpoolLoad

/// Restricting inboxes to the exports a published build read (`verify --rebuild`).
extension CentreInbox {
    /// This inbox with only the files `pinned` lists (by display path) and, when given, the
    /// ignored files the build named; files that arrived since are left out, unread and unnamed.
    func restricted(to pinned: Set<String>, display: DisplayPath, ignored names: [String]? = nil) -> CentreInbox {
        let keep = { (file: File) in pinned.contains(display.of(file.path)) }
        return CentreInbox(
            centre: centre, files: files.filter(keep), dictionaries: dictionaries.filter(keep),
            ignored: names ?? ignored, missingSources: missingSources)
    }

    /// Throws an input error naming the first export of `pinned` that is missing or changed in `found`.
    static func checkPinned(_ pinned: [Manifest.Input], found: [Manifest.Input]) throws {
        let byPath = Dictionary(found.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        for input in pinned {
            guard let now = byPath[input.path] else {
                throw PipelineError(
                    .input,
                    "The build read \(input.path) (centre \(input.centre), SHA-256 "
                        + "\(input.sha256)), which is no longer in the inbox: restore that export from the archive "
                        + "(its SHA-256 identifies it) to re-create the build.")
            }
            guard now.sha256 == input.sha256 else {
                throw PipelineError(
                    .input,
                    "\(input.path) (centre \(input.centre)) has changed since the build: its "
                        + "SHA-256 is \(now.sha256), the build read \(input.sha256). Restore the export the build read "
                        + "(from the archive) to re-create it.")
            }
        }
    }
}
