import LedgerModel

/// Phones, e-mails, addresses and tags of customer rows, valid and unique unless spoiled on purpose.
extension SampleGenerator {
    /// Cleaned digits of a phone no earlier customer has: a mobile, or a landline of the city.
    func uniquePhone(landline: Bool, city: SampleVocabulary.City) -> String {
        while true {
            var digits: String
            if landline {
                let localLength = city.areaCode.count == 3 ? 8 : (rng.chance(0.8) ? 8 : 7)
                digits = city.areaCode + String(2 + rng.below(7))
                for _ in 1..<localLength { digits += String(rng.below(10)) }
            } else {
                let prefixes = ["13", "15", "18", "17", "19", "16", "14"]
                digits = prefixes[rng.skewed(prefixes.count)] + String(rng.below(10))
                for _ in 0..<8 { digits += String(rng.below(10)) }
            }
            let hash = Self.hash(digits)
            if phoneKeys.contains(hash) { continue }
            phoneKeys.insert(hash)
            return digits
        }
    }

    /// The digits as people write them: `13812345678`, `138-1234-5678`, `+86 138 1234 5678`,
    /// `0571-87654321`, `(0571)87654321`.
    func formatPhone(_ digits: String) -> String {
        let chars = Array(digits)
        if chars.first == "0" {
            let areaLength = chars[1] == "1" || chars[1] == "2" ? 3 : 4
            let area = String(chars[0..<areaLength]), local = String(chars[areaLength...])
            return rng.chance(0.8) ? area + "-" + local : "(" + area + ")" + local
        }
        let roll = rng.unit()
        if roll < 0.7 { return digits }
        let a = String(chars[0..<3]), b = String(chars[3..<7]), c = String(chars[7...])
        return roll < 0.9 ? a + "-" + b + "-" + c : "+86 " + a + " " + b + " " + c
    }

    /// The same number in another written form (the later row of a shared-phone pair).
    func reformatPhone(_ digits: String) -> String {
        let chars = Array(digits)
        if chars.first == "0" {
            let areaLength = chars[1] == "1" || chars[1] == "2" ? 3 : 4
            return "(" + String(chars[0..<areaLength]) + ") " + String(chars[areaLength...])
        }
        return "+86-" + String(chars[0..<3]) + "-" + String(chars[3..<7]) + "-" + String(chars[7...])
    }

    /// Extension, two numbers or a missing digit: all rejected by the phone rule.
    func badPhone(_ digits: String) -> String {
        // A landline one digit short is still a valid landline, so landlines get the other two.
        let kind = digits.hasPrefix("0") ? rng.below(2) : rng.below(3)
        switch kind {
        case 0: return formatPhone(digits) + (zh ? "转" : " ext ") + String(100 + rng.below(900))
        case 1: return digits + "/139" + String(10_000_000 + rng.below(89_999_999))
        default: return String(digits.dropLast())
        }
    }

    /// A valid, unique, lower-case address: pinyin at a mail provider, or a role at the company domain.
    func uniqueEmail(isCompany: Bool, personPinyin: String, brandPinyin: String) -> String {
        let domain: String
        var local: String
        if isCompany && !brandPinyin.isEmpty {
            domain = brandPinyin + rng.pick(SampleVocabulary.companyDomainEndings)
            local = rng.chance(0.5) && !personPinyin.isEmpty ? personPinyin : rng.pick(SampleVocabulary.companyEmailLocals)
        } else {
            domain = rng.pick(SampleVocabulary.personalEmailDomains)
            local = personPinyin.isEmpty ? "kehu" : personPinyin
        }
        var candidate = local + "@" + domain
        var digits = 2
        while emailKeys.contains(Self.hash(candidate)) {
            var upper = 1
            for _ in 0..<digits { upper *= 10 }
            candidate = local + String(rng.below(upper)) + "@" + domain
            digits = min(digits + 1, 9)
        }
        emailKeys.insert(Self.hash(candidate))
        return candidate
    }

    /// No `@`, no TLD, a space or two `@`.
    func badEmail(_ email: String) -> String {
        let parts = email.split(separator: "@", maxSplits: 1).map(String.init)
        let local = parts.first ?? "kehu"
        let domain = parts.count > 1 ? parts[1] : "163.com"
        switch rng.below(4) {
        case 0: return local + domain
        case 1: return local + "@" + (domain.split(separator: ".").first.map(String.init) ?? "163")
        case 2: return String(local.prefix(2)) + " " + String(local.dropFirst(2)) + "@" + domain
        default: return local + "@@" + domain
        }
    }

    func address(city: SampleVocabulary.City) -> String {
        var text = city.name + rng.pick(SampleVocabulary.roads) + String(1 + rng.below(999)) + "号"
        let building = rng.pick(SampleVocabulary.buildings)
        if !building.isEmpty { text += building + String(1 + rng.below(28)) + "0" + String(1 + rng.below(9)) + "室" }
        return text
    }

    func tags() -> String {
        let count = rng.below(4)
        if count == 0 { return "" }
        var picked: [String] = []
        while picked.count < count {
            let tag = rng.pick(SampleVocabulary.tags)
            if !picked.contains(tag) { picked.append(tag) }
        }
        return picked.joined(separator: zh ? "、" : ";")
    }
}
