/// Which customers get a portrait page (`pages.portraits`).
package enum PortraitSelection: Sendable, Equatable {
    case all, none
    /// The N customers with the most revenue.
    case top(Int)
}
