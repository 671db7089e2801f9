import LedgerModel

/// A config `derive:` expression: `+ - * / ( )`, decimal numbers and column names.
///
/// Parsed once into postfix instructions, evaluated per row on a small stack, so a derive over a
/// million order lines costs a few integer operations and one lookup per column per row.
/// Arithmetic is exact fixed point on `Money` micros with `Int128` intermediates: a product is
/// `a × b / 10^6` and a quotient `a × 10^6 / b`, each rounded half away from zero.
package struct DeriveExpression: Sendable {
    /// Column names the expression reads, as written in it.
    ///
    /// In order of first appearance, each once.
    package let identifiers: [String]

    /// The expression in postfix order.
    let program: [Instruction]

    /// Throws a `DeriveExpression.SyntaxError` naming the position of the problem.
    package init(parsing text: String) throws {
        var parser = Parser(text: text)
        let compiled = try parser.parse()
        identifiers = compiled.identifiers
        program = compiled.program
    }

    /// Evaluates with exact Money arithmetic; nil when an input is nil or on division by zero.
    ///
    /// Also nil when a result leaves `Int64` micros (±9.2 × 10^12). Each column is looked up
    /// once per call, in `identifiers` order.
    package func evaluate(_ value: (String) -> Money?) -> Money? {
        var inputs: [Int64] = []
        inputs.reserveCapacity(identifiers.count)
        for name in identifiers {
            guard let money = value(name) else { return nil }
            inputs.append(money.micros)
        }
        var stack: [Int64] = []
        stack.reserveCapacity(program.count)
        for instruction in program {
            switch instruction {
            case .number(let micros):
                stack.append(micros)
            case .column(let index):
                stack.append(inputs[index])
            case .negate:
                let (result, overflow) = Int64(0).subtractingReportingOverflow(stack[stack.count - 1])
                guard !overflow else { return nil }
                stack[stack.count - 1] = result
            case .add, .subtract, .multiply, .divide:
                let rhs = stack.removeLast()
                let lhs = stack.removeLast()
                guard let result = Self.apply(instruction, lhs, rhs) else { return nil }
                stack.append(result)
            }
        }
        return stack.last.map { Money(micros: $0) }
    }

    static func apply(_ instruction: Instruction, _ lhs: Int64, _ rhs: Int64) -> Int64? {
        let scale = Int128(Money.scale)
        let exact: Int128
        switch instruction {
        case .add: exact = Int128(lhs) + Int128(rhs)
        case .subtract: exact = Int128(lhs) - Int128(rhs)
        case .multiply: exact = divideRounded(Int128(lhs) * Int128(rhs), scale)
        case .divide:
            guard rhs != 0 else { return nil }
            exact = divideRounded(Int128(lhs) * scale, Int128(rhs))
        default: return nil
        }
        guard exact >= Int128(Int64.min), exact <= Int128(Int64.max) else { return nil }
        return Int64(exact)
    }

    /// `n / d` rounded half away from zero; `d` is never zero.
    static func divideRounded(_ n: Int128, _ d: Int128) -> Int128 {
        let quotient = n / d
        let remainder = n % d
        let twiceRemainder = remainder.magnitude * 2
        guard twiceRemainder >= d.magnitude else { return quotient }
        return (n < 0) == (d < 0) ? quotient + 1 : quotient - 1
    }

    /// One step of the postfix program.
    enum Instruction: Sendable, Equatable {
        case number(Int64)
        /// An index into `identifiers`.
        case column(Int)
        case negate, add, subtract, multiply, divide
    }

    package struct SyntaxError: Error, Sendable, CustomStringConvertible {
        package var position: Int
        package var message: String
        package var description: String { "at character \(position + 1): \(message)" }
    }
}
