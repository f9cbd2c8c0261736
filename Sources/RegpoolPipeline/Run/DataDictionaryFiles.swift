import RegpoolModel
import RegpoolReport

/// The data dictionary every build carries: `data_dictionary.json` and `data_dictionary.md`,
/// generated from the model.
enum DataDictionaryFiles {
    static let json = "data_dictionary.json"
    static let markdown = "data_dictionary.md"

    /// Both files.
    static func files() -> [BuildWriter.ExtraFile] {
        let dictionary = DataDictionary(regpoolVersion: RegpoolVersion.number)
        return [
            .init(name: json, bytes: dictionary.json(), rows: nil),
            .init(name: markdown, bytes: dictionary.markdown(), rows: nil),
        ]
    }
}
