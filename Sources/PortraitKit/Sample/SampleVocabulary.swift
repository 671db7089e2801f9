/// The words a sample ledger is made of: people, places, industries, products and phrases.
///
/// Drawn from what the seed articles say real 客户台账 hold (客户来源, 客户等级, 标签, 跟进记录);
/// provinces come with their real cities and landline area codes so that phones and addresses
/// agree. Kept as plain arrays: the generator indexes them millions of times.
enum SampleVocabulary {
    /// A city with its landline area code (without the leading 0 removed: `0571`).
    struct City {
        let name: String
        let short: String
        let areaCode: String
    }

    struct Province {
        let name: String
        /// Index into `macroRegions`.
        let macroRegion: Int
        let cities: [City]
    }

    struct Industry {
        let name: String
        /// Words that end a company name of this industry before the legal suffix.
        let words: [String]
    }

    struct Product {
        let name: String
        let category: String
        /// Typical line amount in yuan before the customer's size factor.
        let basePrice: Double
    }

    static let macroRegions = ["华东", "华南", "华北", "华中", "西部"]

    static let provinces: [Province] = [
        Province(name: "浙江省", macroRegion: 0, cities: [
            City(name: "杭州市", short: "杭州", areaCode: "0571"), City(name: "宁波市", short: "宁波", areaCode: "0574"),
            City(name: "温州市", short: "温州", areaCode: "0577"), City(name: "绍兴市", short: "绍兴", areaCode: "0575"),
            City(name: "嘉兴市", short: "嘉兴", areaCode: "0573"), City(name: "金华市", short: "金华", areaCode: "0579")]),
        Province(name: "江苏省", macroRegion: 0, cities: [
            City(name: "南京市", short: "南京", areaCode: "025"), City(name: "苏州市", short: "苏州", areaCode: "0512"),
            City(name: "无锡市", short: "无锡", areaCode: "0510"), City(name: "常州市", short: "常州", areaCode: "0519"),
            City(name: "南通市", short: "南通", areaCode: "0513"), City(name: "徐州市", short: "徐州", areaCode: "0516")]),
        Province(name: "上海市", macroRegion: 0, cities: [City(name: "上海市", short: "上海", areaCode: "021")]),
        Province(name: "山东省", macroRegion: 0, cities: [
            City(name: "济南市", short: "济南", areaCode: "0531"), City(name: "青岛市", short: "青岛", areaCode: "0532"),
            City(name: "烟台市", short: "烟台", areaCode: "0535"), City(name: "潍坊市", short: "潍坊", areaCode: "0536")]),
        Province(name: "福建省", macroRegion: 0, cities: [
            City(name: "福州市", short: "福州", areaCode: "0591"), City(name: "厦门市", short: "厦门", areaCode: "0592"),
            City(name: "泉州市", short: "泉州", areaCode: "0595")]),
        Province(name: "安徽省", macroRegion: 0, cities: [
            City(name: "合肥市", short: "合肥", areaCode: "0551"), City(name: "芜湖市", short: "芜湖", areaCode: "0553")]),
        Province(name: "江西省", macroRegion: 0, cities: [City(name: "南昌市", short: "南昌", areaCode: "0791")]),
        Province(name: "广东省", macroRegion: 1, cities: [
            City(name: "广州市", short: "广州", areaCode: "020"), City(name: "深圳市", short: "深圳", areaCode: "0755"),
            City(name: "东莞市", short: "东莞", areaCode: "0769"), City(name: "佛山市", short: "佛山", areaCode: "0757"),
            City(name: "珠海市", short: "珠海", areaCode: "0756"), City(name: "中山市", short: "中山", areaCode: "0760")]),
        Province(name: "广西壮族自治区", macroRegion: 1, cities: [
            City(name: "南宁市", short: "南宁", areaCode: "0771"), City(name: "柳州市", short: "柳州", areaCode: "0772")]),
        Province(name: "北京市", macroRegion: 2, cities: [City(name: "北京市", short: "北京", areaCode: "010")]),
        Province(name: "天津市", macroRegion: 2, cities: [City(name: "天津市", short: "天津", areaCode: "022")]),
        Province(name: "河北省", macroRegion: 2, cities: [
            City(name: "石家庄市", short: "石家庄", areaCode: "0311"), City(name: "保定市", short: "保定", areaCode: "0312"),
            City(name: "唐山市", short: "唐山", areaCode: "0315")]),
        Province(name: "辽宁省", macroRegion: 2, cities: [
            City(name: "沈阳市", short: "沈阳", areaCode: "024"), City(name: "大连市", short: "大连", areaCode: "0411")]),
        Province(name: "湖北省", macroRegion: 3, cities: [
            City(name: "武汉市", short: "武汉", areaCode: "027"), City(name: "宜昌市", short: "宜昌", areaCode: "0717"),
            City(name: "襄阳市", short: "襄阳", areaCode: "0710")]),
        Province(name: "湖南省", macroRegion: 3, cities: [
            City(name: "长沙市", short: "长沙", areaCode: "0731"), City(name: "岳阳市", short: "岳阳", areaCode: "0730")]),
        Province(name: "河南省", macroRegion: 3, cities: [
            City(name: "郑州市", short: "郑州", areaCode: "0371"), City(name: "洛阳市", short: "洛阳", areaCode: "0379")]),
        Province(name: "四川省", macroRegion: 4, cities: [
            City(name: "成都市", short: "成都", areaCode: "028"), City(name: "绵阳市", short: "绵阳", areaCode: "0816")]),
        Province(name: "重庆市", macroRegion: 4, cities: [City(name: "重庆市", short: "重庆", areaCode: "023")]),
        Province(name: "陕西省", macroRegion: 4, cities: [City(name: "西安市", short: "西安", areaCode: "029")]),
        Province(name: "云南省", macroRegion: 4, cities: [City(name: "昆明市", short: "昆明", areaCode: "0871")]),
    ]

