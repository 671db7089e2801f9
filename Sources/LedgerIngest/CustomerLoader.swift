import LedgerModel

/// Reads the customers table: `customer_id` and `name` required; every other cell checked.
///
/// Parsing builds the whole `Customer`; the commit only rejects a duplicate id, numbers the
/// customer and places its "other fields".
final class CustomerLoader: TableLoader {
    let references: LedgerReferences
    var source: TableSource
    private(set) var customers: [Customer] = []
    /// `Ledger.customerIndex` by bytes (the ledger builds the dictionary on first use).
    let ids = StringKeyTable()
    /// The id of each customer by index, for guessing a row's customer (`LedgerReferences`).
    private(set) var idWords = IDWords()
    /// Headers of columns Portrait does not know, in file order (`Ledger.customerExtraColumns`).
    private(set) var extraColumns: [String] = []
    /// Position of each header in `extraColumns`: a linear search there made sparse XML
    /// records (each with its own element) cubic in the file's size (found by fuzzing).
    private var extraIndex: [String: Int] = [:]
    /// Per file's column map, the position in `extraColumns` of each of its headers (-1: not
    /// looked up yet), so a header is hashed once per file rather than once per row: 300 custom
    /// columns of 100,000 customers were 30 million lookups of Chinese names, each normalized
    /// to be hashed (6 s). `updates`: the map's `updates` when all its unknown headers were
    /// last given theirs. The map is held so that its identity is never reused.
    private var extraSlots: [(map: ColumnMap, slots: [Int], updates: Int)] = []
    /// Filled cells by slot, moved into `Ledger.completeness` (keyed by column) once the table
    /// is read: a dictionary update per cell cost a tenth of the loader.
    private(set) var filledCells: [Int] = []
    private(set) var findings: [Finding] = []

    struct Batch: RecordBatch {
        /// The batch's customers, apart from their bookkeeping (`rows`): a `Customer` holds a
        /// dozen strings, and each copy of one retains and releases them all.
        var customers: [Customer] = []
        var rows: [Parsed] = []
        var findings: [Finding] = []
        var filledCells: [Int] = []
        /// The rows' cells of unknown columns, one after another (`Parsed.extra`): an array of
        /// its own per row grew a few times for each.
        var extraCells: [(header: Int32, value: String?)] = []
        let memo = ReferenceMemo()
        /// Values of the columns that repeat, and tags by their cell.
        let texts = TextCache<String>()
        let tags = TextCache<[String]>()

        mutating func reserve(records: Int, bytes: Int) {
            customers.reserveCapacity(records)
            rows.reserveCapacity(records)
        }
    }

    struct Parsed {
        /// The row's values of the file's unknown columns in `Batch.extraCells`
        /// (`RowCursor.appendUnknownValues(to:)`).
        var extra: Range<Int32>
        var record: Int
        var findings: RowFindings
    }

    init(references: LedgerReferences, files: [String]) {
        self.references = references
        source = TableSource(table: .customers, files: files)
    }

    func reserve(rows: Int, bytes: Int) {
        customers.reserveCapacity(growingTo: customers.count + rows)
        ids.reserveCapacity(customers.count + rows)
        idWords.reserveCapacity(customers.count + rows)
    }

