import LedgerModel
import Testing
@testable import LedgerIngest

/// Enum cells in English and Chinese, with the CRM synonyms of precise-rules.md.
@Suite("Enum parsing")
struct ValueParsersEnumTests {
    @Test("Order statuses", arguments: [
        ("completed", OrderStatus.completed), ("Completed", .completed), ("COMPLETE", .completed),
        ("done", .completed), ("paid", .completed), ("已完成", .completed), ("完成", .completed),
        ("已付款", .completed), ("交易成功", .completed), (" completed ", .completed),
        ("ｃｏｍｐｌｅｔｅｄ", .completed),
        ("refunded", .refunded), ("Refund", .refunded), ("已退款", .refunded), ("退款", .refunded),
        ("已退货", .refunded),
        ("cancelled", .cancelled), ("canceled", .cancelled), ("CANCELLED", .cancelled),
        ("已取消", .cancelled), ("取消", .cancelled), ("作废", .cancelled), ("void", .cancelled),
    ])
    func status(cell: String, expected: OrderStatus) {
        #expect(ValueParsers.orderStatus(cell) == expected)
    }

    @Test("Channels", arguments: [
        ("phone", Channel.phone), ("Phone", .phone), ("call", .phone), ("Phone Call", .phone),
        ("电话", .phone), ("tel", .phone),
        ("email", .email), ("E-mail", .email), ("e_mail", .email), ("EMAIL", .email), ("邮件", .email),
        ("电子邮件", .email),
        ("meeting", .meeting), ("会议", .meeting), ("视频会议", .meeting),
        ("visit", .visit), ("拜访", .visit), ("上门拜访", .visit), ("Site Visit", .visit),
        ("wechat", .wechat), ("WeChat", .wechat), ("We Chat", .wechat), ("we-chat", .wechat),
        ("微信", .wechat), ("企业微信", .wechat),
        ("social", .social), ("Social Media", .social), ("社交媒体", .social),
        ("web", .web), ("website", .web), ("网站", .web), ("官网", .web),
        ("other", .other), ("其他", .other), ("其它", .other),
    ])
    func channel(cell: String, expected: Channel) {
        #expect(ValueParsers.channel(cell) == expected)
    }

    @Test("Interaction kinds", arguments: [
        ("follow_up", InteractionKind.followUp), ("follow-up", .followUp), ("Follow Up", .followUp),
        ("followup", .followUp), ("跟进", .followUp), ("回访", .followUp),
        ("consultation", .consultation), ("inquiry", .consultation), ("咨询", .consultation),
        ("complaint", .complaint), ("Complaint", .complaint), ("投诉", .complaint), ("客诉", .complaint),
        ("service", .service), ("support", .service), ("服务", .service), ("售后", .service),
        ("feedback", .feedback), ("反馈", .feedback),
        ("survey", .survey), ("调查", .survey), ("问卷", .survey),
        ("other", .other), ("其他", .other),
    ])
    func kind(cell: String, expected: InteractionKind) {
        #expect(ValueParsers.interactionKind(cell) == expected)
    }

    @Test("Opportunity stages, including CRM stage names", arguments: [
        ("lead", OpportunityStage.lead), ("Prospecting", .lead), ("线索", .lead),
        ("qualified", .qualified), ("Qualification", .qualified), ("engaging", .qualified),
        ("Needs Analysis", .qualified), ("需求确认", .qualified), ("qualifiedtobuy", .qualified),
        ("proposal", .proposal), ("Proposal/Price Quote", .proposal), ("Price Quote", .proposal),
        ("方案报价", .proposal), ("方案/报价", .proposal),
        ("negotiation", .negotiation), ("Negotiation/Review", .negotiation), ("review", .negotiation),
        ("谈判", .negotiation),
        ("won", .won), ("Closed Won", .won), ("closed_won", .won), ("closedwon", .won),
        ("CLOSED-WON", .won), ("赢单", .won), ("ｃｌｏｓｅｄ　ｗｏｎ", .won),
        ("lost", .lost), ("Closed Lost", .lost), ("closed_lost", .lost), ("输单", .lost),
    ])
    func stage(cell: String, expected: OpportunityStage) {
        #expect(ValueParsers.stage(cell) == expected)
    }

    @Test("Customer types", arguments: [
        ("company", CustomerType.company), ("Company", .company), ("business", .company),
        ("企业", .company), ("公司", .company), ("企业客户", .company),
        ("individual", .individual), ("person", .individual), ("个人", .individual),
        ("个人客户", .individual),
    ])
    func customerType(cell: String, expected: CustomerType) {
        #expect(ValueParsers.customerType(cell) == expected)
    }

    @Test("Genders", arguments: [
        ("male", Gender.male), ("Male", .male), ("M", .male), ("m", .male), ("男", .male),
        ("男性", .male), ("female", .female), ("F", .female), ("女", .female), ("女性", .female),
        ("ｆｅｍａｌｅ", .female),
    ])
    func gender(cell: String, expected: Gender) {
        #expect(ValueParsers.gender(cell) == expected)
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
