import LedgerModel

/// The customers table, one row per customer, each followed by its activity in the other tables.
extension SampleGenerator {
    func writeCustomer(_ index: Int) throws {
        var defect = index == 0 ? nil : dirt.draw(.customers, &rng)
        // Defects that copy an earlier clean customer need one; else a plain bad e-mail.
        switch defect {
        case .duplicateCustomerID?, .sharedName?: if lastClean == nil { defect = .badEmail }
        case .sharedPhone?: if lastCleanWithPhone == nil { defect = .badEmail }
        case .sharedEmail?: if lastCleanWithEmail == nil { defect = .badEmail }
        default: break
        }
        let partner: SampleCustomer? = switch defect {
        case .sharedPhone?: lastCleanWithPhone
        case .sharedEmail?: lastCleanWithEmail
        case .sharedName?, .duplicateCustomerID?: lastClean
        default: nil
        }

        let isCompany: Bool = switch defect {
        case .badType?: true
        case .badGender?: false
        case .sharedName?: partner?.isCompany ?? true
        default: rng.chance(0.7)
        }
        var province = rng.weighted(provinceCumulative)
        var city = rng.below(SampleVocabulary.provinces[province].cities.count)
        var industry = rng.below(SampleVocabulary.industries.count)
        if defect == .sharedName, let partner {
            // The same customer entered again: same place and trade, name written differently.
            province = partner.province
            city = partner.city
            industry = partner.industry
        }
        let cityInfo = SampleVocabulary.provinces[province].cities[city]
        let male = rng.chance(0.55)

        // Name and its normalised key.
        var name: String
        var nameKey: String
        var brandPinyin = ""
        if defect == .sharedName, let partner {
            nameKey = partner.nameKey
            if isCompany {
                let alternatives = ["股份有限公司", "有限责任公司", "有限公司"].filter { partner.nameKey + $0 != partner.name }
                name = partner.nameKey + rng.pick(alternatives)
            } else {
                name = partner.name
            }
        } else if isCompany {
            (name, nameKey, brandPinyin) = companyName(city: cityInfo, industry: industry)
        } else {
            (name, nameKey) = uniquePersonName(male: male, city: cityInfo.name)
        }
        let contact = isCompany ? personName(male: rng.chance(0.6)) : (name, "")

        // Phone.
        var phoneDigits: String? = nil
        var phoneText = ""
        if defect == .sharedPhone, let digits = partner?.phoneDigits {
            phoneDigits = digits
            phoneText = reformatPhone(digits)
        } else if rng.chance(0.97) || defect == .badPhone {
            let digits = uniquePhone(landline: isCompany && rng.chance(0.4), city: cityInfo)
            phoneDigits = digits
            phoneText = formatPhone(digits)
        }
        if defect == .badPhone, let digits = phoneDigits {
            phoneText = badPhone(digits)
            phoneDigits = nil
        }

        // E-mail.
        var email: String? = nil
        var emailText = ""
        if defect == .sharedEmail, let shared = partner?.email {
            let parts = shared.split(separator: "@", maxSplits: 1)
            emailText = parts[0].uppercased() + "@" + (parts.count > 1 ? String(parts[1]) : "")
        } else if rng.chance(0.9) || defect == .badEmail {
            let address = uniqueEmail(isCompany: isCompany, personPinyin: isCompany ? contact.1 : personPinyinCache,
                                      brandPinyin: brandPinyin)
            email = address
            emailText = address
        }
        if defect == .badEmail {
            emailText = badEmail(emailText)
            email = nil
        }

        // Dates: created within three years; updated within the last 90 days unless stale.
        let end = options.end
        var created = end - rng.int(1...1095)
        let updated: Day
        if defect == .staleRecord {
            if end - created < 200 { created = end - rng.int(200...1095) }
            updated = created + rng.below(end - created - 91 + 1)
        } else {
            let recent = end - rng.int(0...89)
            updated = created > recent ? created + rng.below(end - created + 1) : recent
        }
        let owner = pickOwner(province: province)
        let number = index + 1
        let id: [UInt8] = defect == .duplicateCustomerID ? (partner?.id ?? []) : Array(("C" + Self.pad(number, idWidth)).utf8)

        // The row.
        let w = customersOut
        if defect == .missingCustomerID { w.empty() } else { w.cell(id) }
        if defect == .missingName { w.empty() } else { w.cell(name) }
        if defect == .badType {
            w.cell(SampleVocabulary.unknownValue("type", options.locale))
        } else {
            w.cell(SampleVocabulary.customerType(isCompany ? .company : .individual, options.locale))
        }
        if isCompany { w.cell(SampleVocabulary.industries[industry].name) } else { w.empty() }
        w.cell(SampleVocabulary.provinces[province].name)
        w.cell(cityInfo.name)
        w.cell(address(city: cityInfo))
        if isCompany || rng.chance(0.5) { w.cell(contact.0) } else { w.empty() }
        w.cell(phoneText)
        w.cell(emailText)
        if defect == .badGender {
            w.cell(SampleVocabulary.unknownValue("gender", options.locale))
        } else if !isCompany && rng.chance(0.9) {
            w.cell(SampleVocabulary.gender(male ? .male : .female, options.locale))
        } else {
            w.empty()
        }
        if !isCompany && rng.chance(0.7) {
            let birth = Day(year: 1960 + rng.below(43), month: 1 + rng.below(12), day: 1 + rng.below(28))
            if let birth { w.cell(dateBytes(birth, slash: zh)) } else { w.empty() }
        } else {
            w.empty()
        }
        if rng.chance(0.95) {
            w.cell(SampleVocabulary.sources[rng.weighted(Self.sourceCumulative)])
        } else {
            w.empty()
        }
        w.cell(defect == .orphanCustomerOwner ? orphanRepID() : repID(owner))
        if rng.chance(0.7) { w.cell(SampleVocabulary.grades[rng.below(4)]) } else { w.empty() }
        w.cell(tags())
        if defect == .badCreatedAt { w.cell(impossibleDate(near: created)) } else { w.cell(dateBytes(created, slash: zh)) }
        if defect == .futureUpdatedAt { w.cell(futureDate(near: updated)) } else { w.cell(dateBytes(updated, slash: zh)) }
        let line = try w.endRecord()
        if let defect { record(defect, line: line) }

        let customer = SampleCustomer(
            number: number, id: id, isCompany: isCompany, name: name, nameKey: nameKey,
            province: province, city: city, industry: industry, owner: owner, created: created, updated: updated,
            phoneDigits: phoneDigits, email: email, scale: rng.logNormal(mu: 0, sigma: 1.25))
        if defect == nil {
            lastClean = customer
            if phoneDigits != nil { lastCleanWithPhone = customer }
            if email != nil { lastCleanWithEmail = customer }
        }
        if defect?.killsRow == true { return }
        try writeActivity(of: customer, anchor: index == 0)
    }

