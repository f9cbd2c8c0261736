import Foundation

extension InspectionSource {
    /// The one file beside `file` matching the REDCap data dictionary `glob`; usage error otherwise.
    static func dictionary(for file: String, glob: String) throws -> String {
        let folder = (file as NSString).deletingLastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        let found = names.filter { Glob.matches(glob, $0) }.sorted()
        guard found.count == 1, let name = found.first else {
            throw InspectionError.usage(
                "\(file) is a REDCap export: its data dictionary must lie beside it, and "
                    + "\(found.isEmpty ? "no file" : "\(found.count) files (\(found.joined(separator: ", ")))") in "
                    + "\(folder.isEmpty ? "." : folder) match \(glob). Put exactly one data dictionary there.")
        }
        return folder.isEmpty ? name : "\(folder)/\(name)"
    }
}