    func parse(_ row: inout RowCursor, into batch: inout Batch) {
        let map = row.map
        if batch.filledCells.count != map.columns.count {
            batch.filledCells = [Int](repeating: 0, count: map.columns.count)
        }
        for slot in map.columns.indices where row.source[slot] >= 0 {
            if !row.isMissing(slot) { batch.filledCells[slot] += 1 }
        }
        let start = row.findings.count
        let id = row.required(map.slots.customerID)
        let name = row.required(map.slots.name)
        guard let id, let name else { return }
        let checked = row.findings.count
        // Each cell in the order of its findings, the customer made at once.
        let type = row.code(map.slots.type, ValueParsers.customerTypeWordIndex, ValueParsers.customerType,
                            treatedAs: "missing").value
        let industry = row.text(map.slots.industry, cache: batch.texts)
        let region = row.text(map.slots.region, cache: batch.texts)
        let city = row.text(map.slots.city, cache: batch.texts)
        let address = row.text(map.slots.address)
        let contactName = row.text(map.slots.contactName)
        let phone = checkedPhone(&row, map.slots.phone)
        let email = checkedEmail(&row, map.slots.email)
        let gender = row.code(map.slots.gender, ValueParsers.genderWordIndex, ValueParsers.gender,
                              treatedAs: "missing").value
        let birthDate = row.date(map.slots.birthDate)?.day
        let source = row.text(map.slots.source, cache: batch.texts)
        var owner = references.owner(&row, map.slots.ownerID, memo: batch.memo)
        if case .none = owner.ref, owner.id == nil, let rep = references.rep(ofRegion: region) {
            owner = (.rep(rep), references.reps[Int(rep)].id)
        }
        let grade = row.text(map.slots.grade, cache: batch.texts)
        let tags: [String]
        switch row.cell(map.slots.tags) {
        case .missing: tags = []
        case .bytes(let bytes): tags = batch.tags.value(bytes) { Self.splitTags(String(decoding: bytes, as: UTF8.self)) }
        case .text(let text): tags = Self.splitTags(text)
        }
        let createdAt = row.date(map.slots.createdAt)?.day
        let updatedAt = row.date(map.slots.updatedAt)?.day
        let customer = Customer(
            id: id, name: name, type: type, industry: industry, region: region, city: city, address: address,
            contactName: contactName, phone: phone, email: email, gender: gender, birthDate: birthDate,
            source: source, ownerID: owner.id, owner: owner.ref, grade: grade, tags: tags, createdAt: createdAt,
            updatedAt: updatedAt, updatedAtCell: updatedAt != nil ? row.raw(map.slots.updatedAt) : nil,
            line: Int32(row.line), file: Int16(clamping: row.fileIndex))
        batch.customers.append(customer)
        let extraStart = Int32(batch.extraCells.count)
        row.appendUnknownValues(to: &batch.extraCells)
        batch.rows.append(Parsed(extra: extraStart..<Int32(batch.extraCells.count), record: row.record,
                                 findings: RowFindings(start: start, checked: checked, end: row.findings.count)))
    }

    func commit(_ batch: inout Batch, _ context: CommitContext) {
        if filledCells.count < batch.filledCells.count {
            filledCells += [Int](repeating: 0, count: batch.filledCells.count - filledCells.count)
        }
        for (slot, count) in batch.filledCells.enumerated() { filledCells[slot] += count }
        let map = context.map
        let lineOffset = Int32(clamping: context.lineOffset)
        var kept = [Bool](repeating: true, count: batch.rows.count)
        /// Lines of the batch's customers kept so far, which follow `customers`.
        var keptLines: [Int32] = []
        var next = 0
        for (index, parsed) in batch.rows.enumerated() {
            let marks = parsed.findings
            context.emit(batch.findings[next..<Int(marks.checked)], into: &findings)
            next = Int(marks.end)
            let id = batch.customers[index].id
            let line = batch.customers[index].line
            if let first = ids.lookup(id).map(Int.init) {
                let idSlot = map.slots.customerID
                let firstLine = first < customers.count ? customers[first].line : keptLines[first - customers.count]
                findings.append(context.finding(.duplicateID, idSlot, line: line, record: parsed.record,
                    "\(map.header(idSlot)) \"\(id)\" was already used on line \(firstLine); this row is not used."))
                kept[index] = false
                continue
            }
            context.emit(batch.findings[Int(marks.checked)..<Int(marks.end)], into: &findings)
            batch.customers[index].line = line + lineOffset
            if !map.unknown.isEmpty {
                batch.customers[index].extra = extraFields(batch.extraCells[Int(parsed.extra.lowerBound)..<Int(parsed.extra.upperBound)], map: map)
            }
            ids.insert(id, Int32(customers.count + keptLines.count))
            var idText = id
            idText.withUTF8 { idWords.append($0) }
            keptLines.append(line + lineOffset)
            source.usedRows += 1
        }
        context.emit(batch.findings[next...], into: &findings)
        // Moved, not copied: a copy retains a customer's dozen strings and destroying the batch
        // releases them again, 0.2 s of this commit (which runs on one thread at a time) at a
        // million customers. A vacated slot holds empty strings, which count no references.
        let vacated = Customer(id: "", name: "", line: 0)
        for index in batch.customers.indices where kept[index] {
            customers.append(vacated)
            swap(&customers[customers.count - 1], &batch.customers[index])
        }
    }

