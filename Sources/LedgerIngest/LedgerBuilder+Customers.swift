import LedgerModel

extension LedgerBuilder {
    /// A customers row: `customer_id` and `name` required; every other cell checked.
    func loadCustomer(_ row: inout RowCursor) {
        let map = row.map
        if filledCells.count != map.columns.count {
            filledCells = [Int](repeating: 0, count: map.columns.count)
        }
        for slot in map.columns.indices where map.has(slot) {
            if !row.isMissing(slot) { filledCells[slot] += 1 }
        }
        let idSlot = map.slots.customerID
        let id = row.required(idSlot)
        let name = row.required(map.slots.name)
        guard let id, let name else { return }
        if let first = customerLines[id] {
            row.report(.duplicateID, idSlot, "\(map.header(idSlot)) \"\(id)\" was already used on line \(first); this row is not used.")
            row.reject()
            return
        }
        var customer = Customer(id: id, name: name, line: Int32(row.line))
        customer.file = Int16(clamping: row.fileIndex)
        customer.type = row.code(map.slots.type, ValueParsers.customerType, treatedAs: "missing").value
        customer.industry = row.text(map.slots.industry)
        customer.region = row.text(map.slots.region)
        customer.city = row.text(map.slots.city)
        customer.address = row.text(map.slots.address)
        customer.contactName = row.text(map.slots.contactName)
        customer.phone = checkedPhone(&row, map.slots.phone)
        customer.email = checkedEmail(&row, map.slots.email)
        customer.gender = row.code(map.slots.gender, ValueParsers.gender, treatedAs: "missing").value
        customer.birthDate = row.date(map.slots.birthDate)?.day
        customer.source = row.text(map.slots.source)
        let owner = self.owner(&row, map.slots.ownerID)
        customer.owner = owner.ref
        customer.ownerID = owner.id
        if case .none = owner.ref, owner.id == nil, let rep = rep(ofRegion: customer.region) {
            customer.owner = .rep(rep)
            customer.ownerID = ledger.reps[Int(rep)].id
        }
        customer.grade = row.text(map.slots.grade)
        customer.tags = row.text(map.slots.tags).map(LedgerBuilder.splitTags) ?? []
        customer.createdAt = row.date(map.slots.createdAt)?.day
        customer.updatedAt = row.date(map.slots.updatedAt)?.day
        if customer.updatedAt != nil { customer.updatedAtCell = row.raw(map.slots.updatedAt) }
        customer.extra = extraValues(of: row)

        ledger.customerIndex[id] = Int32(ledger.customers.count)
        customerIDs.insert(id, Int32(ledger.customers.count))
        customerLines[id] = row.line
        ledger.customers.append(customer)
    }

    /// Tags separated by `;` `,` `|`, `、` or the full-width `；` `，` `｜`, trimmed, empty ones dropped.
    ///
    /// Scans bytes for the separators' exact UTF-8 sequences: splitting by `Character` costs a
    /// grapheme break test per character, a tenth of the customers table's reading time.
    static func splitTags(_ cell: String) -> [String] {
        var tags: [String] = []
        var cell = cell
        cell.withUTF8 { bytes in
            var start = 0, index = 0
            func take(_ end: Int) {
                let tag = CellText.trim(String(decoding: bytes[start..<end], as: UTF8.self))
                if !tag.isEmpty { tags.append(tag) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                var width = 0
                if byte == 0x3B || byte == 0x2C || byte == 0x7C {
                    width = 1
                } else if index + 2 < bytes.count {
                    let b1 = bytes[index + 1], b2 = bytes[index + 2]
                    if byte == 0xE3 && b1 == 0x80 && b2 == 0x81 { width = 3 }                  // 、
                    else if byte == 0xEF && b1 == 0xBC && (b2 == 0x9B || b2 == 0x8C) { width = 3 } // ；，
                    else if byte == 0xEF && b1 == 0xBD && b2 == 0x9C { width = 3 }               // ｜
                }
                if width > 0 {
                    take(index)
                    index += width
                    start = index
                } else {
                    index += 1
                }
            }
            take(bytes.count)
        }
        return tags
    }

    func checkedPhone(_ row: inout RowCursor, _ slot: Int) -> String? {
        guard let phone = row.text(slot) else { return nil }
        if ValueParsers.phone(phone) == nil {
            row.report(.badPhone, slot, "\(row.map.header(slot)) \"\(phone)\" is not a mainland mobile, landline or +international number.")
        }
        return phone
    }

    func checkedEmail(_ row: inout RowCursor, _ slot: Int) -> String? {
        guard let email = row.text(slot) else { return nil }
        if !ValueParsers.isValidEmail(email) {
            row.report(.badEmail, slot, "\(row.map.header(slot)) \"\(email)\" is not an address of the form name@domain.tld.")
        }
        return email
    }

    /// The row's unknown columns, aligned with `Ledger.customerExtraColumns` (which grows).
    private func extraValues(of row: RowCursor) -> [String?] {
        let pairs = row.unknownValues()
        guard !pairs.isEmpty else { return [] }
        var values = [String?](repeating: nil, count: ledger.customerExtraColumns.count)
        for (header, value) in pairs {
            if let index = customerExtraIndex[header] {
                values[index] = value
            } else {
                customerExtraIndex[header] = ledger.customerExtraColumns.count
                ledger.customerExtraColumns.append(header)
                values.append(value)
            }
        }
        return values
    }
}
