package io.liaison.demo;

import java.util.SplittableRandom;

/** Companies, titles, addresses, remarks and follow-up notes, in the mix a Chinese sales team sees. */
final class Details {

    static final String[] CITIES = {
        "北京", "上海", "广州", "深圳", "杭州", "南京", "苏州", "成都", "武汉", "西安", "天津", "重庆", "长沙", "宁波", "厦门", "青岛"
    };
    private static final String[] DISTRICTS = {"朝阳区", "浦东新区", "天河区", "南山区", "西湖区", "鼓楼区", "高新区", "滨江区", "江北区"};
    private static final String[] ROADS = {"人民路", "中山路", "解放路", "建设路", "长江路", "科技园路", "世纪大道", "和平路", "新华路"};
    private static final String[] BRANDS = {
        "华信", "恒通", "鼎盛", "金达", "宏远", "瑞丰", "中联", "天成", "新锐", "博雅", "汇丰", "永泰", "东方", "星辰", "安泰", "盛世", "嘉禾", "远航",
        "启明", "万通", "聚源", "锦程", "佳美", "益康"
    };
    static final String[] INDUSTRIES = {"贸易", "科技", "软件", "电子", "制造", "物流", "医疗器械", "食品", "建材", "咨询", "教育", "文化传媒"};
    private static final String[] SUFFIXES = {"有限公司", "有限公司", "有限公司", "股份有限公司", "集团有限公司"};
    private static final String[] ENGLISH_COMPANIES = {
        "Acme Trading Ltd.",
        "Globex Corporation",
        "Initech Asia Pacific",
        "Northwind Traders",
        "Contoso Ltd.",
        "Blue Harbor Logistics",
        "Summit Medical Devices",
        "Pacific Rim Electronics",
        "Evergreen Foods Co.",
        "Silverline Consulting"
    };
    private static final String[] TITLES = {
        "总经理",
        "副总经理",
        "销售经理",
        "采购经理",
        "采购专员",
        "财务总监",
        "技术总监",
        "项目经理",
        "市场经理",
        "行政主管",
        "人事经理",
        "运营总监",
        "产品经理",
        "工程师",
        "董事长",
        "CEO",
        "CTO",
        "Sales Manager",
        "Purchasing Manager"
    };
    private static final String[] REMARKS = {
        "对价格比较敏感，需要重点跟进", "年底有采购计划", "老客户介绍", "展会上认识的", "决策人，可直接沟通", "希望先试用再决定",
        "已发送报价单", "关注售后服务", "预算充足", "需要定制方案", "周末不方便联系", "偏好微信沟通"
    };
    private static final String[] NOTES = {
        "电话沟通了新产品报价，客户表示会内部讨论",
        "上门拜访，介绍了公司解决方案",
        "发送了产品资料和案例",
        "客户反馈试用效果不错",
        "约好下周再次沟通",
        "讨论了合同细节",
        "客户提出了价格异议",
        "参加了客户的年会",
        "微信回复了客户的技术问题",
        "签订了框架协议"
    };
    static final String[] FOLLOW_UP_TYPES = {"call", "call", "message", "visit", "meeting", "email", "note"};

    private Details() {}

    static String company(SplittableRandom random) {
        if (random.nextInt(100) < 8) {
            return pick(random, ENGLISH_COMPANIES);
        }
        return pick(random, CITIES) + pick(random, BRANDS) + pick(random, INDUSTRIES) + pick(random, SUFFIXES);
    }

    static String title(SplittableRandom random) {
        return pick(random, TITLES);
    }

    static String address(SplittableRandom random) {
        return pick(random, CITIES) + "市" + pick(random, DISTRICTS) + pick(random, ROADS) + (1 + random.nextInt(999))
                + "号";
    }

    static String remark(SplittableRandom random) {
        return pick(random, REMARKS);
    }

    static String note(SplittableRandom random) {
        return pick(random, NOTES);
    }

    static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
