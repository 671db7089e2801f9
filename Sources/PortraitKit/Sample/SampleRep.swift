/// A generated sales rep.
struct SampleRep {
    var id: String
    var name: String
    var team: Int
    /// Relative share of customers the rep owns.
    var weight: Double
}