    static let sourceCumulative: [Double] = {
        var total = 0.0
        return SampleVocabulary.sourceWeights.map { total += $0; return total }
    }()

    static let suffixCumulative: [Double] = {
        var total = 0.0
        return SampleVocabulary.companySuffixWeights.map { total += $0; return total }
    }()

    /// City + brand + industry word + legal suffix, unique after normalisation.
    func companyName(city: SampleVocabulary.City, industry: Int) -> (name: String, key: String, pinyin: String) {
        let words = SampleVocabulary.industries[industry].words
        var attempt = 0
        while true {
            attempt += 1
            let a = rng.pick(SampleVocabulary.brandCharacters)
            var b = rng.pick(SampleVocabulary.brandCharacters)
            while b.0 == a.0 { b = rng.pick(SampleVocabulary.brandCharacters) }
            var brand = a.0 + b.0
            var pinyin = a.1 + b.1
            if attempt > 20 {
                let c = rng.pick(SampleVocabulary.brandCharacters)
                brand += c.0
                pinyin += c.1
            }
            let suffix = SampleVocabulary.companySuffixes[rng.weighted(Self.suffixCumulative)]
            let useCity = rng.chance(0.85)
            let base = (useCity ? city.short : "") + brand + rng.pick(words)
            let key = suffix == "集团有限公司" ? base + "集团" : base
            let hash = Self.hash(key)
            if companyKeys.contains(hash) { continue }
            companyKeys.insert(hash)
            return (base + suffix, key, pinyin)
        }
    }

    /// A person name unique together with the city (the individuals' duplicate key).
    func uniquePersonName(male: Bool, city: String) -> (name: String, key: String) {
        while true {
            let person = personName(male: male)
            let hash = Self.hash(person.name + "\u{1F}" + city)
            if personKeys.contains(hash) { continue }
            personKeys.insert(hash)
            personPinyinCache = person.pinyin
            return (person.name, person.name)
        }
    }
}
