/// Which REDCap data dictionary decodes a REDCap export, and which rows of the export to read.
package struct REDCapSourceSpec: Sendable, Equatable {
    /// Glob naming the data dictionary CSV in the centre's inbox, e.g. `*_DataDictionary_*.csv`.
    package var dictionary: String
    /// Only rows of this repeating instrument; nil = only base rows (no repeat instrument).
    package var instrument: String?

    /// A spec reading the dictionary matched by `dictionary`, rows of `instrument` (nil = base rows).
    package init(dictionary: String, instrument: String? = nil) {
        self.dictionary = dictionary
        self.instrument = instrument
    }
}
