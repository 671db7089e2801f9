/// Per-team ledgers for `portrait build --partition team`: sub-sites that an intranet can
/// protect folder by folder.
///
/// A team's ledger holds its reps, the customers they own, those customers' orders,
/// interactions and opportunities, orphan-customer rows credited to its reps, and the findings
/// of those rows. Nothing of another team enters it: a row of this team's customer credited to
/// another team's rep is kept but credited to no rep; a row of another team's customer is left
/// out even when this team's rep is credited; a finding that cannot be tied to one of this
/// team's rows (a row that was not used, a second order line, a table read from several files)
/// stays in the company site only, and so does a probable duplicate whose group spans teams.
extension Ledger {
    /// Team names in code-point order, then nil for reps without a team and customers without
    /// a usable owner, when there are any.
    package var teams: [String?] {
        var names = Set<String>()
        var unassigned = false
        for rep in reps {
            if let team = rep.team { names.insert(team) } else { unassigned = true }
        }
        if customers.contains(where: { $0.owner.repIndex == nil }) { unassigned = true }
        let sorted: [String?] = names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return unassigned ? sorted + [nil] : sorted
    }

    /// The ledger of `team` (nil: the unassigned group), references re-indexed.
    /// - Complexity: O(rows + findings).
    package func partition(team: String?) -> Ledger {
        var part = Ledger()
        part.customerExtraColumns = customerExtraColumns
        part.strings = strings
        part.latestActivity = latestActivity
        part.chineseHeaders = chineseHeaders
        part.customersDerived = customersDerived

        var repMap = [Int32](repeating: -1, count: reps.count)
        for (index, rep) in reps.enumerated() where rep.team == team {
            repMap[index] = Int32(part.reps.count)
            part.repIndex[rep.id] = Int32(part.reps.count)
            part.reps.append(rep)
        }
        func remap(_ owner: OwnerRef) -> OwnerRef {
            switch owner {
            case .none: .none
            case .orphan: .orphan
            case .rep(let index): repMap[Int(index)] >= 0 ? .rep(repMap[Int(index)]) : .orphan
            }
        }
        func belongs(_ owner: OwnerRef) -> Bool {
            if let rep = owner.repIndex { return repMap[rep] >= 0 }
            return team == nil
        }

        var customerMap = [Int32](repeating: -1, count: customers.count)
        for (index, customer) in customers.enumerated() where belongs(customer.owner) {
            var copy = customer
            copy.owner = remap(customer.owner)
            customerMap[index] = Int32(part.customers.count)
            part.customerIndex[customer.id] = Int32(part.customers.count)
            part.customers.append(copy)
        }
        /// A row's customer in the part, or nil when the row is not this team's.
        func customer(of row: Int32, owner: OwnerRef) -> Int32? {
            if row >= 0 { return customerMap[Int(row)] >= 0 ? customerMap[Int(row)] : nil }
            if let rep = owner.repIndex { return repMap[rep] >= 0 ? -1 : nil }
            return nil
        }

        for order in orders {
            guard let index = customer(of: order.customer, owner: order.owner) else { continue }
            var copy = order
            copy.customer = index
            copy.owner = remap(order.owner)
            let first = Int32(part.orderLines.count)
            part.orderLines.append(contentsOf: orderLines[Int(order.lines.lowerBound)..<Int(order.lines.upperBound)])
            copy.lines = first..<Int32(part.orderLines.count)
            part.orders.append(copy)
        }
        for interaction in interactions {
            guard let index = customer(of: interaction.customer, owner: interaction.owner) else { continue }
            var copy = interaction
            copy.customer = index
            copy.owner = remap(interaction.owner)
            copy.summary = texts[interaction.summary].map { part.texts.append($0) } ?? .empty
            part.interactions.append(copy)
        }
        for opportunity in opportunities {
            guard let index = customer(of: opportunity.customer, owner: opportunity.owner) else { continue }
            var copy = opportunity
            copy.customer = index
            copy.owner = remap(opportunity.owner)
            part.opportunities.append(copy)
        }

        part.duplicateGroups = duplicateGroups.compactMap { group in
            let mapped = group.map { customerMap[Int($0)] }
            return mapped.allSatisfy { $0 >= 0 } ? mapped : nil
        }
        part.findings = attributedFindings(customerMap: customerMap, repMap: repMap, part: part)
        part.completeness = completeness.keys.reduce(into: [:]) { counts, column in
            counts[column] = part.customers.lazy.filter { $0.has(column) }.count
        }
        for table in TableName.allCases {
            let source = self.source(table)
            let rows: Int
            switch table {
            case .customers: rows = part.customers.count
            case .orders: rows = part.orderLines.count
            case .interactions: rows = part.interactions.count
            case .reps: rows = part.reps.count
            case .opportunities: rows = part.opportunities.count
            }
            part.sources[table] = TableSource(table: table, files: source.files, rows: rows, usedRows: rows)
        }
        return part
    }

    /// The findings tied to one of the part's rows: by (file, line) for customers, by line for
    /// the other tables when they were read from one file.
    private func attributedFindings(customerMap: [Int32], repMap: [Int32], part: Ledger) -> [Finding] {
        struct Place: Hashable { var table: TableName; var file: Int; var line: Int32 }
        var ours = Set<Place>()
        for (index, customer) in customers.enumerated() where customerMap[index] >= 0 {
            ours.insert(Place(table: .customers, file: Int(customer.file), line: customer.line))
        }
        let duplicates = Set(part.duplicateGroups.joined().map { part.customers[Int($0)] }.map {
            Place(table: .customers, file: Int($0.file), line: $0.line)
        })
        for (index, rep) in reps.enumerated() where repMap[index] >= 0 {
            ours.insert(Place(table: .reps, file: 0, line: rep.line))
        }
        let partOrders = Set(part.orders.map(\.line)), partInteractions = Set(part.interactions.map(\.line))
        let partOpportunities = Set(part.opportunities.map(\.line))
        return findings.filter { finding in
            let files = source(finding.table).files
            let file = files.firstIndex(of: finding.file) ?? -1
            let line = Int32(clamping: finding.line)
            switch finding.table {
            case .customers:
                let place = Place(table: .customers, file: file, line: line)
                return finding.rule == .probableDuplicate ? duplicates.contains(place) : ours.contains(place)
            case .reps:
                return files.count == 1 && ours.contains(Place(table: .reps, file: 0, line: line))
            case .orders: return files.count == 1 && partOrders.contains(line)
            case .interactions: return files.count == 1 && partInteractions.contains(line)
            case .opportunities: return files.count == 1 && partOpportunities.contains(line)
            }
        }
    }
}

extension Customer {
    /// Whether the customer's `column` is filled, for completeness within a partition.
    package func has(_ column: String) -> Bool {
        switch column {
        case "customer_id", "name": true
        case "type": type != nil
        case "industry": industry != nil
        case "region": region != nil
        case "city": city != nil
        case "address": address != nil
        case "contact_name": contactName != nil
        case "phone": phone != nil
        case "email": email != nil
        case "gender": gender != nil
        case "birth_date": birthDate != nil
        case "source": source != nil
        case "owner_id": ownerID != nil
        case "grade": grade != nil
        case "tags": !tags.isEmpty
        case "created_at": createdAt != nil
        case "updated_at": updatedAt != nil
        default: false
        }
    }
}
