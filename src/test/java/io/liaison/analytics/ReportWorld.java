package io.liaison.analytics;

import static io.liaison.identity.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import io.liaison.identity.Api;
import java.util.ArrayList;
import java.util.List;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An organization for the tests of figures by viewer: 销售部 with its team 华东组 under it, and 客服部
 * beside it; a manager of 销售部, a member of 华东组 and a member of 客服部.
 */
public final class ReportWorld {

    public final Api api;
    public final Api.Org org;
    public final String sales;
    public final String east;
    public final String support;
    public final Api.Person manager;
    public final Api.Person eastMember;
    public final Api.Person supportMember;

    public ReportWorld(MockMvc mvc) throws Exception {
        api = new Api(mvc);
        org = api.newOrg("zh-CN");
        sales = api.newDepartment(org, "销售部", null);
        east = api.newDepartment(org, "华东组", sales);
        support = api.newDepartment(org, "客服部", null);
        manager = api.newMember(org, "MANAGER", sales);
        eastMember = api.newMember(org, "MEMBER", east);
        supportMember = api.newMember(org, "MEMBER", support);
    }

    /** The values of {@code GET /api/v1/analytics/<query>} as the viewer reads them, "null" where none. */
    public List<String> values(String token, String query) throws Exception {
        String body = api.answer(as(get("/api/v1/analytics/" + query), token), 200);
        List<Object> values = JsonPath.read(body, "$.series[*].value");
        List<String> texts = new ArrayList<>();
        values.forEach(v -> texts.add(String.valueOf(v)));
        return texts;
    }
}
