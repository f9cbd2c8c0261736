import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Named moments of writing and publishing a build where the crash tests kill the process
/// (`REGPOOL_CRASH_AT=<name>`: SIGKILL at that moment, as a power cut or an OOM kill would). Unset,
/// as in every real run, a point costs one environment look-up.
package enum CrashPoint {
    /// Every point, in the order a run passes them (docs/operations.md).
    package static let all = [
        "stage.written", "build.tables", "build.manifest", "publish.synced", "publish.renamed",
        "publish.exchanged", "publish.linked", "prune.started",
    ]

    private static let chosen = ProcessInfo.processInfo.environment["REGPOOL_CRASH_AT"]

    /// Kills the process with SIGKILL when `REGPOOL_CRASH_AT` names `name`.
    package static func hit(_ name: String) {
        guard chosen == name else { return }
        kill(getpid(), SIGKILL)
    }
}
