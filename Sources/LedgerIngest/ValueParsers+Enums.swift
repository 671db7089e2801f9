import LedgerModel

extension ValueParsers {
    /// `completed`, `refunded` or `cancelled` in English or Chinese, or nil (`bad_value`).
    ///
    /// Only the spec's words (and `canceled`); a shop's `已发货` is mapped with `values:`.
    package static func orderStatus(_ cell: String) -> OrderStatus? {
        exact(cell, orderStatusWordsExact) ?? orderStatusWords[matchKey(cell)]
    }

    /// An interaction channel in English or Chinese (`E-mail`, `We Chat`, `电话`), or nil.
    package static func channel(_ cell: String) -> Channel? {
        exact(cell, channelWordsExact) ?? channelWords[matchKey(cell)]
    }

    /// An interaction kind in English or Chinese (`follow-up`, `跟进`), or nil.
    package static func interactionKind(_ cell: String) -> InteractionKind? {
        exact(cell, kindWordsExact) ?? kindWords[matchKey(cell)]
    }

    /// An opportunity stage, including Salesforce/Zoho/HubSpot/纷享销客 stage names, or nil.
    ///
    /// `Prospecting` is lead, `Qualification` and `engaging` qualified, `Proposal/Price Quote`
    /// proposal, `Negotiation/Review` negotiation, `Closed Won`/`closedwon` won, `Closed Lost` lost.
    package static func stage(_ cell: String) -> OpportunityStage? {
        exact(cell, stageWordsExact) ?? stageWords[matchKey(cell)]
    }

    /// `company` or `individual` (企业/公司/个人, business/person), or nil.
    package static func customerType(_ cell: String) -> CustomerType? {
        exact(cell, customerTypeWordsExact) ?? customerTypeWords[matchKey(cell)]
    }

    /// `male` or `female` (男/女, m/f), or nil.
    package static func gender(_ cell: String) -> Gender? {
        exact(cell, genderWordsExact) ?? genderWords[matchKey(cell)]
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

    /// The value of a cell written exactly as one of the listed words (the common case), found
    /// by comparing bytes: no folding and no string hashing, which for Chinese text means a
    /// normalisation pass per lookup.
    static func exact<Value>(_ cell: String, _ words: [([UInt8], Value)]) -> Value? {
        var cell = cell
        return cell.withUTF8 { bytes in
            for (word, value) in words where word.count == bytes.count && word.elementsEqual(bytes) {
                return value
            }
            return nil
        }
    }

    /// The listed words as bytes, for `exact`.
    static func exactTable<Value>(_ entries: [(Value, [String])]) -> [([UInt8], Value)] {
        entries.flatMap { value, words in words.map { (Array($0.utf8), value) } }
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

    // The words of input-format.md and precise-rules.md, and no others: two implementations of
    // the spec must read the same ledger the same way. Other words are mapped per ledger with
    // the config's `values:` (config.md), e.g. `status: {已发货: completed}`.

    static let orderStatusEntries: [(OrderStatus, [String])] = [
        (.completed, ["completed", "已完成"]),
        (.refunded, ["refunded", "已退款"]),
        (.cancelled, ["cancelled", "canceled", "已取消"]),
    ]
    static let orderStatusWords: [String: OrderStatus] = wordTable(orderStatusEntries)
    static let orderStatusWordsExact = exactTable(orderStatusEntries)
    static let orderStatusWordIndex = WordIndex(orderStatusWordsExact)

    static let channelEntries: [(Channel, [String])] = [
        (.phone, ["phone", "电话"]),
        (.email, ["email", "邮件"]),
        (.meeting, ["meeting", "会议"]),
        (.visit, ["visit", "拜访"]),
        (.wechat, ["wechat", "微信"]),
        (.social, ["social", "社交媒体"]),
        (.web, ["web", "网站"]),
        (.other, ["other", "其他"]),
    ]
    static let channelWords: [String: Channel] = wordTable(channelEntries)
    static let channelWordsExact = exactTable(channelEntries)
    static let channelWordIndex = WordIndex(channelWordsExact)

    static let kindEntries: [(InteractionKind, [String])] = [
        (.followUp, ["follow_up", "跟进"]),
        (.consultation, ["consultation", "咨询"]),
        (.complaint, ["complaint", "投诉"]),
        (.service, ["service", "服务"]),
        (.feedback, ["feedback", "反馈"]),
        (.survey, ["survey", "调查"]),
        (.other, ["other", "其他"]),
    ]
    static let kindWords: [String: InteractionKind] = wordTable(kindEntries)
    static let kindWordsExact = exactTable(kindEntries)
    static let kindWordIndex = WordIndex(kindWordsExact)

    static let stageEntries: [(OpportunityStage, [String])] = [
        (.lead, ["lead", "prospecting", "线索"]),
        (.qualified, ["qualified", "engaging", "需求确认"]),
        (.proposal, ["proposal", "方案报价"]),
        (.negotiation, ["negotiation", "谈判"]),
        (.won, ["won", "closed won", "赢单"]),
        (.lost, ["lost", "closed lost", "输单"]),
    ]
    static let stageWords: [String: OpportunityStage] = wordTable(stageEntries)
    static let stageWordsExact = exactTable(stageEntries)
    static let stageWordIndex = WordIndex(stageWordsExact)

    static let customerTypeEntries: [(CustomerType, [String])] = [
        (.company, ["company", "企业"]),
        (.individual, ["individual", "个人"]),
    ]
    static let customerTypeWords: [String: CustomerType] = wordTable(customerTypeEntries)
    static let customerTypeWordsExact = exactTable(customerTypeEntries)
    static let customerTypeWordIndex = WordIndex(customerTypeWordsExact)

    static let genderEntries: [(Gender, [String])] = [
        (.male, ["male", "男"]),
        (.female, ["female", "女"]),
    ]
    static let genderWords: [String: Gender] = wordTable(genderEntries)
    static let genderWordsExact = exactTable(genderEntries)
    static let genderWordIndex = WordIndex(genderWordsExact)
}
