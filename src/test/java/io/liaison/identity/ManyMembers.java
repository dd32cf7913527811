package io.liaison.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An organization of thousands in a second: members written in one statement, each with the
 * administrator's password, the built-in member role, one of the given departments in turn, and the
 * search keys the application would write. Names are Chinese: a surname and a two-character given name.
 */
public final class ManyMembers {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂";

    private ManyMembers() {}

    /** Writes {@code count} members into {@code admin}'s organization; returns their ids in order. */
    public static List<UUID> seed(JdbcClient jdbc, Actor admin, List<UUID> departments, int count) {
        return seed(jdbc, admin.orgId(), admin.memberId(), admin.orgCode(), departments, count);
    }

    /**
     * Writes {@code count} members into organization {@code orgId}, each with the password of member
     * {@code passwordOf} and the login {@code m<i>-<orgCode>}, in no department when {@code departments}
     * is empty; returns their ids in order.
     */
    public static List<UUID> seed(
            JdbcClient jdbc, UUID orgId, UUID passwordOf, String orgCode, List<UUID> departments, int count) {
        List<UUID> ids = new ArrayList<>();
        List<String> logins = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<UUID> memberDepartments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.valueOf(SURNAMES.charAt(i % SURNAMES.length()))
                    + GIVEN.charAt((i / SURNAMES.length()) % GIVEN.length())
                    + GIVEN.charAt((i / 7) % GIVEN.length());
            String login = "m" + i + "-" + orgCode;
            ids.add(UUID.randomUUID());
            logins.add(login);
            names.add(name);
            keys.add(MemberSearchKeys.of(name, login));
            if (!departments.isEmpty()) {
                memberDepartments.add(departments.get(i % departments.size()));
            }
        }
        jdbc.sql("""
                        INSERT INTO member (id, org_id, login, display_name, role_id, password_hash, search_keys)
                        SELECT u.id, ?, u.login, u.name,
                               (SELECT id FROM role WHERE org_id = ? AND builtin = 'MEMBER'),
                               (SELECT password_hash FROM member WHERE id = ?), u.keys
                          FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) AS u (id, login, name, keys)
                        """)
                .params(
                        orgId,
                        orgId,
                        passwordOf,
                        ids.toArray(UUID[]::new),
                        logins.toArray(String[]::new),
                        names.toArray(String[]::new),
                        keys.toArray(String[]::new))
                .update();
        if (!departments.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO member_department (org_id, member_id, department_id)
                            SELECT ?, u.member, u.department FROM unnest(?::uuid[], ?::uuid[]) AS u (member, department)
                            """)
                    .params(orgId, ids.toArray(UUID[]::new), memberDepartments.toArray(UUID[]::new))
                    .update();
        }
        return ids;
    }
}
