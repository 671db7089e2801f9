/// The text every chart carries: id, accessible title and description, and the empty-state line.
///
/// Ids in the SVG (`<id>-title`, `<id>-desc`) derive only from ``id``, never from a counter or
/// a clock, so the same input renders the same bytes.
struct ChartHeader: Sendable, Equatable {
    /// The caller's id, reduced to characters safe in `id` and `aria-labelledby`.
    let id: String
    let title: String
    let description: String
    /// Shown instead of a chart when there is nothing to draw.
    let noData: String

    init(id: String, title: String, description: String, noData: String) {
        self.id = XML.identifier(id)
        self.title = title
        self.description = description
        self.noData = noData
    }
}