    /// Relative number of customers per province (coastal provinces weigh more).
    static let provinceWeights: [Double] = [14, 13, 10, 7, 6, 4, 2, 14, 2, 9, 3, 3, 3, 5, 3, 4, 5, 3, 3, 2]

    static let industries: [Industry] = [
        Industry(name: "制造业", words: ["机械", "精密制造", "电子", "五金制品", "智能装备"]),
        Industry(name: "软件和信息技术", words: ["科技", "信息技术", "软件", "网络科技", "数据科技"]),
        Industry(name: "批发零售", words: ["贸易", "商贸", "供应链", "百货"]),
        Industry(name: "建筑工程", words: ["建设工程", "装饰工程", "建材"]),
        Industry(name: "医疗健康", words: ["医疗器械", "生物科技", "健康管理", "医药"]),
        Industry(name: "教育培训", words: ["教育科技", "培训", "文化教育"]),
        Industry(name: "餐饮服务", words: ["餐饮管理", "食品", "酒店管理"]),
        Industry(name: "物流运输", words: ["物流", "国际货运代理", "供应链管理"]),
        Industry(name: "金融服务", words: ["投资管理", "融资租赁", "保险代理"]),
        Industry(name: "房地产", words: ["置业", "物业管理", "房地产开发"]),
        Industry(name: "电子商务", words: ["电子商务", "网络科技"]),
        Industry(name: "化工材料", words: ["化工", "新材料", "塑胶"]),
        Industry(name: "汽车配件", words: ["汽车零部件", "汽配", "汽车服务"]),
        Industry(name: "广告传媒", words: ["文化传媒", "广告", "影视传媒"]),
    ]

    /// Legal suffixes of company names with their weights.
    static let companySuffixes = ["有限公司", "股份有限公司", "有限责任公司", "集团有限公司"]
    static let companySuffixWeights: [Double] = [64, 14, 14, 8]

    /// Characters of brand names with their pinyin (for company e-mail domains).
    static let brandCharacters: [(String, String)] = [
        ("云", "yun"), ("帆", "fan"), ("华", "hua"), ("瑞", "rui"), ("鑫", "xin"), ("盛", "sheng"),
        ("博", "bo"), ("达", "da"), ("恒", "heng"), ("泰", "tai"), ("宏", "hong"), ("远", "yuan"),
        ("创", "chuang"), ("新", "xin"), ("正", "zheng"), ("源", "yuan"), ("天", "tian"), ("宇", "yu"),
        ("嘉", "jia"), ("和", "he"), ("信", "xin"), ("诚", "cheng"), ("安", "an"), ("康", "kang"),
        ("德", "de"), ("润", "run"), ("金", "jin"), ("星", "xing"), ("辰", "chen"), ("海", "hai"),
        ("峰", "feng"), ("明", "ming"), ("卓", "zhuo"), ("越", "yue"), ("联", "lian"), ("汇", "hui"),
        ("通", "tong"), ("锦", "jin"), ("凯", "kai"), ("永", "yong"), ("利", "li"), ("晨", "chen"),
        ("宝", "bao"), ("丰", "feng"), ("睿", "rui"), ("智", "zhi"), ("维", "wei"), ("益", "yi"),
        ("美", "mei"), ("佳", "jia"), ("乐", "le"), ("隆", "long"), ("昌", "chang"), ("兴", "xing"),
        ("荣", "rong"), ("福", "fu"), ("祥", "xiang"), ("启", "qi"), ("航", "hang"), ("蓝", "lan"),
        ("青", "qing"), ("森", "sen"), ("川", "chuan"), ("禾", "he"), ("光", "guang"), ("东", "dong"),
        ("方", "fang"), ("中", "zhong"), ("科", "ke"), ("万", "wan"), ("全", "quan"), ("旭", "xu"),
        ("远", "yuan"), ("沃", "wo"), ("朗", "lang"), ("弘", "hong"), ("坤", "kun"), ("泽", "ze"),
    ]

