import Foundation
import RegpoolModel

#if canImport(Glibc)
    import Glibc
#endif

/// A build being written: files go into a staging folder beside the final one, each fsynced,
/// and `publish()` renames the folder into place and then moves `current` atomically.
package struct BuildFolder: Sendable {
    package let outputDirectory: String
    package let buildID: String
    package let stagingPath: String

    /// Creates the output folder if needed and a fresh staging folder inside it.
    package init(outputDirectory: String, buildID: String) throws {
        self.outputDirectory = outputDirectory
        self.buildID = buildID
        self.stagingPath = "\(outputDirectory)/.staging-\(buildID)-\(getpid())"
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
            if fm.fileExists(atPath: stagingPath) { try fm.removeItem(atPath: stagingPath) }
            try fm.createDirectory(atPath: stagingPath, withIntermediateDirectories: false)
        } catch {
            throw LoadError(path: stagingPath, message: error.localizedDescription)
        }
    }

    /// The final folder of this build.
    package var finalPath: String { "\(outputDirectory)/\(buildID)" }

    /// Writes `bytes` as `name` (which may name subfolders, `a/b/c.parquet`) in the staging
    /// folder, fsynced; returns its manifest entry.
    @discardableResult
    package func write(_ name: String, _ bytes: [UInt8], rows: Int? = nil) throws -> Manifest.Output {
        let path = "\(stagingPath)/\(name)"
        if let slash = name.lastIndex(of: "/") {
            let folder = "\(stagingPath)/\(name[..<slash])"
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw LoadError(path: folder, message: error.localizedDescription)
            }
        }
        try Self.writeSynced(path: path, bytes: bytes)
        return Manifest.Output(
            path: name, sha256: SHA256Text.of(bytes), bytes: bytes.count, rows: rows)
    }

    /// Moves the staging folder to `<output>/<build-id>` and points `<output>/current` at it.
    /// Returns the final path. A build folder of the same id (same inputs) is replaced.
    package func publish() throws -> String {
        let fm = FileManager.default
        for folder in Self.subfolders(of: stagingPath) { try Self.syncDirectory(folder) }
        try Self.syncDirectory(stagingPath)
        CrashPoint.hit("publish.synced")
        if fm.fileExists(atPath: finalPath) {
            // Same id, same inputs: swap the folders in one step, so `current` (which may point at
            // this id) never names a missing folder, then remove the old content.
            try Self.exchange(stagingPath, finalPath)
            CrashPoint.hit("publish.exchanged")
            try? fm.removeItem(atPath: stagingPath)
        } else {
            try Self.rename(stagingPath, finalPath)
        }
        try Self.syncDirectory(outputDirectory)  // the new folder is durable before `current` names it
        CrashPoint.hit("publish.renamed")
        let link = "\(outputDirectory)/current"
        let tmpLink = "\(outputDirectory)/.current-\(getpid())"
        unlink(tmpLink)
        guard symlink(buildID, tmpLink) == 0 else {
            throw LoadError(path: tmpLink, message: String(cString: strerror(errno)))
        }
        try Self.rename(tmpLink, link)
        CrashPoint.hit("publish.linked")
        try Self.syncDirectory(outputDirectory)
        return finalPath
    }

    /// Removes the staging folder (after a failed build).
    package func discard() {
        try? FileManager.default.removeItem(atPath: stagingPath)
    }

    static func writeSynced(path: String, bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw LoadError(path: path, message: String(cString: strerror(errno))) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LoadError(path: path, message: String(cString: strerror(errno)))
            }
            offset += n
        }
        guard fsync(fd) == 0 else { throw LoadError(path: path, message: String(cString: strerror(errno))) }
    }

    /// Every folder below `path` (partitions, exports), deepest first, so each is synced before its parent.
    static func subfolders(of path: String) -> [String] {
        let fm = FileManager.default
        let all = (try? fm.subpathsOfDirectory(atPath: path)) ?? []
        return all.filter { sub in
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: path + "/" + sub, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted { $0.count > $1.count }.map { path + "/" + $0 }
    }

    static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw LoadError(path: path, message: String(cString: strerror(errno))) }
        defer { close(fd) }
        _ = fsync(fd)
    }

    /// `renameat2(RENAME_EXCHANGE)`: swaps two paths atomically (Linux ≥ 3.15, glibc ≥ 2.28;
    /// looked up at run time because Swift's Glibc module does not declare it).
    static func exchange(_ a: String, _ b: String) throws {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
            throw LoadError(
                path: b, message: "this system's C library has no renameat2, needed to replace a build atomically")
        }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        guard renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 else {
            throw LoadError(path: b, message: "exchange with \(a): " + String(cString: strerror(errno)))
        }
    }

    static func rename(_ from: String, _ to: String) throws {
        guard Glibc.rename(from, to) == 0 else {
            throw LoadError(path: to, message: "rename from \(from): " + String(cString: strerror(errno)))
        }
    }
}
