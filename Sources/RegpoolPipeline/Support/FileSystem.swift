import Crypto
import Foundation
import RegpoolLoad
import RegpoolModel

/// The pipeline's reads of configuration files and inboxes (the extractors read exports themselves).
enum FileSystem {
    /// The UTF-8 text of a configuration file, or a PipelineError naming it.
    static func readText(
        _ path: String, what: String, kind: PipelineError.Kind = .config
    ) throws -> (text: String, sha256: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason =
                FileManager.default.fileExists(atPath: path)
                ? "cannot be read (check its permissions)" : "does not exist"
            throw PipelineError(kind, "\(what) \(path) \(reason).")
        }
        let bytes = [UInt8](data)
        return (String(decoding: bytes, as: UTF8.self), SHA256Text.of(bytes))
    }

    /// The regular, non-hidden files directly inside `inbox`, sorted by the bytes of their names.
    static func listInbox(_ inbox: String, centre: String) throws -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inbox, isDirectory: &isDir), isDir.boolValue else {
            throw PipelineError(
                .input,
                "The inbox \(inbox) of centre \(centre) does not exist or is not a folder; nothing was built. "
                    + "Check the centre's `inbox:` in the pipeline file and that the export share is mounted.")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: inbox)
        } catch {
            throw PipelineError(
                .input,
                "The inbox \(inbox) of centre \(centre) cannot be read (\(error.localizedDescription)); nothing was built. "
                    + "Check the folder's permissions for the user that runs regpool.")
        }
        return names.filter { name in
            guard !name.hasPrefix(".") else { return false }
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: "\(inbox)/\(name)", isDirectory: &dir) && !dir.boolValue
        }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The size of a file in bytes, 0 when it cannot be read (reading it then says why).
    static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    /// SHA-256 and size of a file, read in 1 MiB chunks.
    static func hashFile(_ path: String) throws -> (sha256: String, bytes: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PipelineError(.input, "The export \(path) cannot be opened for reading; check its permissions.")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var total = 0
        while true {
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { break }
            total += chunk.count
            hasher.update(data: chunk)
        }
        return (Hex.lowercase(hasher.finalize()), total)
    }
}