    /// A row's unknown cells (by header position in `map`) as fields of `extraColumns`.
    ///
    /// First, once per change of the map's headers, adds to `extraColumns` the headers of all
    /// the map's unknown columns not there yet, in file order, whether or not the row fills
    /// them: "other fields" are listed in that order (as when every row passed every cell).
    private func extraFields(_ pairs: ArraySlice<(header: Int32, value: String?)>, map: ColumnMap) -> ExtraFields {
        var entry = extraSlots.firstIndex { $0.map === map } ?? -1
        if entry < 0 {
            entry = extraSlots.count
            extraSlots.append((map, [], -1))
        }
        if extraSlots[entry].updates != map.updates {
            for position in map.unknown { _ = column(of: position, in: map, entry: entry) }
            extraSlots[entry].updates = map.updates
        }
        guard !pairs.isEmpty else { return [] }
        var fields: [ExtraFields.Field] = []
        // Only the headers a file repeats pass their empty cells (as nil).
        fields.reserveCapacity(map.repeatsUnknownHeaders ? pairs.lazy.filter { $0.value != nil }.count : pairs.count)
        for (position, value) in pairs {
            let column = Int32(column(of: Int(position), in: map, entry: entry))
            if map.repeatsUnknownHeaders { fields.removeAll { $0.column == column } }
            if let value { fields.append(ExtraFields.Field(column: column, value: value)) }
        }
        return ExtraFields(fields)
    }

    /// The position in `extraColumns` of header `position` of `map` (`extraSlots[entry]`),
    /// adding the header there if it is new.
    private func column(of position: Int, in map: ColumnMap, entry: Int) -> Int {
        if position >= extraSlots[entry].slots.count {
            extraSlots[entry].slots += [Int](repeating: -1, count: position + 1 - extraSlots[entry].slots.count)
        }
        let known = extraSlots[entry].slots[position]
        if known >= 0 { return known }
        let header = map.headers[position]
        let column = extraIndex[header] ?? extraColumns.count
        if column == extraColumns.count {
            extraIndex[header] = column
            extraColumns.append(header)
        }
        extraSlots[entry].slots[position] = column
        return column
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
                // `CellText.trim` trims what `trimmedRange` does, so trim the bytes first.
                let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let range = ValueParsers.trimmedRange(piece)
                if !range.isEmpty { tags.append(String(decoding: piece[range], as: UTF8.self)) }
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

    private func checkedPhone(_ row: inout RowCursor, _ slot: Int) -> String? {
        guard let phone = row.text(slot) else { return nil }
        if ValueParsers.withPhoneKey(phone, { $0 == nil }) {
            row.report(.badPhone, slot, "\(row.map.header(slot)) \"\(phone)\" is not a mainland mobile, landline or +international number.")
        }
        return phone
    }

    private func checkedEmail(_ row: inout RowCursor, _ slot: Int) -> String? {
        guard let email = row.text(slot) else { return nil }
        if !ValueParsers.isValidEmail(email) {
            row.report(.badEmail, slot, "\(row.map.header(slot)) \"\(email)\" is not an address of the form name@domain.tld.")
        }
        return email
    }
}
