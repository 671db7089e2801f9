import LedgerModel

/// `assets/search-index.js`: every customer's id, name and (masked) phone digits for the search
/// box, as a script assigning a global, because `fetch` of a JSON file is blocked on `file://`.
///
/// One string, a record per line, fields separated by tabs: `id`, `name`, phone (masked as on
/// the pages, so the index holds no digit a page does not show), link.
/// The link is empty (no portrait), `=` (the file is `id.html`) or the file stem. About 40 bytes
/// per customer: 40 MB for a million, loaded only by the customers page.
enum SearchIndex {
    static func script(_ site: SiteBuild) -> String {
        var body = ""
        body.reserveCapacity(site.ledger.customers.count * 48)
        for (index, customer) in site.ledger.customers.enumerated() {
            if index > 0 { body += "\n" }
            body += clean(customer.id) + "\t" + clean(customer.name) + "\t"
            if let phone = customer.phone { body += clean(site.content.maskContacts ? ContactMask.phone(phone) : phone) }
            body += "\t"
            if site.hasPortrait[index], let stem = site.customerPaths.stem(customer.id) {
                body += stem == customer.id ? "=" : clean(stem)
            }
        }
        return "window.PORTRAIT_SEARCH=\"" + HTML.javaScriptString(body) + "\";\n"
    }

    /// Tabs and line breaks inside a value would break the record format: they become spaces.
    static func clean(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 }) else { return value }
        return String(value.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
