import Mustache

/// The strings table as templates see it: `{{s.nav.dashboard}}` is the entry `nav.dashboard`.
///
/// Mustache splits dotted names, so `s` hands out one scope per prefix; a scope renders as the
/// entry of its whole path (or the path itself when the table lacks it, so a typo shows).
/// Keys such as `kpi.revenue` and `kpi.revenue.sub` can therefore live side by side.
struct StringsScope: MustacheParent, MustacheCustomRenderable, Sendable {
    let table: [String: String]
    let path: String

    func child(named name: String) -> Any? {
        StringsScope(table: table, path: path.isEmpty ? name : path + "." + name)
    }

    var renderText: String { table[path] ?? path }
    var isNull: Bool { false }
}
