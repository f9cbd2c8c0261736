import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The exclusive lock of one output folder (`<output>/.lock`), held for a whole run.
///
/// It is an `flock(2)` lock: the kernel releases it when its process ends, however it ends, so a
/// lock left by a killed run is never in the way. The file holds the holder's pid for messages;
/// finding a pid there when the lock is free means the previous run died without finishing.
package final class RunLock: @unchecked Sendable {
    /// The lock file's path.
    package let path: String
    /// The pid a previous run left in the lock file when it did not end cleanly (a killed run).
    package let staleHolder: Int32?
    private var fd: Int32

    /// Why the lock could not be taken.
    package enum Failure: Error, Sendable {
        /// Another live process holds it.
        case held(path: String, pid: Int32?)
        /// The lock file cannot be created or locked.
        case unusable(LoadError)
    }

    /// Takes the lock of `outputDirectory` (creating the folder), or fails at once when another
    /// process holds it; never waits.
    package init(outputDirectory: String) throws(Failure) {
        path = outputDirectory + "/.lock"
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw .unusable(LoadError(path: outputDirectory, message: error.localizedDescription))
        }
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unusable(LoadError(path: path, message: String(cString: strerror(errno)))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            let message = String(cString: strerror(errno))
            let holder = Self.readPID(fd)
            close(fd)
            throw busy ? .held(path: path, pid: holder) : .unusable(LoadError(path: path, message: message))
        }
        staleHolder = Self.readPID(fd)
        Self.writePID(fd, getpid())
    }

    /// Empties the pid and releases the lock (also released by the kernel if the process dies).
    package func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        _ = flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }

    static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, 32, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text)
    }

    static func writePID(_ fd: Int32, _ pid: Int32) {
        let bytes = Array("\(pid)\n".utf8)
        _ = ftruncate(fd, 0)
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress!, bytes.count, 0) }
    }
}
