package io.liaison.contact;

import io.liaison.identity.Actor;
import io.liaison.identity.DataScope;
import io.liaison.shared.Pinyin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Query terms drawn from contacts an actor sees, so that every search has something to find:
 * surnames, two-character name parts, full pinyin and initials of real names, digits of real
 * mobiles, company words, real ids and tags. Drawn with duplicates, so common surnames come often.
 */
record BenchTerms(
        List<String> surnames,
        List<String> nameParts,
        List<String> pinyin,
        List<String> initials,
        List<String> phoneDigits,
        List<String> companyWords,
        List<String> typeAhead,
        List<UUID> ids,
        List<UUID> tags,
        List<List<UUID>> tagTriples) {

    static final int SAMPLE = 2_000;

    static BenchTerms sample(JdbcClient jdbc, Actor actor) {
        boolean self = actor.dataScope() == DataScope.SELF;
        List<Map<String, Object>> rows = jdbc.sql("SELECT id, name, mobile, company FROM contact"
                        + " WHERE org_id = ? AND trashed_at IS NULL" + (self ? " AND owner_id = ?" : "")
                        + " ORDER BY random() LIMIT " + SAMPLE)
                .params(self ? List.of(actor.orgId(), actor.memberId()) : List.of(actor.orgId()))
                .query()
                .listOfRows();
        SplittableRandom random = new SplittableRandom(42);
        List<String> surnames = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        List<String> pinyin = new ArrayList<>();
        List<String> initials = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> companies = new ArrayList<>();
        List<String> typeAhead = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            ids.add((UUID) row.get("id"));
            String name = (String) row.get("name");
            if (name.matches("\\p{IsHan}{2,4}")) {
                surnames.add(name.substring(0, 1));
                parts.add(name.length() == 2 ? name : name.substring(name.length() - 2));
                List<String> spelled = Pinyin.spellings(name);
                if (!spelled.isEmpty()) {
                    pinyin.add(spelled.get(0));
                    initials.add(Pinyin.initials(name).get(0));
                    String full = spelled.get(0);
                    typeAhead.add(full.substring(0, Math.min(full.length(), 2 + random.nextInt(3))));
                }
                typeAhead.add(name.substring(0, 1 + random.nextInt(2)));
            }
            String mobile = (String) row.get("mobile");
            if (mobile != null) {
                String digits = mobile.replaceAll("\\D", "").replaceFirst("^86", "");
                int length = 4 + random.nextInt(3);
                int from = random.nextInt(digits.length() - length + 1);
                phones.add(digits.substring(from, from + length));
            }
            String company = (String) row.get("company");
            if (company != null) {
                companies.add(company.matches("\\p{IsHan}{6,}") ? company.substring(2, 4) : company.split("\\s+")[0]);
            }
        }
        Map<UUID, List<UUID>> tagsOf = new LinkedHashMap<>();
        jdbc.sql("SELECT contact_id, tag_id FROM contact_tag WHERE org_id = ? AND contact_id = ANY (?)"
                        + " ORDER BY contact_id, tag_id")
                .params(actor.orgId(), ids.toArray(UUID[]::new))
                .query((rs, n) -> tagsOf.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        List<UUID> tags = tagsOf.values().stream().flatMap(List::stream).toList();
        List<List<UUID>> triples = tagsOf.values().stream()
                .filter(t -> t.size() >= 3)
                .map(t -> List.copyOf(t.subList(0, 3)))
                .toList();
        return new BenchTerms(surnames, parts, pinyin, initials, phones, companies, typeAhead, ids, tags, triples);
    }

    static <T> T any(List<T> values, SplittableRandom random) {
        if (values.isEmpty()) {
            throw new IllegalStateException("no terms of this kind in the sample");
        }
        return values.get(random.nextInt(values.size()));
    }

    String describe() {
        return String.format(
                "%d contacts sampled: %d names in Chinese, %d mobiles, %d companies, %d tag uses, %d with 3+ tags;"
                        + " e.g. %s / %s / %s / %s / %s / %s",
                ids.size(),
                surnames.size(),
                phoneDigits.size(),
                companyWords.size(),
                tags.size(),
                tagTriples.size(),
                first(surnames),
                first(nameParts),
                first(pinyin),
                first(initials),
                first(phoneDigits),
                first(companyWords));
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? "-" : values.get(0);
    }
}
