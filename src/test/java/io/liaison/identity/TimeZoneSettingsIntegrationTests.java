package io.liaison.identity;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The organization's time zone (Asia/Shanghai for a Chinese one, chosen at creation and in the
 * settings) and a member's own; a zone Liaison does not know is refused in the user's language.
 */
@LiaisonIntegrationTest
class TimeZoneSettingsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void aChineseOrganizationRunsOnBeijingTimeAnEnglishOneOnUtcUnlessItChooses() throws Exception {
        Api.Org chinese = api.newOrg("zh-CN");
        mvc.perform(as(get("/api/v1/organization"), chinese.adminToken()))
                .andExpect(jsonPath("$.timeZone").value("Asia/Shanghai"));
        mvc.perform(as(get("/api/v1/me"), chinese.adminToken()))
                .andExpect(jsonPath("$.timeZone").value("Asia/Shanghai"));
        Api.Org english = api.newOrg("en");
        mvc.perform(as(get("/api/v1/organization"), english.adminToken()))
                .andExpect(jsonPath("$.timeZone").value("UTC"));

        mvc.perform(json(
                        post("/api/v1/orgs"),
                        api.systemAdminToken(),
                        "{\"name\":\"" + Api.unique("Berlin") + "\",\"locale\":\"en\",\"timeZone\":\"Europe/Berlin\","
                                + "\"adminLogin\":\"boss\",\"adminPassword\":\"correct horse battery\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.timeZone").value("Europe/Berlin"));
    }

    @Test
    void administratorsChangeTheOrganizationsZoneAndMembersChooseTheirOwn() throws Exception {
        Api.Org org = api.newOrg("zh-CN");
        mvc.perform(json(patch("/api/v1/organization"), org.adminToken(), "{\"timeZone\":\"Asia/Tokyo\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeZone").value("Asia/Tokyo"));
        mvc.perform(as(get("/api/v1/audit-events?action=organization.settings-changed"), org.adminToken()))
                .andExpect(jsonPath("$.items[0].after.timeZone").value("Asia/Tokyo"))
                .andExpect(jsonPath("$.items[0].before.timeZone").value("Asia/Shanghai"));

        Api.Person member = api.newMember(org, "MEMBER");
        mvc.perform(json(patch("/api/v1/organization"), member.token(), "{\"timeZone\":\"UTC\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(as(get("/api/v1/me"), member.token()))
                .andExpect(jsonPath("$.timeZone").value("Asia/Tokyo"));

        String self = "/api/v1/members/" + member.id();
        mvc.perform(json(patch(self), member.token(), "{\"timeZone\":\"America/New_York\"}")
                        .contentType("application/merge-patch+json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeZone").value("America/New_York"));
        mvc.perform(as(get("/api/v1/me"), member.token()))
                .andExpect(jsonPath("$.timeZone").value("America/New_York"));
        mvc.perform(json(patch(self), member.token(), "{\"timeZone\":null}")
                        .contentType("application/merge-patch+json"))
                .andExpect(jsonPath("$.timeZone").doesNotExist());
        mvc.perform(as(get("/api/v1/me"), member.token()))
                .andExpect(jsonPath("$.timeZone").value("Asia/Tokyo"));
    }

    @Test
    void anUnknownZoneIsRefusedInTheUsersLanguage() throws Exception {
        Api.Org org = api.newOrg("zh-CN");
        for (String zone : new String[] {"Mars/Olympus", "+08:00", "", "Asia/Shanghai'; DROP TABLE member; --"}) {
            mvc.perform(json(patch("/api/v1/organization"), org.adminToken(), "{\"timeZone\":\"" + zone + "\"}")
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("timeZone"))
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("时区")));
        }
        mvc.perform(json(patch("/api/v1/members/" + org.adminId()), org.adminToken(), "{\"timeZone\":\"Beijing\"}")
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("timeZone"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("time zone Liaison knows")));
        mvc.perform(json(
                        post("/api/v1/orgs"),
                        api.systemAdminToken(),
                        "{\"name\":\"" + Api.unique("Nowhere") + "\",\"timeZone\":\"Nowhere/City\","
                                + "\"adminLogin\":\"boss\",\"adminPassword\":\"correct horse battery\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("timeZone"));
        mvc.perform(as(get("/api/v1/organization"), org.adminToken()))
                .andExpect(jsonPath("$.timeZone").value("Asia/Shanghai"));
    }

    @Test
    void administratorsChooseTheZoneOnTheRolesPageAndMembersTheirOwnInTheProfile() throws Exception {
        PageActors pages = new PageActors(mvc, members, organizations, jdbc);
        Actor boss = pages.newOrganizationAdmin("Zones", "zh-CN");
        String card = pages.page(
                post("/roles/time-zone").param("timeZone", "Europe/Berlin").header("HX-Request", "true"),
                boss,
                status().isOk());
        assertThat(card).contains("Times are now shown in Europe/Berlin.");
        assertThat(organizations.mine(boss).timeZone()).isEqualTo("Europe/Berlin");
        String refused = pages.page(
                post("/roles/time-zone").param("timeZone", "Mars/Olympus").header("HX-Request", "true"),
                boss,
                status().isBadRequest());
        assertThat(refused).contains("must be a time zone Liaison knows");
        assertThat(organizations.mine(boss).timeZone()).isEqualTo("Europe/Berlin");

        pages.page(
                post("/profile").param("displayName", "Boss").param("timeZone", "America/New_York"),
                boss,
                status().is3xxRedirection());
        assertThat(members.get(boss, boss.memberId()).timeZone()).isEqualTo("America/New_York");
        String profile = pages.page(
                post("/profile").param("displayName", "Boss").param("timeZone", "Nowhere"),
                boss,
                status().isBadRequest());
        assertThat(profile).contains("must be a time zone Liaison knows", "Follow the organization (Europe/Berlin)");
        pages.page(
                post("/profile").param("displayName", "Boss").param("timeZone", ""), boss, status().is3xxRedirection());
        assertThat(members.get(boss, boss.memberId()).timeZone()).isNull();
    }

    @Test
    void theApiWritesTimesInIso8601WithAnOffset() throws Exception {
        Api.Org org = api.newOrg("zh-CN");
        mvc.perform(as(get("/api/v1/organization"), org.adminToken()))
                .andExpect(jsonPath("$.createdAt")
                        .value(Matchers.matchesPattern(
                                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)")));
    }
}
