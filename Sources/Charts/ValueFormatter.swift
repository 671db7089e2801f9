/// Turns a number into the text a reader sees: ticks, value labels, table cells.
///
/// Supplied by the caller so the site decides locale and unit (`¥1,234.50`, `12.3万`, `12.3k`);
/// charts never format numbers for people on their own except through ``ChartFormat`` defaults.
package typealias ValueFormatter = @Sendable (Double) -> String
