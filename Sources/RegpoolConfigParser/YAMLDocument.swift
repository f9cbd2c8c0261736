import RegpoolConfig
import RegpoolModel
import Yams

/// Turns YAML text into a Yams node tree, translating Yams errors into config problems.
enum YAMLDocument {
    /// The root node of `yaml`, or nil after reporting why there is none.
    static func compose(_ yaml: String, into diagnostics: Diagnostics) -> Node? {
        do {
            guard let root = try Yams.compose(yaml: yaml) else {
                diagnostics.report(
                    SourceLocation(file: diagnostics.file, line: 1, column: 1),
                    "the file is empty", hint: "start with 'version: 1'")
                return nil
            }
            return root
        } catch let error as YamlError {
            report(error, yaml: yaml, into: diagnostics)
        } catch {
            diagnostics.report(
                SourceLocation(file: diagnostics.file, line: 1, column: 1),
                "cannot read the YAML: \(error)")
        }
        return nil
    }

    /// Records one problem for a Yams error, at its line and column.
    private static func report(_ error: YamlError, yaml: String, into diagnostics: Diagnostics) {
        let file = diagnostics.file
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        let hint = "check the indentation, quotes and brackets near this place"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text), " } ?? ""
            let began =
                context.flatMap { $0.mark.line == mark.line ? nil : $0.mark }
                .map { " (it began at line \($0.line), column \($0.column))" } ?? ""
            diagnostics.report(at(mark), "YAML syntax error: \(detail)\(problem)\(began)", hint: hint)
        case .reader(let problem, let offset, _, _):
            let location = offset.map { locate(offset: $0, in: yaml, file: file) }
            diagnostics.report(
                location ?? SourceLocation(file: file, line: 1, column: 1),
                "cannot read the text: \(problem)", hint: "save the file as UTF-8")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let location =
                DuplicateKeyLocator.repeat(of: key, after: context.mark, in: yaml)
                .map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? at(context.mark)
            diagnostics.report(
                location, "duplicate key '\(key)': a key may appear only once in a mapping",
                hint: "remove or merge the repeated '\(key)' (first at line \(context.mark.line))")
        default:
            diagnostics.report(SourceLocation(file: file, line: 1, column: 1), "cannot read the YAML: \(error)")
        }
    }

    /// The 1-based line and column of a UTF-8 byte offset.
    private static func locate(offset: Int, in yaml: String, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in yaml.utf8.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
