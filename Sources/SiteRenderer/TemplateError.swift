/// A template or strings file that cannot be used: names the file, line and column.
package struct TemplateError: Error, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    package var column: Int?
    package var reason: String
    package var hint: String

    package init(file: String, line: Int? = nil, column: Int? = nil, reason: String, hint: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        self.hint = hint
    }

    package var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(reason) \(hint)"
    }
}
