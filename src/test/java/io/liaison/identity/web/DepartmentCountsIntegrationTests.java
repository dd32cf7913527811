package io.liaison.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Department;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.MemberService;
import io.liaison.identity.NewMember;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import io.liaison.identity.internal.ActorAuthentication;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A department counts the members of its whole subtree, each once, and shows its own ones aside. */
@LiaisonIntegrationTest
class DepartmentCountsIntegrationTests {

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
    UUID west;
    UUID shanghai;

    @BeforeEach
    void setUp() {
        boss = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Counts", "en");
        sales = departments.create(boss, "Sales", null, 0).id();
        east = departments.create(boss, "East", sales, 0).id();
        west = departments.create(boss, "West", sales, 1).id();
        shanghai = departments.create(boss, "Shanghai", west, 0).id();
        member("a", sales);
        member("b", east);
        member("c", shanghai);
        member("d", east, shanghai);
        members.deactivate(boss, member("e", west));
    }

    @Test
    void aDepartmentCountsItsSubDepartmentsMembersOnceAndActiveOnes() {
        Map<String, Department> byName =
                departments.list(boss).stream().collect(Collectors.toMap(Department::name, d -> d));

        assertThat(counts(byName.get("Sales"))).containsExactly(1, 4);
        assertThat(counts(byName.get("East"))).containsExactly(2, 2);
        assertThat(counts(byName.get("West"))).containsExactly(0, 2);
        assertThat(counts(byName.get("Shanghai"))).containsExactly(2, 2);
        assertThat(counts(departments.get(boss, west))).containsExactly(0, 2);
    }

    @Test
    void theDepartmentPageShowsTheWholeCountAndTheDirectOneWhenTheyDiffer() throws Exception {
        String html = mvc.perform(get("/departments").with(authentication(new ActorAuthentication(boss))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(countCell(html, sales)).isEqualTo("4 (1 directly)");
        assertThat(countCell(html, west)).isEqualTo("2 (0 directly)");
        assertThat(countCell(html, east)).isEqualTo("2");
    }

    /** The text of the count cell in the department's row, tags dropped and spaces collapsed. */
    private static String countCell(String html, UUID department) {
        Matcher cell = Pattern.compile(
                        "id=\"department-" + department + "\".*?department-count\">(.*?)</td>", Pattern.DOTALL)
                .matcher(html);
        assertThat(cell.find()).as("count cell of %s", department).isTrue();
        return cell.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }

    private static List<Integer> counts(Department department) {
        return List.of(department.memberCount(), department.totalMemberCount());
    }

    private UUID member(String login, UUID... departmentIds) {
        return members.create(
                        boss,
                        new NewMember(
                                login + "-" + UUID.randomUUID().toString().substring(0, 8),
                                "Member " + login,
                                null,
                                null,
                                null,
                                List.of(departmentIds),
                                "member-password-1"))
                .id();
    }
}