    static let surnames: [(String, String)] = [
        ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
        ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"),
        ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("高", "gao"),
        ("林", "lin"), ("罗", "luo"), ("郑", "zheng"), ("梁", "liang"), ("谢", "xie"), ("宋", "song"),
        ("唐", "tang"), ("许", "xu"), ("韩", "han"), ("冯", "feng"), ("邓", "deng"), ("曹", "cao"),
        ("彭", "peng"), ("曾", "zeng"), ("肖", "xiao"), ("田", "tian"), ("董", "dong"), ("袁", "yuan"),
        ("潘", "pan"), ("于", "yu"), ("蒋", "jiang"), ("蔡", "cai"), ("余", "yu"), ("杜", "du"),
        ("叶", "ye"), ("程", "cheng"), ("苏", "su"), ("魏", "wei"), ("吕", "lv"), ("丁", "ding"),
        ("任", "ren"), ("沈", "shen"), ("姚", "yao"), ("卢", "lu"), ("姜", "jiang"), ("崔", "cui"),
        ("钟", "zhong"), ("谭", "tan"), ("陆", "lu"), ("汪", "wang"), ("范", "fan"), ("金", "jin"),
        ("石", "shi"), ("廖", "liao"), ("贾", "jia"), ("夏", "xia"), ("韦", "wei"), ("付", "fu"),
        ("方", "fang"), ("白", "bai"), ("邹", "zou"), ("孟", "meng"), ("熊", "xiong"), ("秦", "qin"),
        ("邱", "qiu"), ("江", "jiang"), ("尹", "yin"), ("薛", "xue"), ("段", "duan"), ("雷", "lei"),
        ("侯", "hou"), ("龙", "long"), ("史", "shi"), ("陶", "tao"), ("黎", "li"), ("贺", "he"),
        ("顾", "gu"), ("毛", "mao"), ("郝", "hao"), ("龚", "gong"), ("邵", "shao"), ("钱", "qian"),
        ("严", "yan"), ("武", "wu"), ("戴", "dai"), ("莫", "mo"), ("孔", "kong"), ("汤", "tang"),
        ("欧阳", "ouyang"), ("司马", "sima"), ("诸葛", "zhuge"),
    ]

    static let maleGiven: [(String, String)] = [
        ("伟", "wei"), ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("勇", "yong"), ("杰", "jie"),
        ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("刚", "gang"), ("平", "ping"), ("辉", "hui"),
        ("鹏", "peng"), ("华", "hua"), ("飞", "fei"), ("鑫", "xin"), ("波", "bo"), ("斌", "bin"),
        ("宇", "yu"), ("浩", "hao"), ("凯", "kai"), ("健", "jian"), ("俊", "jun"), ("帆", "fan"),
        ("旭", "xu"), ("宁", "ning"), ("龙", "long"), ("林", "lin"), ("峰", "feng"), ("建", "jian"),
        ("国", "guo"), ("志", "zhi"), ("文", "wen"), ("海", "hai"), ("东", "dong"), ("晨", "chen"),
        ("博", "bo"), ("子", "zi"), ("轩", "xuan"), ("振", "zhen"), ("毅", "yi"), ("昊", "hao"),
    ]

    static let femaleGiven: [(String, String)] = [
        ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("艳", "yan"),
        ("娟", "juan"), ("霞", "xia"), ("秀", "xiu"), ("玲", "ling"), ("燕", "yan"), ("萍", "ping"),
        ("红", "hong"), ("婷", "ting"), ("雪", "xue"), ("琳", "lin"), ("晶", "jing"), ("慧", "hui"),
        ("颖", "ying"), ("倩", "qian"), ("欣", "xin"), ("悦", "yue"), ("佳", "jia"), ("梅", "mei"),
        ("莉", "li"), ("洁", "jie"), ("璐", "lu"), ("雨", "yu"), ("涵", "han"), ("怡", "yi"),
        ("琪", "qi"), ("萱", "xuan"), ("月", "yue"), ("兰", "lan"), ("春", "chun"), ("思", "si"),
        ("梦", "meng"), ("瑶", "yao"), ("婉", "wan"), ("蕾", "lei"),
    ]

