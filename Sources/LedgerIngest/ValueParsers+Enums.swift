import LedgerModel

extension ValueParsers {
    /// `completed`, `refunded` or `cancelled` in English or Chinese, or nil (`bad_value`).
    ///
    /// Accepts the usual CRM and shop-export words: `done`, `paid`, `已付款`, `交易成功`,
    /// `refund`, `已退货`, `canceled`, `作废`, …; see `orderStatusWords`.
    package static func orderStatus(_ cell: String) -> OrderStatus? {
        orderStatusWords[matchKey(cell)]
    }

    /// An interaction channel in English or Chinese (`E-mail`, `We Chat`, `电话`), or nil.
    package static func channel(_ cell: String) -> Channel? {
        channelWords[matchKey(cell)]
    }

    /// An interaction kind in English or Chinese (`follow-up`, `跟进`, `客诉`), or nil.
    package static func interactionKind(_ cell: String) -> InteractionKind? {
        kindWords[matchKey(cell)]
    }

    /// An opportunity stage, including Salesforce/Zoho/HubSpot/纷享销客 stage names, or nil.
    ///
    /// `Prospecting` is lead, `Qualification` and `engaging` qualified, `Proposal/Price Quote`
    /// proposal, `Negotiation/Review` negotiation, `Closed Won`/`closedwon` won, `Closed Lost` lost.
    package static func stage(_ cell: String) -> OpportunityStage? {
        stageWords[matchKey(cell)]
    }

    /// `company` or `individual` (企业/公司/个人, business/person), or nil.
    package static func customerType(_ cell: String) -> CustomerType? {
        customerTypeWords[matchKey(cell)]
    }

    /// `male` or `female` (男/女, m/f), or nil.
    package static func gender(_ cell: String) -> Gender? {
        genderWords[matchKey(cell)]
    }

