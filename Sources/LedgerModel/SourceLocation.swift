/// Where a value came from: the file as named in the data folder, and the CSV physical line
/// (header = 1) or the 1-based XML record number.
package struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    /// The header as written in the file, when the location is a cell.
    package var column: String?

    package init(file: String, line: Int? = nil, column: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    package var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += " (\(column))" }
        return text
    }
}
