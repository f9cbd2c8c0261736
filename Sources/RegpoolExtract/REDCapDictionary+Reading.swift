import RegpoolModel

/// Reading a data dictionary CSV as REDCap downloads it (Project Setup → Data Dictionary).
extension REDCapDictionary {
    static let nameColumn = "Variable / Field Name"
    static let typeColumn = "Field Type"
    static let choicesColumn = "Choices, Calculations, OR Slider Labels"
    static let fixHint =
        "download the data dictionary again from REDCap (Project Setup → Data Dictionary) "
        + "and put it in the inbox unchanged"

    /// Reads the dictionary at `path` (reported as `displayName`); throws `ExtractError` naming the
    /// file, line and column of the first problem.
    package static func read(path: String, displayName: String) throws -> REDCapDictionary {
        var variables: [REDCapVariable] = []
        var columns: (name: Int, type: Int, choices: Int)?
        try CSVReader(path: path, displayName: displayName, dialect: CSVDialect()).read { event in
            switch event {
            case .rejected(let r):
                throw ExtractError(
                    file: displayName, line: r.line, message: "data dictionary: \(r.reason)", hint: fixHint)
            case .record(let r):
                let found = try columns ?? requiredColumns(r.names, displayName)
                columns = found
                if let v = try variable(r, found, displayName) { variables.append(v) }
            }
        }
        guard !variables.isEmpty else {
            throw ExtractError(
                file: displayName, line: 1, message: "the data dictionary lists no variables", hint: fixHint)
        }
        return REDCapDictionary(variables)
    }

    private static func requiredColumns(
        _ names: FieldNames, _ file: String
    ) throws -> (name: Int, type: Int, choices: Int) {
        func column(_ title: String) throws -> Int {
            guard let i = names.index(of: title) else {
                throw ExtractError(
                    file: file, line: 1,
                    message: "the data dictionary has no column '\(title)' "
                        + "(its header: \(names.names.joined(separator: ", ")))", hint: fixHint)
            }
            return i
        }
        return (try column(nameColumn), try column(typeColumn), try column(choicesColumn))
    }

    /// The variable of one dictionary row; nil for a row without a name (blank line of a spreadsheet).
    private static func variable(
        _ r: SourceRecord, _ c: (name: Int, type: Int, choices: Int), _ file: String
    ) throws -> REDCapVariable? {
        let name = trimmed(r.string(at: c.name) ?? "")
        guard !name.isEmpty else { return nil }
        let type = trimmed(r.string(at: c.type) ?? "").lowercased()
        if let fixed = fixedChoices[type] { return REDCapVariable(name: name, fieldType: type, choices: fixed) }
        guard listedTypes.contains(type) else { return REDCapVariable(name: name, fieldType: type, choices: []) }
        do {
            let choices = try REDCapChoiceList.parse(r.string(at: c.choices) ?? "")
            return REDCapVariable(name: name, fieldType: type, choices: choices)
        } catch let problem as REDCapChoiceList.Problem {
            throw ExtractError(
                file: file, line: r.line, column: c.choices + 1,
                message: "variable '\(name)' (\(type)): \(problem.message)",
                hint: "write the choices as `1, Male | 2, Female` (code, comma, label; choices separated by |) "
                    + "in REDCap's Online Designer and download the dictionary again")
        }
    }

    static func trimmed(_ s: String) -> String {
        String(s.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

/// The `Choices, Calculations, OR Slider Labels` text of a radio, dropdown or checkbox field.
enum REDCapChoiceList {
    struct Problem: Error {
        let message: String
    }

    /// `1, Male | 2, Female` → [1: Male, 2: Female]: split on `|`, then at the first comma, trimmed.
    /// Labels may hold commas (`3, Yes, with ESA`). Throws for a choice without code or comma,
    /// a repeated code, or no choices at all.
    package static func parse(_ text: String) throws -> [REDCapChoice] {
        var choices: [REDCapChoice] = []
        for piece in text.split(separator: "|", omittingEmptySubsequences: false) {
            let item = REDCapDictionary.trimmed(String(piece))
            if item.isEmpty { continue }
            guard let comma = item.firstIndex(of: ",") else {
                throw Problem(message: "choice '\(item)' has no comma between code and label")
            }
            let code = REDCapDictionary.trimmed(String(item[..<comma]))
            let label = REDCapDictionary.trimmed(String(item[item.index(after: comma)...]))
            guard !code.isEmpty else { throw Problem(message: "choice '\(item)' has no code before its comma") }
            if choices.contains(where: { $0.code == code }) {
                throw Problem(message: "code '\(code)' is listed twice")
            }
            choices.append(REDCapChoice(code: code, label: label))
        }
        guard !choices.isEmpty else { throw Problem(message: "no choices are listed") }
        return choices
    }
}
