/// A `portrait.yml` that cannot be used: `file:line:column: problem hint`.
package struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    package var column: Int?
    package var problem: String
    package var hint: String

    package init(file: String, line: Int? = nil, column: Int? = nil, problem: String, hint: String = "") {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
        self.hint = hint
    }

    package var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let line, let column, line > 0 { place += ":\(column)" }
        return hint.isEmpty ? "\(place): \(problem)" : "\(place): \(problem) \(hint)"
    }
}
