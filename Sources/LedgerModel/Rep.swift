/// One used row of the reps table.
package struct Rep: Sendable {
    package var id: String
    package var name: String
    package var team: String?
    package var manager: String?
    package var region: String?
    /// Revenue target for the report period; nil when missing or bad.
    package var quota: Money?
    package var line: Int32

    package init(id: String, name: String, team: String? = nil, manager: String? = nil,
                 region: String? = nil, quota: Money? = nil, line: Int32) {
        self.id = id
        self.name = name
        self.team = team
        self.manager = manager
        self.region = region
        self.quota = quota
        self.line = line
    }
}
