import LedgerModel

extension LedgerBuilder {
    /// An orders row: one line of an order. Lines sharing `order_id` and `customer_id` are
    /// summed into one order taking date, status and owner from its first used line; the same
    /// `order_id` with another customer is a `duplicate_id`.
    func loadOrder(_ row: inout RowCursor) {
        let map = row.map
        let idSlot = map.slots.orderID, customerSlot = map.slots.customerID
        let orderID = row.required(idSlot)
        let customerID = row.required(customerSlot)
        let date = row.ownDate(map.slots.orderDate, required: true)
        let amount = row.amount(map.slots.amount, required: true)
        guard row.usable, let orderID, let customerID, let day = date.value?.day, let amount else {
            row.reject()
            return
        }
        let existing = orderIDs[orderID]
        if let existing, existing.customerID != customerID {
            row.report(.duplicateID, idSlot, "\(map.header(idSlot)) \"\(orderID)\" was already used on line \(existing.line) for customer \"\(existing.customerID)\"; this row is not used.")
            row.reject()
            return
        }

        let statusCell = row.code(map.slots.status, ValueParsers.orderStatus, treatedAs: "not a purchase")
        let status: OrderStatus = statusCell.bad ? .unknown : (statusCell.value ?? .completed)
        if status == .completed && amount < .zero {
            row.report(.outOfRange, map.slots.amount, "\(map.header(map.slots.amount)) \(amount.formatted()) is negative on a completed order; it is not a purchase.")
        }
        let customer = resolveOrderCustomer(&row, customerSlot, id: customerID)
        var owner = self.owner(&row, map.slots.ownerID)
        if case .none = owner.ref, owner.id == nil, let rep = rep(ofRegion: row.text(map.slots.region)) {
            owner = (.rep(rep), ledger.reps[Int(rep)].id)
        }
        let quantity = row.amount(map.slots.quantity)
        let category = row.text(map.slots.category).map(intern) ?? -1
        let product = row.text(map.slots.product).map(intern) ?? -1
        guard date.counts else {
            // A future line is left out of every figure; a future first line leaves out the order.
            if existing == nil { orderIDs[orderID] = (-1, customerID, row.line) }
            return
        }
        noteActivity(day)

        let order: Int32
        if let existing, existing.order >= 0 {
            order = existing.order
            // Lines of one order are summed; a total beyond Int64 micros (±9.2 × 10^12) would
            // trap, so the line that overflows is a bad number and left out (found by fuzzing).
            let (total, overflow) = ledger.orders[Int(order)].amount.micros.addingReportingOverflow(amount.micros)
            guard !overflow else {
                let slot = map.slot("amount")
                row.report(.badNumber, slot, "\(map.header(slot)) \(amount.formatted()) takes order \(orderID)'s total beyond 9.2 trillion; the line is left out.")
                row.reject()
                return
            }
            ledger.orders[Int(order)].amount = Money(micros: total)
        } else if existing != nil {
            return
        } else {
            order = Int32(ledger.orders.count)
            ledger.orders.append(Order(id: orderID, customer: customer, owner: owner.ref, date: day,
                                       amount: amount, status: status, lines: 0..<0, line: Int32(row.line)))
            orderIDs[orderID] = (order, customerID, row.line)
        }
        pendingLines.append((order, OrderLine(date: day, amount: amount, category: category,
                                              product: product, quantity: quantity)))
    }

    /// The id of `text` in `Ledger.strings`, looked up by bytes first.
    private func intern(_ text: String) -> Int32 {
        let key = UTF8Key(text: text)
        if let id = internedBytes[key] { return id }
        let id = ledger.strings.intern(text)
        internedBytes[key] = id
        return id
    }

    /// The order's customer; when customers are derived from orders, the first row of a
    /// customer_id defines the customer from the customer columns on the row.
    private func resolveOrderCustomer(_ row: inout RowCursor, _ slot: Int, id: String) -> Int32 {
        guard ledger.customersDerived else { return customer(&row, slot, id: id) }
        if let index = customerIDs[id] ?? ledger.customerIndex[id] { return index }
        let map = row.map
        var customer = Customer(id: id, name: row.text(map.slots.name) ?? id, line: Int32(row.line))
        customer.region = row.text(map.slots.region)
        customer.city = row.text(map.slots.city)
        customer.industry = row.text(map.slots.industry)
        customer.type = ValueParsers.customerType(row.text(map.slots.type) ?? "")
        if let ownerID = row.text(map.slots.ownerID) {
            customer.ownerID = ownerID
            if repsPresent, let rep = ledger.repIndex[ownerID] ?? repByName[ownerID] {
                customer.owner = .rep(rep)
                customer.ownerID = ledger.reps[Int(rep)].id
            } else if repsPresent {
                customer.owner = .orphan
            }
        } else if let rep = rep(ofRegion: customer.region) {
            customer.owner = .rep(rep)
            customer.ownerID = ledger.reps[Int(rep)].id
        }
        let index = Int32(ledger.customers.count)
        ledger.customers.append(customer)
        ledger.customerIndex[id] = index
        customerIDs.insert(id, index)
        return index
    }
}
