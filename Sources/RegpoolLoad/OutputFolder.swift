import Foundation

/// The housekeeping of an output folder, done under its `RunLock`: what killed runs left behind,
/// and the retention of old builds.
package struct OutputFolder: Sendable {
    package let path: String

    package init(path: String) {
        self.path = path
    }

    /// Name prefixes of the temporary entries a run makes (staging folders, the symlink being
    /// swapped in); whatever carries one when the lock is free was left by a run that died.
    static let temporaryPrefixes = [".staging-", ".replaced-", ".current-"]

    /// Removes the leftovers of killed runs; returns their names.
    @discardableResult
    package func removeLeftovers() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let leftovers = names.filter { name in Self.temporaryPrefixes.contains { name.hasPrefix($0) } }.sorted()
        for name in leftovers { try? FileManager.default.removeItem(atPath: path + "/" + name) }
        return leftovers
    }

    /// The build `current` points at, if any.
    package var current: String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: path + "/current")
    }

    /// The published builds (folders `b-…` holding a manifest.json), newest first: by the time
    /// their manifest was written, then by name.
    package func builds() -> [String] {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasPrefix("b-") }
        let dated: [(String, Date)] = names.compactMap { name in
            let attributes = try? fm.attributesOfItem(atPath: "\(path)/\(name)/manifest.json")
            return (attributes?[.modificationDate] as? Date).map { (name, $0) }
        }
        return dated.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
    }

    /// Removes all but the `keep` newest builds, never the one `current` points at; returns the
    /// removed build ids.
    @discardableResult
    package func prune(keep: Int) -> [String] {
        let current = self.current
        var kept = 0
        var removed: [String] = []
        for name in builds() {
            if name == current || kept < keep {
                kept += 1
                continue
            }
            CrashPoint.hit("prune.started")
            try? FileManager.default.removeItem(atPath: path + "/" + name)
            removed.append(name)
        }
        return removed
    }
}
