#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if canImport(Glibc)
    private let systemRead = Glibc.read
#else
    private let systemRead = Darwin.read
#endif

/// A regular file opened read-only, read in fixed-size chunks; file-level failures become `ExtractError`.
final class InputFile {
    /// Size of each read.
    static let chunkSize = 64 * 1024

    let descriptor: Int32
    private let displayName: String

    /// Opens `path`; throws an `ExtractError` naming `displayName` when it cannot be read.
    init(path: String, displayName: String) throws {
        self.displayName = displayName
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputFile.openError(errno: errno, displayName: displayName) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw ExtractError(
                file: displayName, message: "is a directory, not a file",
                hint: "point the source at a file inside the inbox")
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Reads up to `buffer.count` bytes; returns 0 at end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw ExtractError(
                file: displayName, message: "read failed: \(Self.describe(errno))",
                hint: "check that the file is complete and the disk is readable")
        }
    }

    private static func openError(errno code: Int32, displayName: String) -> ExtractError {
        let hint: String
        switch code {
        case ENOENT: hint = "check the file name in the pipeline configuration and that the file is in the inbox"
        case EACCES, EPERM: hint = "make the file readable by the user running regpool"
        default: hint = "check that the file exists and is readable"
        }
        return ExtractError(file: displayName, message: "cannot open: \(describe(code))", hint: hint)
    }

    static func describe(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}
