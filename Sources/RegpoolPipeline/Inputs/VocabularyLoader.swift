import Foundation
import RegpoolConfig
import RegpoolConfigParser

/// Reads the shared vocabularies a mapping declares (paths relative to the mapping's folder).
enum VocabularyLoader {
    /// The parsed vocabularies by declared name and each file's display path and hash; every
    /// problem (missing file, parse problems, a name that differs from the declaration) at once.
    static func load(
        _ declarations: [VocabularyDeclaration], mappingPath: String, show: (String) -> String
    )
        throws(ConfigError) -> (vocabularies: [String: Vocabulary], files: [(path: String, sha256: String)])
    {
        let folder = (mappingPath as NSString).deletingLastPathComponent
        var vocabularies: [String: Vocabulary] = [:]
        var files: [(path: String, sha256: String)] = []
        var problems: [ConfigProblem] = []
        for declaration in declarations {
            let file =
                declaration.path.hasPrefix("/") || folder.isEmpty ? declaration.path : folder + "/" + declaration.path
            let at = declaration.location
            guard let (text, sha) = try? FileSystem.readText(file, what: "The vocabulary \(declaration.name)") else {
                problems.append(
                    ConfigProblem(
                        at,
                        "vocabulary '\(declaration.name)': the file \(file) does not exist "
                            + "or cannot be read", hint: "paths are relative to the mapping file's folder"))
                continue
            }
            files.append((show(file), sha))
            do {
                let vocabulary = try VocabularyParser.parse(yaml: text, file: file)
                if vocabulary.name != declaration.name {
                    problems.append(
                        ConfigProblem(
                            at,
                            "vocabulary '\(declaration.name)' names the file \(file), which "
                                + "declares 'vocabulary: \(vocabulary.name)'", hint: "use the same name in both places")
                    )
                }
                vocabularies[declaration.name] = vocabulary
            } catch {
                problems += error.problems
            }
        }
        if !problems.isEmpty { throw ConfigError(problems) }
        return (vocabularies, files)
    }
}
