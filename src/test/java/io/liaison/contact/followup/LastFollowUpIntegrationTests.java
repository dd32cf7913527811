package io.liaison.contact.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.access.ContactAccess;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.identity.Member;
import io.liaison.identity.MemberService;
import io.liaison.identity.NewMember;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import io.liaison.shared.SqlFragment;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The latest follow-up the contact list shows in each row: the newest by when it happened, cut to a
 * snippet, only for contacts the reader sees, read by one probe of the follow-up index per contact of
 * the page however many follow-ups there are.
 */
@LiaisonIntegrationTest
class LastFollowUpIntegrationTests {

    @Autowired
    FollowUpService followUps;

    @Autowired
    ContactService contacts;

    @Autowired
    ContactAccess access;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theNewestFollowUpOfEachContactTheReaderSeesByAnIndexProbe() {
        Actor boss = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Latest", "zh-CN");
        Member m = members.create(
                boss, new NewMember("alice", "Alice", null, null, "MEMBER", List.of(), "member-password-1"));
        Actor alice = members.actor(m.id()).orElseThrow();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(contact(i < 45 ? boss : alice, "客户" + i));
        }
        OffsetDateTime now = OffsetDateTime.now();
        followUps.record(boss, ids.get(0), "visit", "上周拜访", now.minusDays(7));
        followUps.record(boss, ids.get(0), "call", "电话".repeat(100), now.minusHours(1));
        followUps.record(boss, ids.get(0), "note", "更早的备注", now.minusDays(30));
        followUps.record(alice, ids.get(49), "email", "发了报价单", now.minusMinutes(5));
        // Many more follow-ups than the page: 200 for each of the boss's contacts.
        jdbc.sql("""
                        INSERT INTO follow_up (id, org_id, contact_id, type, content, occurred_at, author_id)
                        SELECT gen_random_uuid(), ?, c, 'note', '旧记录 ' || g, now() - interval '1 year' - g * interval '1 hour', ?
                          FROM unnest(?::uuid[]) c, generate_series(1, 200) g
                        """)
                .params(boss.orgId(), boss.memberId(), ids.subList(1, 45).toArray(UUID[]::new))
                .update();
        jdbc.sql("ANALYZE follow_up").update();

        Map<UUID, LastFollowUp> latest = followUps.latest(boss, ids);
        assertThat(latest).hasSize(46);
        LastFollowUp first = latest.get(ids.get(0));
        assertThat(first.type()).isEqualTo("call");
        assertThat(first.snippet()).hasSize(LastFollowUp.SNIPPET).startsWith("电话电话");
        assertThat(latest.get(ids.get(1)).snippet()).isEqualTo("旧记录 1");
        assertThat(latest.get(ids.get(49)).type()).isEqualTo("email");
        assertThat(latest).doesNotContainKey(ids.get(48));

        Map<UUID, LastFollowUp> alices = followUps.latest(alice, ids);
        assertThat(alices.keySet()).containsExactly(ids.get(49));

        SqlFragment visible = access.visible(boss, "c");
        List<Object> params = new ArrayList<>();
        params.add(LastFollowUp.SNIPPET);
        params.add(ids.toArray(UUID[]::new));
        params.addAll(visible.params());
        String plan = jdbc.sql("EXPLAIN (ANALYZE, FORMAT JSON) " + FollowUpRepository.latestSql(visible))
                .params(params)
                .query(String.class)
                .single();
        List<String> sequential = JsonPath.read(plan, "$..[?(@['Node Type'] == 'Seq Scan')]['Relation Name']");
        List<String> indexes = JsonPath.read(plan, "$..['Index Name']");
        assertThat(sequential).as(plan).doesNotContain("follow_up");
        assertThat(indexes).as(plan).contains("follow_up_by_contact");
    }

    private UUID contact(Actor owner, String name) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", name);
        Contact c = contacts.create(owner, body, "manual", false);
        return c.id();
    }
}
