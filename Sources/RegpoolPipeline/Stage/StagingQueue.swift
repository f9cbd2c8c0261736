import Dispatch

/// One background thread for writing staged centre results, so that on a two-core machine the
/// stage is written while the run goes on with linkage and assembly; `wait()` joins it before
/// the run lets go of the output lock.
final class StagingQueue: Sendable {
    private let queue = DispatchQueue(label: "regpool.staging")
    private let group = DispatchGroup()

    /// Runs `work` after the work submitted before it.
    func submit(_ work: @escaping @Sendable () -> Void) {
        queue.async(group: group, execute: work)
    }

    /// Blocks until every submitted work item has run.
    func wait() {
        group.wait()
    }
}
