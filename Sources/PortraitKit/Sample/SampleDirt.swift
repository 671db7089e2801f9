import LedgerModel

/// Decides which rows get a defect and which one, so that every kind appears early and evenly.
///
/// A row is dirty with probability `rate`; the kinds of its table are then dealt round-robin
/// rather than drawn, so a ledger with a dozen dirty rows per table already shows every rule.
///
/// Cells that get defects (one per dirty row, never on the anchor customer and its rows):
/// - customers: `name` or `customer_id` empty (row unused, written without dependents);
///   `customer_id` of the latest clean customer (duplicate_id, unused, no dependents);
///   `created_at` an impossible date; `updated_at` a typo year (2026 → 2062) or more than 90
///   days before end (stale); `type` 机构, `gender` 未知; `phone` with an extension, two numbers
///   or a digit short; `email` without `@`, without TLD, with a space or `@@`; the phone (other
///   format), e-mail (upper case) or normalised name (other legal suffix; for individuals the
///   same name and city) of the latest clean customer (probable_duplicate on the later row);
///   `owner_id` of a rep who is not in the reps table.
/// - orders (a dirty order is always a single line): `amount` empty, `12,34.50`-style or
///   negative on a completed order; `order_id` of a clean order of an earlier customer;
///   `order_date` impossible or a typo year; `quantity` `3件`; `status` 已发货; `customer_id` or
///   `owner_id` not defined anywhere.
/// - interactions: `date` empty, impossible or a typo year; `customer_id` empty or undefined;
///   `resolved_at` impossible or a typo year (on complaints); `channel` 传真; `kind` 售后回访;
///   `satisfaction` 0/7 (out_of_range) or 4.5/满意 (bad_number); `owner_id` undefined.
/// - opportunities: `stage` empty or 暂缓; `opportunity_id` of an earlier clean opportunity;
///   `amount` 约5万; `closed_at` impossible (won/lost); `created_at` a typo year (left open);
///   `customer_id` or `owner_id` undefined.
/// - reps: `quota` 约150万; an extra row repeating the `rep_id` of the rep before it.
struct SampleDirt {
    let rate: Double
    private var cursor: [TableName: Int] = [:]
    private static let kinds: [TableName: [SampleDefect]] = Dictionary(
        grouping: SampleDefect.allCases, by: \.table)

    init(rate: Double) { self.rate = rate }

    /// The defect of the next row of `table`, or nil for a clean row.
    mutating func draw(_ table: TableName, _ rng: inout SeededRandom) -> SampleDefect? {
        guard rate > 0, rng.chance(rate), let kinds = SampleDirt.kinds[table] else { return nil }
        let index = cursor[table, default: 0]
        cursor[table] = index + 1
        return kinds[index % kinds.count]
    }
}
