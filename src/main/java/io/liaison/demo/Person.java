package io.liaison.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A made-up person: a Chinese name with a real surname distribution, or now and then an English one. */
record Person(String name, String romanized, String gender) {

    /** Surname, reading, share in per cent (China's 2020 census, rounded); rare ones at the end. */
    private static final String SURNAMES = """
            王 wang 7.1|李 li 7.0|张 zhang 6.8|刘 liu 5.4|陈 chen 4.6|杨 yang 3.1|赵 zhao 2.3|黄 huang 2.3|
            周 zhou 2.1|吴 wu 2.0|徐 xu 1.7|孙 sun 1.5|胡 hu 1.3|朱 zhu 1.3|高 gao 1.2|林 lin 1.2|何 he 1.2|
            郭 guo 1.2|马 ma 1.1|罗 luo 0.9|梁 liang 0.9|宋 song 0.8|郑 zheng 0.8|谢 xie 0.8|韩 han 0.7|
            唐 tang 0.7|冯 feng 0.7|于 yu 0.6|董 dong 0.6|萧 xiao 0.6|程 cheng 0.5|曹 cao 0.5|袁 yuan 0.5|
            邓 deng 0.5|许 xu 0.5|傅 fu 0.5|沈 shen 0.5|曾 zeng 0.5|彭 peng 0.5|吕 lv 0.4|苏 su 0.4|卢 lu 0.4|
            蒋 jiang 0.4|蔡 cai 0.4|贾 jia 0.3|丁 ding 0.3|魏 wei 0.3|薛 xue 0.3|叶 ye 0.3|阎 yan 0.3|余 yu 0.3|
            潘 pan 0.3|杜 du 0.3|戴 dai 0.3|夏 xia 0.3|钟 zhong 0.3|汪 wang 0.3|田 tian 0.3|任 ren 0.3|
            姜 jiang 0.3|范 fan 0.3|方 fang 0.3|石 shi 0.2|姚 yao 0.2|谭 tan 0.2|廖 liao 0.2|邹 zou 0.2|
            熊 xiong 0.2|金 jin 0.2|陆 lu 0.2|郝 hao 0.2|孔 kong 0.2|白 bai 0.2|崔 cui 0.2|康 kang 0.2|
            毛 mao 0.2|邱 qiu 0.2|秦 qin 0.2|江 jiang 0.2|史 shi 0.2|顾 gu 0.2|侯 hou 0.2|邵 shao 0.2|
            孟 meng 0.2|龙 long 0.2|万 wan 0.2|段 duan 0.2|雷 lei 0.2|钱 qian 0.2|汤 tang 0.2|尹 yin 0.2|
            黎 li 0.2|易 yi 0.2|常 chang 0.2|武 wu 0.2|乔 qiao 0.2|贺 he 0.2|赖 lai 0.2|龚 gong 0.2|文 wen 0.2|
            单 shan 0.05|区 ou 0.02|解 xie 0.05|仇 qiu 0.02|查 zha 0.03|朴 piao 0.02|盖 ge 0.02|
            欧阳 ouyang 0.04|司马 sima 0.01|上官 shangguan 0.01|诸葛 zhuge 0.01|东方 dongfang 0.01|
            皇甫 huangfu 0.01|令狐 linghu 0.01|慕容 murong 0.005""";

    /** Characters of given names with their reading; m, f or n for who gets them more often. */
    private static final String GIVEN = """
            伟 wei m|强 qiang m|磊 lei m|军 jun m|洋 yang m|勇 yong m|杰 jie m|涛 tao m|明 ming m|超 chao m|
            刚 gang m|平 ping n|辉 hui m|鹏 peng m|华 hua n|飞 fei m|鑫 xin m|波 bo m|斌 bin m|宇 yu m|浩 hao m|
            凯 kai m|健 jian m|俊 jun m|帆 fan m|帅 shuai m|旭 xu m|宁 ning n|龙 long m|林 lin n|欢 huan n|
            阳 yang m|建 jian m|国 guo m|峰 feng m|文 wen n|志 zhi m|晨 chen n|博 bo m|子 zi n|轩 xuan m|
            天 tian m|一 yi n|嘉 jia n|思 si n|俊 jun m|泽 ze m|睿 rui m|朗 lang m|东 dong m|
            芳 fang f|娜 na f|敏 min f|静 jing f|丽 li f|艳 yan f|娟 juan f|霞 xia f|秀 xiu f|玲 ling f|
            婷 ting f|雪 xue f|慧 hui f|莉 li f|倩 qian f|琳 lin f|颖 ying f|晶 jing f|燕 yan f|红 hong f|
            佳 jia f|梅 mei f|丹 dan f|萍 ping f|璐 lu f|怡 yi f|欣 xin f|悦 yue f|雨 yu f|涵 han f|
            诗 shi f|梦 meng f|琪 qi f|瑶 yao f|萱 xuan f|妍 yan f|雅 ya f|蕾 lei f|薇 wei f|月 yue f|
            晓 xiao n|小 xiao n|春 chun n|海 hai m|秋 qiu n|新 xin n|玉 yu f|永 yong m|金 jin n|云 yun n""";

    private static final String[] ENGLISH_FIRST = {
        "James", "John", "Robert", "Michael", "David", "William", "Richard", "Thomas", "Daniel", "Kevin",
        "Mary", "Linda", "Sarah", "Emily", "Jessica", "Emma", "Olivia", "Sophia", "Anna", "Grace"
    };
    private static final String[] ENGLISH_LAST = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor", "Clark",
        "Lee", "Walker", "Hall", "Young", "King", "Wright", "Green", "Baker", "Adams", "Müller"
    };

    private record Reading(String text, String romanized, String gender) {}

    private static final Weighted<Reading> SURNAME = surnames();
    private static final List<Reading> MALE = given("m");
    private static final List<Reading> FEMALE = given("f");

    static Person next(SplittableRandom random) {
        if (random.nextInt(100) < 5) {
            String first = ENGLISH_FIRST[random.nextInt(ENGLISH_FIRST.length)];
            String last = ENGLISH_LAST[random.nextInt(ENGLISH_LAST.length)];
            String gender = List.of(ENGLISH_FIRST).indexOf(first) < 10 ? "male" : "female";
            return new Person(first + " " + last, (first + "." + last).replace("ü", "ue"), gender);
        }
        Reading surname = SURNAME.pick(random);
        boolean male = random.nextBoolean();
        List<Reading> pool = male ? MALE : FEMALE;
        Reading first = pool.get(random.nextInt(pool.size()));
        int length = random.nextInt(100) < 30 ? 1 : 2;
        String name = surname.text() + first.text();
        String given = first.romanized();
        if (length == 2) {
            Reading second = pool.get(random.nextInt(pool.size()));
            name += second.text();
            given += second.romanized();
        }
        return new Person(name, surname.romanized() + "." + given, male ? "male" : "female");
    }

    private static Weighted<Reading> surnames() {
        List<Reading> values = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String entry : SURNAMES.replace("\n", "").split("\\|")) {
            String[] parts = entry.trim().split(" ");
            values.add(new Reading(parts[0], parts[1], "n"));
            weights.add(Double.parseDouble(parts[2]));
        }
        return new Weighted<>(
                values, weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static List<Reading> given(String gender) {
        List<Reading> readings = new ArrayList<>();
        for (String entry : GIVEN.replace("\n", "").split("\\|")) {
            String[] parts = entry.trim().split(" ");
            if (parts[2].equals(gender) || parts[2].equals("n")) {
                readings.add(new Reading(parts[0], parts[1], parts[2]));
            }
        }
        return List.copyOf(readings);
    }
}
