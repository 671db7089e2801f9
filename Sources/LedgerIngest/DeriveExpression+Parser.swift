import LedgerModel

extension DeriveExpression {
    /// Recursive descent over `expression := term (("+" | "-") term)*`,
    /// `term := unary (("*" | "/") unary)*`, `unary := "-" unary | primary`,
    /// `primary := number | column | "(" expression ")"`.
    ///
    /// A column is any run of characters other than whitespace, operators and parentheses
    /// (`unit_price`, `单价`); a run of digits with an optional `.digits` is a number. Positions are
    /// 0-based character offsets into the text.
    struct Parser {
        private enum Kind: Equatable {
            case plus, minus, times, divide, open, close
            case number(Int64)
            case word(String)
        }

        private struct Token {
            var kind: Kind
            var position: Int
            var text: String
        }

        private var tokens: [Token] = []
        private var index = 0
        private var identifiers: [String] = []
        private var identifierIndex: [String: Int] = [:]
        private var program: [Instruction] = []
        private let source: String
        /// Nesting of `unary` calls (each `(` or unary `-` adds one), bounded so that a config
        /// line of thousands of `(` is a syntax error, not a stack overflow (found by fuzzing).
        private var depth = 0
        static let maximumDepth = 100

        init(text: String) {
            source = text
        }

        mutating func parse() throws -> (identifiers: [String], program: [Instruction]) {
            tokens = try Self.tokenize(source)
            guard !tokens.isEmpty else { throw SyntaxError(position: 0, message: "the expression is empty") }
            try expression()
            if index < tokens.count {
                let token = tokens[index]
                let message = token.kind == .close
                    ? "')' has no matching '('"
                    : "expected an operator before '\(token.text)'"
                throw SyntaxError(position: token.position, message: message)
            }
            return (identifiers, program)
        }

        private mutating func expression() throws {
            try term()
            while let kind = peek(), kind == .plus || kind == .minus {
                index += 1
                try term()
                program.append(kind == .plus ? .add : .subtract)
            }
        }

        private mutating func term() throws {
            try unary()
            while let kind = peek(), kind == .times || kind == .divide {
                index += 1
                try unary()
                program.append(kind == .times ? .multiply : .divide)
            }
        }

        private mutating func unary() throws {
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else {
                throw SyntaxError(position: tokens[min(index, tokens.count - 1)].position,
                                  message: "the expression nests more than \(Self.maximumDepth) levels deep")
            }
            if peek() == .minus {
                index += 1
                try unary()
                program.append(.negate)
            } else {
                try primary()
            }
        }

        private mutating func primary() throws {
            guard index < tokens.count else {
                let previous = tokens[index - 1]
                throw SyntaxError(position: previous.position,
                                  message: "expected a number, column or '(' after '\(previous.text)'")
            }
            let token = tokens[index]
            index += 1
            switch token.kind {
            case .number(let micros):
                program.append(.number(micros))
            case .word(let name):
                if let existing = identifierIndex[name] {
                    program.append(.column(existing))
                } else {
                    identifierIndex[name] = identifiers.count
                    program.append(.column(identifiers.count))
                    identifiers.append(name)
                }
            case .open:
                try expression()
                guard peek() == .close else {
                    if index < tokens.count {
                        let next = tokens[index]
                        throw SyntaxError(position: next.position,
                                          message: "expected an operator or ')' before '\(next.text)'")
                    }
                    throw SyntaxError(position: token.position, message: "'(' is never closed")
                }
                index += 1
            case .close:
                throw SyntaxError(position: token.position,
                                  message: "expected a number, column or '(' before ')'")
            case .plus, .times, .divide:
                throw SyntaxError(position: token.position,
                                  message: "unexpected '\(token.text)'; expected a number, column or '('")
            case .minus:
                // `unary` consumes every minus in operand position.
                throw SyntaxError(position: token.position, message: "unexpected '-'")
            }
        }

        private func peek() -> Kind? {
            index < tokens.count ? tokens[index].kind : nil
        }

        private static func tokenize(_ text: String) throws -> [Token] {
            var tokens: [Token] = []
            var word = ""
            var wordStart = 0
            var position = 0

            func flushWord() throws {
                guard !word.isEmpty else { return }
                tokens.append(Token(kind: try wordKind(word, at: wordStart), position: wordStart, text: word))
                word = ""
            }

            for character in text {
                defer { position += 1 }
                let kind: Kind?
                switch character {
                case "+": kind = .plus
                case "-": kind = .minus
                case "*": kind = .times
                case "/": kind = .divide
                case "(": kind = .open
                case ")": kind = .close
                default: kind = nil
                }
                if let kind {
                    try flushWord()
                    tokens.append(Token(kind: kind, position: position, text: String(character)))
                } else if character.isWhitespace {
                    try flushWord()
                } else {
                    if word.isEmpty { wordStart = position }
                    word.append(character)
                }
            }
            try flushWord()
            return tokens
        }

        /// A run of digits with an optional `.digits` is a number; any other run names a column.
        private static func wordKind(_ word: String, at position: Int) throws -> Kind {
            let utf8 = word.utf8
            var sawDot = false
            var digitsAfterDot = 0
            var isNumber = utf8.first.map(ValueParsers.isDigit) ?? false
            for byte in utf8 where isNumber {
                if byte == UInt8(ascii: ".") {
                    if sawDot { isNumber = false }
                    sawDot = true
                } else if ValueParsers.isDigit(byte) {
                    if sawDot { digitsAfterDot += 1 }
                } else {
                    isNumber = false
                }
            }
            guard isNumber, !sawDot || digitsAfterDot > 0 else { return .word(word) }
            guard let money = ValueParsers.amount(word) else {
                throw SyntaxError(position: position, message: "the number \(word) is too large")
            }
            return .number(money.micros)
        }
    }
}
