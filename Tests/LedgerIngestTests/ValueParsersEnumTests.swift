import LedgerModel
import Testing
@testable import LedgerIngest

/// Enum cells in English and Chinese: exactly the words of input-format.md and precise-rules.md.
@Suite("Enum parsing")
struct ValueParsersEnumTests {
    @Test("Order statuses", arguments: [
        ("completed", OrderStatus.completed), ("Completed", .completed), ("已完成", .completed),
        (" completed ", .completed), ("ｃｏｍｐｌｅｔｅｄ", .completed),
        ("refunded", .refunded), ("REFUNDED", .refunded), ("已退款", .refunded),
        ("cancelled", .cancelled), ("canceled", .cancelled), ("CANCELLED", .cancelled), ("已取消", .cancelled),
    ])
    func status(cell: String, expected: OrderStatus) {
        #expect(ValueParsers.orderStatus(cell) == expected)
    }

    @Test("Channels", arguments: [
        ("phone", Channel.phone), ("Phone", .phone), ("电话", .phone),
        ("email", .email), ("E-mail", .email), ("e_mail", .email), ("EMAIL", .email), ("邮件", .email),
        ("meeting", .meeting), ("会议", .meeting),
        ("visit", .visit), ("拜访", .visit),
        ("wechat", .wechat), ("WeChat", .wechat), ("We Chat", .wechat), ("we-chat", .wechat), ("微信", .wechat),
        ("social", .social), ("社交媒体", .social),
        ("web", .web), ("网站", .web),
        ("other", .other), ("其他", .other),
    ])
    func channel(cell: String, expected: Channel) {
        #expect(ValueParsers.channel(cell) == expected)
    }

    @Test("Interaction kinds", arguments: [
        ("follow_up", InteractionKind.followUp), ("follow-up", .followUp), ("Follow Up", .followUp),
        ("followup", .followUp), ("跟进", .followUp),
        ("consultation", .consultation), ("咨询", .consultation),
        ("complaint", .complaint), ("Complaint", .complaint), ("投诉", .complaint),
        ("service", .service), ("服务", .service),
        ("feedback", .feedback), ("反馈", .feedback),
        ("survey", .survey), ("调查", .survey),
        ("other", .other), ("其他", .other),
    ])
    func kind(cell: String, expected: InteractionKind) {
        #expect(ValueParsers.interactionKind(cell) == expected)
    }

    @Test("Opportunity stages, with the mappings precise-rules.md names", arguments: [
        ("lead", OpportunityStage.lead), ("Prospecting", .lead), ("线索", .lead),
        ("qualified", .qualified), ("engaging", .qualified), ("需求确认", .qualified),
        ("proposal", .proposal), ("方案报价", .proposal),
        ("negotiation", .negotiation), ("谈判", .negotiation),
        ("won", .won), ("Closed Won", .won), ("closed_won", .won), ("closedwon", .won),
        ("CLOSED-WON", .won), ("赢单", .won), ("ｃｌｏｓｅｄ　ｗｏｎ", .won),
        ("lost", .lost), ("Closed Lost", .lost), ("closed_lost", .lost), ("输单", .lost),
    ])
    func stage(cell: String, expected: OpportunityStage) {
        #expect(ValueParsers.stage(cell) == expected)
    }

    @Test("Customer types", arguments: [
        ("company", CustomerType.company), ("Company", .company), ("企业", .company),
        ("individual", .individual), ("个人", .individual),
    ])
    func customerType(cell: String, expected: CustomerType) {
        #expect(ValueParsers.customerType(cell) == expected)
    }

    @Test("Genders", arguments: [
        ("male", Gender.male), ("Male", .male), ("男", .male),
        ("female", .female), ("女", .female), ("ｆｅｍａｌｅ", .female),
    ])
    func gender(cell: String, expected: Gender) {
        #expect(ValueParsers.gender(cell) == expected)
    }

    @Test("Words the spec does not list are bad values, to be mapped with the config's values:", arguments: [
        "done", "paid", "已发货", "交易成功", "作废", "call", "电子邮件", "上门拜访", "官网", "回访",
        "客诉", "售后", "Qualification", "Needs Analysis", "review", "公司", "企业客户", "person",
        "M", "男性",
    ])
    func synonymsAreNotGuessed(cell: String) {
        let parsed: [Any?] = [ValueParsers.orderStatus(cell), ValueParsers.channel(cell),
                              ValueParsers.interactionKind(cell), ValueParsers.stage(cell),
                              ValueParsers.customerType(cell), ValueParsers.gender(cell)]
        #expect(parsed.allSatisfy { $0 == nil })
    }

    @Test("Values that match nothing are nil (bad_value)", arguments: [
        "", "pending", "unknown", "处理中", "x", "complet", "closed", "?", "none",
    ])
    func unmatched(cell: String) {
        #expect(ValueParsers.orderStatus(cell) == nil)
        #expect(ValueParsers.channel(cell) == nil)
        #expect(ValueParsers.interactionKind(cell) == nil)
        #expect(ValueParsers.stage(cell) == nil)
        #expect(ValueParsers.customerType(cell) == nil)
        #expect(ValueParsers.gender(cell) == nil)
    }

    @Test("Every canonical code matches itself in every enum")
    func canonicalCodes() {
        for status in OrderStatus.allCases where status != .unknown {
            #expect(ValueParsers.orderStatus(status.rawValue) == status)
        }
        for channel in Channel.allCases { #expect(ValueParsers.channel(channel.rawValue) == channel) }
        for kind in InteractionKind.allCases { #expect(ValueParsers.interactionKind(kind.rawValue) == kind) }
        for stage in OpportunityStage.allCases { #expect(ValueParsers.stage(stage.rawValue) == stage) }
        for type in CustomerType.allCases { #expect(ValueParsers.customerType(type.rawValue) == type) }
        for gender in Gender.allCases { #expect(ValueParsers.gender(gender.rawValue) == gender) }
    }
}
