import Testing
@testable import LedgerIngest

/// Phones, e-mails and the name normalisation of duplicate keys.
@Suite("Contact parsing")
struct ValueParsersContactTests {
    @Test("Valid phones normalise for duplicate keys", arguments: [
        ("13800138000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("+86 138 0013 8000", "13800138000"),
        ("+8613800138000", "13800138000"),
        ("8613800138000", "13800138000"),
        ("(+86) 138-0013-8000", "13800138000"),
        ("１３８００１３８０００", "13800138000"),
        ("19912345678", "19912345678"),
        ("021-61234567", "02161234567"),
        ("(021) 6123-4567", "02161234567"),
        ("0571-8888-6666", "057188886666"),
        ("010.12345678", "01012345678"),
        ("0755-12345678", "075512345678"),
        ("0755-1234567", "07551234567"),
        ("+1 (415) 555-0100", "+14155550100"),
        ("+44 20 7946 0958", "+442079460958"),
        ("+8610123456789", "+8610123456789"),
        ("+1234567", "+1234567"),
        ("+123456789012345", "+123456789012345"),
    ])
    func validPhone(cell: String, expected: String) {
        #expect(ValueParsers.phone(cell) == expected)
    }

    @Test("Invalid phones are nil (bad_phone)", arguments: [
        "", "12800138000", "1380013800", "138001380001", "23800138000", "+86 12800138000x",
        "021-6123-4567 ext 8", "0755-123456789", "021-61234567-8001x", "13800138000/13900139000",
        "13800138000 13900139000", "0123456789012", "012345678", "+0123456789", "+123456",
        "+1234567890123456", "86-138", "phone", "138OO138OOO", "++8613800138000", "+86+13800138000",
        "021–61234567",
    ])
    func invalidPhone(cell: String) {
        #expect(ValueParsers.phone(cell) == nil)
    }

    @Test("Valid e-mail addresses", arguments: [
        "a@b.cn", "li.na@example.com", "LI.NA@EXAMPLE.COM", "x+tag@mail.example.co.uk",
        " wang@163.com ", "张三@例子.com", "ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ", "a_b-c@d-e.org",
    ])
    func validEmail(cell: String) {
        #expect(ValueParsers.isValidEmail(cell))
    }

    @Test("Invalid e-mail addresses (bad_email)", arguments: [
        "", "plain", "@example.com", "a@", "a@b", "a@b.c", "a@@b.com", "a@b@c.com", "a b@c.com",
        "a@b .com", "a@.com", "a@b..com", "a@b.com.", "a@b.c0m", "a@b.123", "a@b.中国",
        "a@b.com;c@d.com", "a@b.com, c@d.com",
    ])
    func invalidEmail(cell: String) {
        #expect(!ValueParsers.isValidEmail(cell))
    }

    @Test("Names normalise: NFKC, case-fold, no spaces, legal suffixes stripped", arguments: [
        ("杭州云帆科技股份有限公司", "杭州云帆科技"),
        ("杭州云帆科技有限公司", "杭州云帆科技"),
        ("杭州云帆科技有限责任公司", "杭州云帆科技"),
        ("杭州 云帆 科技", "杭州云帆科技"),
        ("Acme Co., Ltd.", "acme"),
        ("ACME CO.,LTD", "acme"),
        ("Acme Co.Ltd.", "acme"),
        ("Acme Co., Limited", "acme"),
        ("Acme Ltd.", "acme"),
        ("Acme Limited", "acme"),
        ("Acme Inc.", "acme"),
        ("Acme Inc", "acme"),
        ("Acme Corp.", "acme"),
        ("Acme Corporation", "acme"),
        ("Acme LLC", "acme"),
        ("Acme Co.", "acme"),
        ("Acme Holdings Inc. LLC", "acmeholdings"),
        ("ＡＣＭＥ　Ｉｎｃ．", "acme"),
        ("Northwind Traders", "northwindtraders"),
        ("王芳", "王芳"),
        ("有限公司", "有限公司"),
        ("Inc.", "inc."),
        ("Co., Ltd.", "co.,ltd."),
        ("LLC", "llc"),
        ("Ltd. Inc.", "ltd."),
        ("Café Müller GmbH", "cafémüllergmbh"),
        ("", ""),
    ])
    func normalizedName(cell: String, expected: String) {
        #expect(ValueParsers.normalizedName(cell) == expected)
    }
}

@Suite("Normalised names, fast and general")
struct NormalizedNameFastPathTests {
    @Test("Names of simple characters normalise in one pass exactly as through Foundation", arguments: [
        "杭州云帆科技有限公司", "  杭州 云帆　科技股份有限公司 ", "ＡＢＣ　Ｃｏ．，Ｌｔｄ．", "Acme, Inc.", "ÀÉÎÕÜ Ltd",
        "Ça va SARL", "￥商店", "¥ Yen Co.", "北京（总部）【一】、。", "ÞØRN×÷ßÿ", "有限公司", "  ", "\u{FEFF}客户\u{FEFF}",
        "\u{00A0}Zinc\u{3000}", "mIxEd CaSe LLC", "Tab\tSeparated\nName",
    ])
    func fastEqualsGeneral(name: String) {
        let key = ValueParsers.normalizedNameKey(name)
        #expect(key.composed, "takes the fast path")
        #expect(key.name == ValueParsers.generalNormalizedName(name))
    }

    @Test("Other characters take the general path", arguments: ["e\u{301}cole", "ｶﾀｶﾅ", "①②", "Ǆemal", "😀 Inc", "\u{212A}elvin"])
    func generalPath(name: String) {
        let key = ValueParsers.normalizedNameKey(name)
        #expect(!key.composed)
        #expect(key.name == ValueParsers.generalNormalizedName(name))
    }
}
