import LedgerIngest
import LedgerModel

/// Runs one cell through every value parser, header folding, and a derive expression.
///
/// The cell is `data` decoded as UTF-8 (invalid bytes repaired), so NFKC folding, full-width
/// digits, 万/亿 and CJK enum words all get exercised. The same text is also parsed as a derive
/// expression and, when it parses, evaluated with each column given the amount its name parses
/// to, or a value taken from the name, so both the overflow guards and division by zero are hit.
package func fuzzValues(_ data: [UInt8]) {
    let cell = String(decoding: data, as: UTF8.self)
    _ = ValueParsers.isMissing(cell)
    _ = ValueParsers.fold(cell)
    _ = ValueParsers.amount(cell)
    _ = ValueParsers.satisfaction(cell)
    _ = ValueParsers.phone(cell)
    _ = ValueParsers.isValidEmail(cell)
    _ = ValueParsers.normalizedName(cell)
    for order in DateOrder.allCases {
        if let date = ValueParsers.date(cell, order: order) {
            precondition((0..<86_400).contains(date.secondOfDay), "a time of day within the day")
            precondition(Day(iso: date.day.description) == date.day, "a parsed day prints as ISO and reads back")
        }
    }
    _ = ValueParsers.orderStatus(cell)
    _ = ValueParsers.channel(cell)
    _ = ValueParsers.interactionKind(cell)
    _ = ValueParsers.stage(cell)
    _ = ValueParsers.customerType(cell)
    _ = ValueParsers.gender(cell)
    _ = HeaderAliases.fold(cell)
    for table in TableName.allCases {
        _ = HeaderAliases.canonical(cell, in: table)
    }
    fuzzDerive(cell)
}

/// Parses `text` as a derive expression and evaluates it twice: with each column's name read as
/// an amount, and with extreme values (so products and quotients overflow and divide by zero).
func fuzzDerive(_ text: String) {
    guard let expression = try? DeriveExpression(parsing: text) else { return }
    precondition(Set(expression.identifiers).count == expression.identifiers.count,
                 "identifiers are listed once each")
    _ = expression.evaluate { ValueParsers.amount($0) ?? Money(units: Int64($0.utf8.count)) }
    _ = expression.evaluate { name in
        switch name.utf8.count % 4 {
        case 0: Money(micros: 0)
        case 1: Money(micros: .max)
        case 2: Money(micros: .min)
        default: Money(micros: -1)
        }
    }
}
