import LedgerModel

/// A config `derive:` expression: `+ - * / ( )`, decimal numbers and column names.
package struct DeriveExpression: Sendable {
    /// Column names the expression reads, as written in it.
    package let identifiers: [String]

    /// Throws a `DeriveExpression.SyntaxError` naming the position of the problem.
    package init(parsing text: String) throws { fatalError("TODO(helper)") }

    /// Evaluates with exact Money arithmetic; nil when an input is nil or on division by zero.
    package func evaluate(_ value: (String) -> Money?) -> Money? { fatalError("TODO(helper)") }

    package struct SyntaxError: Error, Sendable, CustomStringConvertible {
        package var position: Int
        package var message: String
        package var description: String { "at character \(position + 1): \(message)" }
    }
}
