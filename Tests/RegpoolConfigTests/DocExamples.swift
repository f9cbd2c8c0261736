import Foundation
import RegpoolConfig
import RegpoolConfigParser

/// The YAML examples of the format documents in docs/, so the tests check the docs themselves.
enum DocExamples {
    /// The fenced ```yaml blocks of `docs/<name>`, in order.
    static func yamlBlocks(_ name: String) throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/\(name)"), encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("```yaml") {
                current = []
            } else if current != nil, line.hasPrefix("```") {
                blocks.append(current!.joined(separator: "\n") + "\n")
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }
}

/// The problems `MappingParser` reports for `yaml` (empty when it parses).
func mappingProblems(_ yaml: String, file: String = "m.yaml") -> [ConfigProblem] {
    do {
        _ = try MappingParser.parse(yaml: yaml, file: file)
        return []
    } catch {
        return error.problems
    }
}

/// The problems `PipelineParser` reports for `yaml` (empty when it parses).
func pipelineProblems(_ yaml: String, file: String = "p.yaml") -> [ConfigProblem] {
    do {
        _ = try PipelineParser.parse(yaml: yaml, file: file, baseDirectory: "/srv/regpool/pipelines")
        return []
    } catch {
        return error.problems
    }
}

/// `line:column` of each problem, for compact assertions.
func places(_ problems: [ConfigProblem]) -> [String] {
    problems.map { "\($0.location.line):\($0.location.column)" }
}
