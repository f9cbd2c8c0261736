/// Where a run reports how far it has got: the CLI draws it as a progress line on a terminal and
/// ignores it in a pipe. `step` names the stage (`extract fr-lyon`, `link`, `write`).
package typealias RunProgress = @Sendable (_ step: String, _ done: Int, _ total: Int) -> Void
