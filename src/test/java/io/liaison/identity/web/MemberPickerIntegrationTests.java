package io.liaison.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.Member;
import io.liaison.identity.MemberFilter;
import io.liaison.identity.MemberService;
import io.liaison.identity.NewMember;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import io.liaison.identity.internal.ActorAuthentication;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** What every member picker answers: members by name, pinyin or initials, within a department's subtree. */
@LiaisonIntegrationTest
class MemberPickerIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    DepartmentService departments;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    Actor boss;
    UUID sales;
    UUID east;
    UUID support;
    UUID zhangWei;
    UUID wangFang;

    @BeforeEach
    void setUp() {
        boss = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Picker", "en");
        sales = departments.create(boss, "Sales", null, 0).id();
        east = departments.create(boss, "East", sales, 0).id();
        support = departments.create(boss, "Support", null, 1).id();
        zhangWei = member("zhangwei", "张伟", sales);
        wangFang = member("wangf", "王芳", east);
        member("lina", "李娜", support);
    }

    @Test
    void findsAMemberByNamePinyinInitialsOrLogin() throws Exception {
        assertThat(names(pick("q", "张"))).containsExactly("张伟");
        assertThat(names(pick("q", "zhangwei"))).containsExactly("张伟");
        assertThat(names(pick("q", "Zhang Wei"))).containsExactly("张伟");
        assertThat(names(pick("q", "zw"))).containsExactly("张伟");
        assertThat(names(pick("q", "wangf"))).containsExactly("王芳");
        assertThat(names(pick("q", "nobody"))).isEmpty();
        assertThat(pick("q", "nobody")).contains("No active member matches.");

        // The member list and the API search the same way.
        List<String> listed = members.list(boss, new MemberFilter("zw", null, false), null, 50).items().stream()
                .map(Member::displayName)
                .toList();
        assertThat(listed).containsExactly("张伟");
    }

    @Test
    void aDepartmentNarrowsToItsMembersAndThoseOfItsSubDepartments() throws Exception {
        assertThat(names(pick("department", sales.toString()))).containsExactlyInAnyOrder("张伟", "王芳");
        assertThat(names(pick("department", east.toString()))).containsExactly("王芳");
        assertThat(names(pick("department", support.toString()))).containsExactly("李娜");
        assertThat(names(answer(get("/members/picker")
                        .param("q", "w")
                        .param("department", sales.toString())
                        .param("exclude", zhangWei.toString()))))
                .containsExactly("王芳");
    }

    @Test
    void onlyActiveMembersOfTheActorsOrganizationAreOffered() throws Exception {
        members.deactivate(boss, wangFang);
        Actor other = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Other", "en");
        members.create(other, new NewMember("wangfang2", "王芳芳", null, null, null, List.of(), "member-password-1"));

        assertThat(names(pick("q", "王芳"))).isEmpty();
        assertThat(names(pick("q", ""))).containsExactlyInAnyOrder("Boss", "张伟", "李娜");
    }

    @Test
    void aLongListSaysThatItShowsOnlyTheFirstOnes() throws Exception {
        List<UUID> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(member("chen" + i, "陈" + (char) ('一' + i), support));
        }
        String answer = pick("q", "chen");
        assertThat(names(answer)).hasSize(20);
        assertThat(answer).contains("Showing the first 20");
        assertThat(many).hasSize(25);
    }

    @Test
    void aQueryTooLongOrAnUnknownDepartmentIsRefused() throws Exception {
        answer(get("/members/picker").param("q", "x".repeat(101)), status().isBadRequest());
        answer(get("/members/picker").param("department", UUID.randomUUID().toString()), status().isBadRequest());
    }

    private String pick(String param, String value) throws Exception {
        return answer(get("/members/picker").param(param, value));
    }

    private String answer(MockHttpServletRequestBuilder request) throws Exception {
        return answer(request, status().isOk());
    }

    private String answer(MockHttpServletRequestBuilder request, ResultMatcher expected) throws Exception {
        return mvc.perform(request.with(authentication(new ActorAuthentication(boss))))
                .andExpect(expected)
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The names the options show, in order. */
    private static List<String> names(String html) {
        List<String> names = new ArrayList<>();
        Matcher name = Pattern.compile("class=\"member-option-name\">([^<]*)<").matcher(html);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private UUID member(String login, String name, UUID department) {
        return members.create(
                        boss,
                        new NewMember(
                                login + "-" + UUID.randomUUID().toString().substring(0, 6),
                                name,
                                null,
                                null,
                                null,
                                List.of(department),
                                "member-password-1"))
                .id();
    }
}
