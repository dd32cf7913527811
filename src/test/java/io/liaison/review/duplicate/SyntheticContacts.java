package io.liaison.review.duplicate;

import io.liaison.contact.ChineseNames;
import io.liaison.shared.Ids;
import io.liaison.shared.PhoneNumbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A labelled set of contacts: people, each written down once or several times, with the truth of
 * which records are one person and which of those pairs an exact key (a number, an address) joins.
 * Exact copies write the number in other formats and the address in other case; likely copies have a
 * typo in the name or a name that sounds the same (张伟 and 章伟) at the same company or e-mail domain;
 * namesakes at different companies are different people; the rest is unrelated noise. Numbers are
 * stored as the contact module stores them ({@link PhoneNumbers#normalize}).
 */
final class SyntheticContacts {

    static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡"
    };
    static final String GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志坚宏峰"
            + "晨宇轩浩然博文子涵欣怡梓萱思远俊熙雨泽一诺佳琪嘉豪铭睿哲瀚天佑安琪梦瑶可馨晓东海波春雷云飞丹丹"
            + "振兴立新永胜德明光荣学良家豪世杰俊杰凯瑞宁静秋实冬梅雪松青山";
    /** Characters and a character that reads the same, for the typos a pinyin keyboard makes. */
    static final String[][] HOMOPHONES = {
        {"张", "章"}, {"王", "汪"}, {"李", "黎"}, {"吴", "武"}, {"徐", "许"}, {"林", "琳"}, {"杨", "阳"}, {"黄", "皇"},
        {"伟", "玮"}, {"丽", "莉"}, {"静", "婧"}, {"明", "鸣"}, {"华", "桦"}, {"军", "君"}, {"芳", "方"}, {"娜", "纳"}
    };

    static final String[] FIRST = {
        "James",
        "John",
        "Robert",
        "Michael",
        "William",
        "David",
        "Richard",
        "Joseph",
        "Thomas",
        "Charles",
        "Mary",
        "Patricia",
        "Jennifer",
        "Linda",
        "Elizabeth",
        "Barbara",
        "Susan",
        "Jessica",
        "Sarah",
        "Karen",
        "Daniel",
        "Matthew",
        "Anthony",
        "Mark",
        "Donald",
        "Steven",
        "Andrew",
        "Kenneth",
        "Nancy",
        "Lisa",
        "Margaret",
        "Sandra"
    };
    static final String[] LAST = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson"
    };
    static final String[] PLACES = {"北京", "上海", "深圳", "杭州", "广州", "成都", "南京", "苏州", "武汉", "西安"};
    static final String[] TRADES = {"科技", "贸易", "物流", "电子", "医药", "食品", "建材", "传媒", "咨询", "机械"};
    static final String[] PUBLIC = {"qq.com", "163.com", "126.com", "gmail.com", "outlook.com", "sina.com"};

    /** One record of a person. */
    record Record(
            UUID id,
            int person,
            String name,
            @Nullable String mobile,
            @Nullable String phone,
            @Nullable String company,
            List<String> emails) {}

    /** Which kind of pair the truth calls a pair. */
    enum Truth {
        EXACT,
        LIKELY
    }

    final List<Record> records = new ArrayList<>();
    final Map<Set<UUID>, Truth> truth = new HashMap<>();
    private final Random random;
    private final Set<String> usedMobiles = new HashSet<>();
    private final List<String[]> companies = new ArrayList<>();
    private int people;

    SyntheticContacts(long seed, int companyCount) {
        this.random = new Random(seed);
        for (int i = 0; i < companyCount; i++) {
            String place = PLACES[i % PLACES.length];
            String name = place
                    + pick(new String[] {"华", "盛", "远", "达", "信", "联", "创", "恒", "泰", "新"})
                    + pick(new String[] {"宇", "通", "邦", "睿", "和", "安", "锦", "瑞", "弘", "拓"})
                    + TRADES[i % TRADES.length];
            companies.add(new String[] {name, "c" + i + "-" + Integer.toHexString(random.nextInt(1 << 16)) + ".cn"});
        }
    }

    /** An unrelated person with one record. */
    void noise() {
        int person = people++;
        String[] company = company();
        String name = random.nextInt(7) == 0 ? latinName() : chineseName(random.nextBoolean() ? 1 : 2);
        add(person, name, mobile(), null, random.nextInt(4) == 0 ? null : company[0], emails(name, company));
    }

    /** A person written twice or three times with the same number or address, formatted differently. */
    void exact(int copies) {
        int person = people++;
        String[] company = company();
        String name = chineseName(random.nextBoolean() ? 1 : 2);
        String mobile = mobile();
        String email = login(name) + random.nextInt(1000) + "@" + (random.nextBoolean() ? company[1] : pick(PUBLIC));
        boolean byEmail = random.nextInt(3) == 0;
        List<UUID> ids = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            String written = copy == 0 ? name : random.nextBoolean() ? name : latinName();
            String number = formatted(mobile, copy);
            if (byEmail) {
                String address = copy % 2 == 0 ? email : email.toUpperCase(java.util.Locale.ROOT);
                ids.add(add(person, written, mobile(), null, copy == 0 ? company[0] : null, List.of(address)));
            } else if (copy == 1 && random.nextBoolean()) {
                ids.add(add(person, written, null, number, null, List.of()));
            } else {
                ids.add(add(person, written, number, null, copy == 0 ? company[0] : null, List.of()));
            }
        }
        pairs(ids, Truth.EXACT);
    }

    /** A person written twice: the second time with a typo or a homophone, at the same company or domain. */
    void likely() {
        int person = people++;
        String[] company = company();
        int kind = random.nextInt(4);
        String name;
        String other;
        if (kind == 0) {
            name = chineseName(2);
            other = typo(name);
        } else if (kind == 1) {
            name = latinName();
            other = latinTypo(name);
        } else {
            name = homophoneName();
            other = homophone(name);
        }
        boolean byDomain = kind == 3;
        String companyA = byDomain ? null : company[0];
        String companyB = byDomain ? null : random.nextBoolean() ? company[0] + "有限公司" : " " + company[0];
        List<String> emailsA = byDomain ? List.of(login(name) + "@" + company[1]) : List.of();
        List<String> emailsB = byDomain ? List.of(login(name) + random.nextInt(100) + "@" + company[1]) : List.of();
        UUID a = add(person, name, mobile(), null, companyA, emailsA);
        UUID b = add(person, other, random.nextBoolean() ? mobile() : null, null, companyB, emailsB);
        pairs(List.of(a, b), Truth.LIKELY);
    }

    /** Two people of one name at two companies: never the same person. */
    void namesakes() {
        String name = random.nextInt(5) == 0 ? latinName() : chineseName(random.nextBoolean() ? 1 : 2);
        String[] first = company();
        String[] second = company();
        while (second == first) {
            second = company();
        }
        add(people++, name, mobile(), null, first[0], List.of(login(name) + "@" + first[1]));
        add(people++, name, mobile(), null, second[0], List.of(login(name) + "@" + second[1]));
    }

    private void pairs(List<UUID> ids, Truth kind) {
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                truth.put(Set.of(ids.get(i), ids.get(j)), kind);
            }
        }
    }

    private UUID add(
            int person,
            String name,
            @Nullable String mobile,
            @Nullable String phone,
            @Nullable String company,
            List<String> emails) {
        UUID id = Ids.newId();
        records.add(new Record(
                id,
                person,
                name,
                mobile == null ? null : PhoneNumbers.normalize(mobile, "CN").orElseThrow(),
                phone == null ? null : PhoneNumbers.normalize(phone, "CN").orElseThrow(),
                company,
                emails));
        return id;
    }

    /** Inserts the records as contacts of the organization, followed by {@code owner}. */
    void insert(JdbcClient jdbc, UUID orgId, UUID owner) {
        jdbc.sql("""
                        INSERT INTO contact (id, org_id, name, name_sort, mobile, phones, company, owner_id, created_by)
                        SELECT id, ?, name, sort, mobile,
                               CASE WHEN phone IS NULL THEN '[]'::jsonb
                                    ELSE jsonb_build_array(jsonb_build_object('label', 'work', 'number', phone)) END,
                               company, ?, ?
                          FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                               AS r (id, name, sort, mobile, phone, company)
                        """)
                .params(
                        orgId,
                        owner,
                        owner,
                        records.stream().map(Record::id).toArray(UUID[]::new),
                        records.stream().map(Record::name).toArray(String[]::new),
                        records.stream()
                                .map(r -> ChineseNames.sortKey(r.name()))
                                .toArray(String[]::new),
                        records.stream().map(Record::mobile).toArray(String[]::new),
                        records.stream().map(Record::phone).toArray(String[]::new),
                        records.stream().map(Record::company).toArray(String[]::new))
                .update();
        List<UUID> contacts = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (Record r : records) {
            r.emails().forEach(e -> {
                contacts.add(r.id());
                addresses.add(e);
            });
        }
        jdbc.sql("""
                        INSERT INTO contact_email (org_id, contact_id, position, address)
                        SELECT ?, c, 0, a FROM unnest(?::uuid[], ?::text[]) AS e (c, a)
                        """)
                .params(orgId, contacts.toArray(UUID[]::new), addresses.toArray(String[]::new))
                .update();
    }

    private String chineseName(int givenLength) {
        StringBuilder name = new StringBuilder(pick(SURNAMES));
        for (int i = 0; i < givenLength; i++) {
            name.appendCodePoint(GIVEN.codePointAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    private String homophoneName() {
        String[] pair = HOMOPHONES[random.nextInt(HOMOPHONES.length)];
        String base = chineseName(random.nextBoolean() ? 1 : 2);
        return random.nextBoolean() ? pair[0] + base.substring(1) : base.substring(0, base.length() - 1) + pair[0];
    }

    private String homophone(String name) {
        for (String[] pair : HOMOPHONES) {
            if (name.startsWith(pair[0])) {
                return pair[1] + name.substring(1);
            }
        }
        for (String[] pair : HOMOPHONES) {
            if (name.endsWith(pair[0])) {
                return name.substring(0, name.length() - 1) + pair[1];
            }
        }
        throw new IllegalStateException(name);
    }

    /** One given-name character changed, dropped or doubled. */
    private String typo(String name) {
        int at = 1 + random.nextInt(name.length() - 1);
        return switch (random.nextInt(3)) {
            case 0 -> name.substring(0, at) + GIVEN.charAt(random.nextInt(GIVEN.length())) + name.substring(at + 1);
            case 1 -> name.substring(0, at) + name.substring(at + 1);
            default -> name.substring(0, at) + name.charAt(at) + name.substring(at);
        };
    }

    private String latinName() {
        return pick(FIRST) + " " + pick(LAST);
    }

    /** One letter changed, dropped or doubled, as a hurried hand types. */
    private String latinTypo(String name) {
        int at = 1 + random.nextInt(name.length() - 2);
        while (name.charAt(at) == ' ') {
            at++;
        }
        return switch (random.nextInt(3)) {
            case 0 -> name.substring(0, at) + (char) ('a' + random.nextInt(26)) + name.substring(at + 1);
            case 1 -> name.substring(0, at) + name.substring(at + 1);
            default -> name.substring(0, at) + name.charAt(at) + name.substring(at);
        };
    }

    private String mobile() {
        String m;
        do {
            m = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
        } while (!usedMobiles.add(m) || PhoneNumbers.normalize(m, "CN").isEmpty());
        return m;
    }

    /** The number as people write it: plain, with +86 and spaces, with 0086 and dashes. */
    private static String formatted(String mobile, int copy) {
        return switch (copy % 3) {
            case 0 -> mobile;
            case 1 -> "+86 " + mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
            default -> "0086-" + mobile.substring(0, 3) + "-" + mobile.substring(3, 7) + "-" + mobile.substring(7);
        };
    }

    private List<String> emails(String name, String[] company) {
        return switch (random.nextInt(3)) {
            case 0 -> List.of();
            case 1 -> List.of(login(name) + random.nextInt(10_000) + "@" + pick(PUBLIC));
            default -> List.of(login(name) + random.nextInt(10_000) + "@" + company[1]);
        };
    }

    private String login(String name) {
        return "u" + Integer.toHexString(name.hashCode() & 0xffff);
    }

    private String[] company() {
        return companies.get(random.nextInt(companies.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