    static let sources = ["官网", "展会", "转介绍", "电话营销", "百度推广", "老客户推荐", "微信公众号", "抖音", "招投标", "地推"]
    static let sourceWeights: [Double] = [18, 12, 10, 12, 10, 12, 8, 6, 5, 7]

    static let tags = ["重点客户", "价格敏感", "长期合作", "决策链长", "需定期回访", "大客户", "高潜力",
                       "已签框架协议", "关注售后", "年底集中采购", "政府背景", "上市公司"]

    static let grades = ["VIP", "A", "B", "C"]

    static let personalEmailDomains = ["163.com", "qq.com", "126.com", "sina.com", "foxmail.com", "139.com"]
    static let companyEmailLocals = ["info", "sales", "contact", "service", "purchase", "admin"]
    static let companyDomainEndings = [".com", ".com.cn", ".cn", ".net"]

    static let roads = ["中山路", "人民路", "解放路", "建设路", "和平路", "新华路", "长江路", "科技园路",
                        "创业大道", "滨江大道", "文化路", "学府路", "工业园路", "世纪大道", "南京路", "湖滨路"]
    static let buildings = ["", "", "", "A座", "B座", "科技大厦", "国际中心", "创业园"]

    static let products: [Product] = [
        Product(name: "ERP标准版", category: "软件许可", basePrice: 38_000),
        Product(name: "ERP专业版", category: "软件许可", basePrice: 96_000),
        Product(name: "CRM云服务(年)", category: "云服务", basePrice: 12_800),
        Product(name: "财务云(年)", category: "云服务", basePrice: 6_800),
        Product(name: "服务器 R740", category: "硬件设备", basePrice: 52_000),
        Product(name: "交换机 S5720", category: "硬件设备", basePrice: 9_800),
        Product(name: "商用笔记本", category: "硬件设备", basePrice: 6_500),
        Product(name: "激光打印机", category: "办公设备", basePrice: 3_200),
        Product(name: "打印耗材套装", category: "耗材", basePrice: 860),
        Product(name: "硒鼓", category: "耗材", basePrice: 420),
        Product(name: "A4复印纸(箱)", category: "耗材", basePrice: 150),
        Product(name: "实施服务", category: "专业服务", basePrice: 25_000),
        Product(name: "年度维保服务", category: "维保服务", basePrice: 15_000),
        Product(name: "数据分析培训", category: "培训服务", basePrice: 4_800),
        Product(name: "管理咨询", category: "专业服务", basePrice: 60_000),
        Product(name: "安全网关", category: "硬件设备", basePrice: 18_000),
    ]

    static let teamNames = ["销售一部", "销售二部", "销售三部", "大客户部", "渠道部", "行业拓展部"]
    static let directors = ["周建国", "林慧敏", "赵志强"]

    /// Free-text fragments of interaction summaries by kind (index of `InteractionKind.allCases`).
    static let summaries: [[String]] = [
        ["电话回访，客户对新版本感兴趣", "约下周上门演示", "已发送报价单，等待客户内部审批", "客户要求补充案例材料",
         "确认采购负责人已更换，重新建立联系", "客户预算下季度才批", "年度合同续签事宜沟通"],
        ["咨询产品价格及交付周期", "询问是否支持私有化部署", "咨询发票开具流程", "了解批量采购折扣",
         "咨询与现有系统的接口对接"],
        ["客户投诉交付延期", "投诉售后响应慢", "反映产品质量问题，要求退换", "对账单金额有异议",
         "投诉安装人员态度不好"],
        ["远程协助完成系统升级", "上门更换故障配件", "协助导入历史数据", "完成年度巡检", "培训新员工使用系统"],
        ["客户反馈使用体验良好", "反馈报表导出速度慢", "建议增加移动端功能", "反馈操作界面不够直观"],
        ["完成季度满意度调查", "参与新品需求调研", "填写服务评价问卷"],
        ["节日问候", "寄送新年礼品", "邀请参加客户答谢会", "更新客户联系人信息"],
    ]

    /// Rare summaries that need CSV quoting (comma, quote, newline): real notes pasted from chats.
    static let quotedSummaries = [
        "客户原话:\"发票抬头有误\",已重新开具",
        "1. 确认需求清单\n2. 下周二前发送方案",
        "联系人:王经理,电话沟通约20分钟",
        "客户说\"价格再降5%就签\"\n已上报主管审批",
    ]

    /// `summaries` as UTF-8, so the ten million interaction rows of a large sample copy bytes.
    static let summaryBytes: [[[UInt8]]] = summaries.map { $0.map { Array($0.utf8) } }
}
