import LedgerModel
import Testing
@testable import LedgerIngest

/// Parsing and exact evaluation of config `derive:` expressions.
@Suite("Derive expressions")
struct DeriveExpressionTests {
    static let row: [String: Money] = [
        "quantity": Money(units: 3),
        "unit_price": Money(micros: 19_990_000),
        "discount": Money(micros: 100_000),
        "单价": Money(units: 7),
        "数量": Money(units: 2),
        "zero": .zero,
        "third": Money(micros: 333_333),
        "big": Money(units: 9_000_000_000_000),
    ]

    static func evaluate(_ text: String) throws -> Money? {
        try DeriveExpression(parsing: text).evaluate { row[$0] }
    }

    @Test("Expressions evaluate exactly, with precedence and rounding", arguments: [
        ("1 + 2", 3_000_000),
        ("1 + 2 * 3", 7_000_000),
        ("(1 + 2) * 3", 9_000_000),
        ("10 - 4 - 3", 3_000_000),
        ("100 / 10 / 2", 5_000_000),
        ("2 * 3 / 4", 1_500_000),
        ("-3 + 5", 2_000_000),
        ("--3", 3_000_000),
        ("-(2 + 3) * 2", -10_000_000),
        ("2 * -3", -6_000_000),
        ("1 - -1", 2_000_000),
        ("0.1 + 0.2", 300_000),
        ("quantity * unit_price * (1 - discount)", 53_973_000),
        ("quantity*unit_price*(1-discount)", 53_973_000),
        ("单价 * 数量", 14_000_000),
        ("1 / 3", 333_333),
        ("2 / 3", 666_667),
        ("-2 / 3", -666_667),
        ("2 / -3", -666_667),
        ("0.000001 / 2", 1),
        ("-0.000001 / 2", -1),
        ("0.000001 * 0.5", 1),
        ("0.000001 * 0.4", 0),
        ("third * 3", 999_999),
        ("1.0000005", 1_000_001),
        ("  ( ( 7 ) )  ", 7_000_000),
    ] as [(String, Int64)])
    func evaluates(text: String, micros: Int64) throws {
        #expect(try Self.evaluate(text) == Money(micros: micros))
    }

    @Test("Nil on a missing input, division by zero or overflow", arguments: [
        "quantity * missing", "missing", "1 / 0", "quantity / zero", "big * 2", "big + big",
        "0 - big - big", "big * big", "big / 0.000001",
    ])
    func undefined(text: String) throws {
        #expect(try Self.evaluate(text) == nil)
    }

    @Test("Identifiers are listed in order of appearance, once each")
    func identifiers() throws {
        let expression = try DeriveExpression(parsing: "quantity * unit_price * (1 - discount) + quantity / 单价")
        #expect(expression.identifiers == ["quantity", "unit_price", "discount", "单价"])
        #expect(try DeriveExpression(parsing: "1 + 2").identifiers.isEmpty)
    }

    @Test("Syntax errors name the 0-based position", arguments: [
        ("", 0),
        ("   ", 0),
        ("1 +", 2),
        ("a *", 2),
        ("a * / b", 4),
        ("* a", 0),
        ("+a", 0),
        ("(a + b", 0),
        ("a + (b * (c)", 4),
        ("a + b)", 5),
        (")", 0),
        ("()", 1),
        ("a b", 2),
        ("(a) (b)", 4),
        ("2(a)", 1),
        ("a -", 2),
        ("99999999999999999999", 0),
        ("1 + 99999999999999999999", 4),
    ])
    func syntaxError(text: String, position: Int) {
        do {
            _ = try DeriveExpression(parsing: text)
            Issue.record("'\(text)' parsed")
        } catch let error as DeriveExpression.SyntaxError {
            #expect(error.position == position, "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("A syntax error says where, counting from one")
    func description() {
        #expect(DeriveExpression.SyntaxError(position: 3, message: "x").description == "at character 4: x")
    }
}
