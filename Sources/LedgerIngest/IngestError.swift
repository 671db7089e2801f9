import LedgerModel

/// A file that cannot be read at all: the build stops with exit 2 and this message.
///
/// `description` reads `FILE:LINE: what is wrong. what to do.` so a user can act on it.
package struct IngestError: Error, Sendable, CustomStringConvertible {
    package var location: SourceLocation
    /// What is wrong, one sentence.
    package var problem: String
    /// What to do about it, one sentence.
    package var hint: String

    package init(file: String, line: Int? = nil, problem: String, hint: String) {
        self.location = SourceLocation(file: file, line: line)
        self.problem = problem
        self.hint = hint
    }

    package var description: String {
        var where_ = location.file
        if let line = location.line { where_ += ":\(line)" }
        return "\(where_): \(problem) \(hint)"
    }
}
