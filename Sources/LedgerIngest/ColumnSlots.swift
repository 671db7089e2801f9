/// Slots of the canonical columns the loaders read, looked up once per file.
///
/// `ColumnMap.slot(_:)` compares names linearly; called a dozen times per row it was a tenth
/// of the orders loader. A column the table does not have is -1 (never read by its loader).
struct ColumnSlots {
    let address: Int
    let amount: Int
    let birthDate: Int
    let category: Int
    let channel: Int
    let city: Int
    let closedAt: Int
    let contactName: Int
    let createdAt: Int
    let customerID: Int
    let date: Int
    let email: Int
    let gender: Int
    let grade: Int
    let industry: Int
    let kind: Int
    let manager: Int
    let name: Int
    let opportunityID: Int
    let orderDate: Int
    let orderID: Int
    let ownerID: Int
    let phone: Int
    let product: Int
    let quantity: Int
    let quota: Int
    let region: Int
    let repID: Int
    let resolvedAt: Int
    let satisfaction: Int
    let source: Int
    let stage: Int
    let status: Int
    let summary: Int
    let tags: Int
    let team: Int
    let type: Int
    let updatedAt: Int

    init(columns: [String]) {
        func slot(_ name: String) -> Int { columns.firstIndex(of: name) ?? -1 }
        address = slot("address")
        amount = slot("amount")
        birthDate = slot("birth_date")
        category = slot("category")
        channel = slot("channel")
        city = slot("city")
        closedAt = slot("closed_at")
        contactName = slot("contact_name")
        createdAt = slot("created_at")
        customerID = slot("customer_id")
        date = slot("date")
        email = slot("email")
        gender = slot("gender")
        grade = slot("grade")
        industry = slot("industry")
        kind = slot("kind")
        manager = slot("manager")
        name = slot("name")
        opportunityID = slot("opportunity_id")
        orderDate = slot("order_date")
        orderID = slot("order_id")
        ownerID = slot("owner_id")
        phone = slot("phone")
        product = slot("product")
        quantity = slot("quantity")
        quota = slot("quota")
        region = slot("region")
        repID = slot("rep_id")
        resolvedAt = slot("resolved_at")
        satisfaction = slot("satisfaction")
        source = slot("source")
        stage = slot("stage")
        status = slot("status")
        summary = slot("summary")
        tags = slot("tags")
        team = slot("team")
        type = slot("type")
        updatedAt = slot("updated_at")
    }
}