    /// The form an enum cell or a header is matched in: NFKC, trimmed, ASCII letters lower-cased,
    /// and `_`, `-` and whitespace removed, so `Closed Won`, `closed_won` and `ＣｌｏｓｅｄＷｏｎ`
    /// meet as `closedwon`.
    ///
    /// Non-ASCII letters are lower-cased by Unicode rules (rare in enum cells; Chinese has no case).
    static func matchKey(_ cell: String) -> String {
        withFoldedBytes(cell) { bytes -> String in
            var hasNonASCII = false
            let key = String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "_"), UInt8(ascii: "-"), 0x20, 0x09...0x0D:
                        continue
                    default:
                        if byte >= 0x80 { hasNonASCII = true }
                        out[n] = lower(byte)
                        n += 1
                    }
                }
                return n
            }
            return hasNonASCII ? key.lowercased() : key
        }
    }

    /// Builds a lookup table whose keys are `matchKey` of each listed word.
    static func wordTable<Value>(_ entries: [(Value, [String])]) -> [String: Value] {
        var table: [String: Value] = [:]
        for (value, words) in entries {
            for word in words {
                let key = matchKey(word)
                if table[key] == nil { table[key] = value }
            }
        }
        return table
    }

    static let orderStatusWords: [String: OrderStatus] = wordTable([
        (.completed, ["completed", "complete", "done", "paid", "success", "successful",
                      "fulfilled", "shipped", "delivered",
                      "已完成", "完成", "已付款", "已支付", "付款成功", "支付成功", "交易成功", "成功",
                      "已成交", "成交", "交易完成", "已发货", "已签收", "已收货", "正常"]),
        (.refunded, ["refunded", "refund", "returned", "return",
                     "已退款", "退款", "退款成功", "已退货", "退货", "退货退款"]),
        (.cancelled, ["cancelled", "canceled", "cancel", "void", "voided",
                      "已取消", "取消", "已作废", "作废", "交易关闭", "交易取消"]),
    ])

    static let channelWords: [String: Channel] = wordTable([
        (.phone, ["phone", "telephone", "tel", "call", "phone call", "calls", "mobile",
                  "电话", "电话沟通", "电话联系", "打电话", "来电", "去电", "致电", "手机"]),
        (.email, ["email", "e-mail", "mail", "emails", "邮件", "电子邮件", "邮箱", "发邮件"]),
        (.meeting, ["meeting", "meetings", "meet", "conference", "video call", "online meeting",
                    "会议", "视频会议", "线上会议", "电话会议", "会面", "面谈"]),
        (.visit, ["visit", "site visit", "onsite visit", "on-site visit", "field visit", "in person",
                  "拜访", "上门拜访", "上门", "走访", "实地拜访", "客户拜访", "面访"]),
        (.wechat, ["wechat", "we chat", "weixin", "wecom", "微信", "企业微信", "微信沟通"]),
        (.social, ["social", "social media", "socialmedia", "weibo", "linkedin",
                   "社交媒体", "社交", "社媒", "微博"]),
        (.web, ["web", "website", "online", "web form", "webform", "internet",
                "网站", "官网", "网页", "在线", "网络", "线上"]),
        (.other, ["other", "others", "其他", "其它"]),
    ])

    static let kindWords: [String: InteractionKind] = wordTable([
        (.followUp, ["follow_up", "follow up", "followup", "follow", "跟进", "回访", "跟进回访", "例行跟进"]),
        (.consultation, ["consultation", "consult", "inquiry", "enquiry", "question",
                         "咨询", "询问", "询价", "业务咨询"]),
        (.complaint, ["complaint", "complaints", "complain", "投诉", "客诉", "客户投诉"]),
        (.service, ["service", "service request", "support", "after-sales", "after sales",
                    "服务", "售后", "售后服务", "服务请求", "技术支持", "维修"]),
        (.feedback, ["feedback", "suggestion", "反馈", "意见反馈", "建议", "意见"]),
        (.survey, ["survey", "questionnaire", "调查", "问卷", "问卷调查", "满意度调查", "调研", "回访调查"]),
        (.other, ["other", "others", "其他", "其它"]),
    ])

    static let stageWords: [String: OpportunityStage] = wordTable([
        (.lead, ["lead", "leads", "prospecting", "prospect", "new", "appointment scheduled",
                 "线索", "初步接洽", "初步沟通", "验证客户", "潜在"]),
        (.qualified, ["qualified", "qualification", "engaging", "engaged", "qualified to buy",
                      "needs analysis", "value proposition", "id. decision makers",
                      "identify decision makers", "perception analysis", "presentation scheduled",
                      "decision maker bought-in", "decision maker bought in",
                      "需求确认", "需求确定", "需求分析", "确认需求"]),
        (.proposal, ["proposal", "proposal/price quote", "price quote", "quote", "quotation",
                     "proposal sent", "方案报价", "方案/报价", "方案", "报价", "提交方案"]),
        (.negotiation, ["negotiation", "negotiation/review", "review", "negotiating",
                        "contract sent", "谈判", "商务谈判", "谈判审核", "合同谈判", "谈判/审核"]),
        (.won, ["won", "closed won", "closedwon", "win", "赢单", "成交", "已成交", "赢单/成交"]),
        (.lost, ["lost", "closed lost", "closedlost", "closed lost to competition", "lose", "loss",
                 "输单", "丢单", "已输单", "失败", "丢失"]),
    ])

    static let customerTypeWords: [String: CustomerType] = wordTable([
        (.company, ["company", "business", "enterprise", "corporate", "corporation",
                    "organization", "organisation", "org", "b2b",
                    "企业", "公司", "企业客户", "公司客户", "单位", "机构", "法人"]),
        (.individual, ["individual", "person", "personal", "consumer", "private", "b2c",
                       "个人", "个人客户", "自然人", "个体"]),
    ])

    static let genderWords: [String: Gender] = wordTable([
        (.male, ["male", "m", "man", "men", "男", "男性", "先生"]),
        (.female, ["female", "f", "woman", "women", "女", "女性", "女士"]),
    ])
}
