/// The inner rectangle where data is drawn, inside the margins kept for labels.
struct PlotRect: Equatable {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    var width: Double { Swift.max(right - left, 1) }
    var height: Double { Swift.max(bottom - top, 1) }

    /// The y coordinate for `fraction` 0…1 measured upward from the bottom.
    func y(_ fraction: Double) -> Double { bottom - fraction * height }
    /// The x coordinate for `fraction` 0…1 measured rightward from the left.
    func x(_ fraction: Double) -> Double { left + fraction * width }
}
