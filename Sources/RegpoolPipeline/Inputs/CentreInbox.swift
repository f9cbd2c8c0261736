import RegpoolConfig
import RegpoolLoad
import RegpoolModel

/// One centre's inbox as this run sees it: which file feeds which sources, with hashes.
struct CentreInbox {
    struct File {
        let name: String
        let path: String
        let sources: [SourceSpec]
        let sha256: String
        let bytes: Int
    }

    let centre: CentreConfig
    let files: [File]
    /// REDCap data dictionaries (files matching a redcap source's `dictionary` glob and no source's
    /// `files:`): read with their exports, hashed into the manifest, never reported as ignored.
    let dictionaries: [File]
    /// Inbox files that match no source (reported as FileIgnored).
    let ignored: [String]
    /// Sources that matched no file (reported as SourceMissing).
    let missingSources: [SourceSpec]

    /// Lists and hashes the inbox of `centre` and matches its files to the mapping's sources.
    static func scan(_ centre: CentreConfig, mapping: MappingConfig) throws -> CentreInbox {
        var files: [File] = []
        var dictionaries: [File] = []
        var ignored: [String] = []
        for name in try FileSystem.listInbox(centre.inbox, centre: centre.id)
        where Glob.matchesAny(centre.files, name) {
            let sources = mapping.sources.filter { Glob.matchesAny($0.files, name) && !isDictionary(name, of: $0) }
            let path = "\(centre.inbox)/\(name)"
            if !sources.isEmpty {
                let (sha, bytes) = try FileSystem.hashFile(path)
                files.append(File(name: name, path: path, sources: sources, sha256: sha, bytes: bytes))
            } else if mapping.sources.contains(where: { isDictionary(name, of: $0) }) {
                let (sha, bytes) = try FileSystem.hashFile(path)
                dictionaries.append(File(name: name, path: path, sources: [], sha256: sha, bytes: bytes))
            } else {
                ignored.append(name)
            }
        }
        let missing = mapping.sources.filter { source in !files.contains { $0.sources.contains(source) } }
        return CentreInbox(
            centre: centre, files: files, dictionaries: dictionaries, ignored: ignored, missingSources: missing)
    }

    /// True when `name` matches the data dictionary glob of `source` (a redcap source).
    static func isDictionary(_ name: String, of source: SourceSpec) -> Bool {
        guard case .redcap(let spec) = source.format else { return false }
        return Glob.matches(spec.dictionary, name)
    }

    /// The inbox files matching a REDCap `dictionary` glob.
    func dictionaries(matching glob: String) -> [File] {
        (files + dictionaries).filter { Glob.matches(glob, $0.name) }.sorted { $0.name < $1.name }
    }

    /// Manifest entries for the files read (exports and data dictionaries), by file name.
    func manifestInputs(_ display: DisplayPath) -> [Manifest.Input] {
        (files + dictionaries).sorted { $0.name < $1.name }.map {
            Manifest.Input(centre: centre.id, path: display.of($0.path), sha256: $0.sha256, bytes: $0.bytes)
        }
    }

    /// Audit events for ignored files and sources without a file.
    var events: [AuditEvent] {
        ignored.map {
            AuditEvent(
                .fileIgnored, centre: centre.id, file: $0,
                message:
                    "\($0) matches no source of the mapping and was not read; add a source whose `files:` matches it, or remove it from the inbox."
            )
        }
            + missingSources.map {
                AuditEvent(
                    .sourceMissing, centre: centre.id, field: $0.name,
                    message:
                        "No file in the inbox matches source \($0.name) (files: \($0.files.joined(separator: ", "))).")
            }
    }
}
