package io.liaison.shared.web;

import static io.liaison.identity.Api.json;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A refused field is named in the problem's detail by the label the form shows, in the reader's
 * language, never by its API name; {@code errors[]} keeps the API name for programs, with the code
 * of the rule and the rule in the reader's language.
 */
@LiaisonIntegrationTest
class FieldLabelsIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api.Org org;

    @BeforeEach
    void setUp() throws Exception {
        org = new Api(mvc).newOrg();
    }

    ResultActions badContact(String language) throws Exception {
        return mvc.perform(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"\",\"mobile\":\"12\"}")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "mobile")))
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder("invalid.length", "invalid.phone")));
    }

    /** A contact's name is refused as the form labels it: 姓名, a person's name, not a department's 名称. */
    @Test
    void aChineseReaderReadsTheFormsLabelsAndRulesInChinese() throws Exception {
        badContact("zh-CN")
                .andExpect(jsonPath("$.title").value("请求无效"))
                .andExpect(jsonPath(
                        "$.detail",
                        allOf(
                                containsString("姓名：须为 1 到 100 个字符"),
                                containsString("手机：“12”不是有效的电话号码"),
                                not(containsString("mobile")))))
                .andExpect(jsonPath("$.errors[*].message", containsInAnyOrder("须为 1 到 100 个字符", "“12”不是有效的电话号码")));
    }

    @Test
    void anEnglishReaderReadsThemInEnglish() throws Exception {
        badContact("en")
                .andExpect(jsonPath(
                        "$.detail",
                        allOf(
                                containsString("Name: must have 1 to 100 characters"),
                                containsString("Mobile: '12' is not a valid phone number"))));
    }
}
