package io.liaison.integration;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Address books exported from iPhones, and sheets whose only phone column holds mobiles: a number
 * keeps the label the phone gave it, and the first mobile number becomes the contact's mobile, so
 * that the duplicate guard and the masking apply to it.
 */
@LiaisonIntegrationTest
class PhoneLabelImportIntegrationTests {

    /** As iOS 17 exports contacts (Share Contact, or iCloud's Export vCard), in Chinese and English. */
    static final String IPHONE = """
            BEGIN:VCARD
            VERSION:3.0
            PRODID:-//Apple Inc.//iPhone OS 17.4.1//EN
            N:王;小明;;;
            FN:王小明
            ORG:上海贸易有限公司;
            TITLE:采购经理
            item1.TEL;type=pref:021 6123 4567
            item1.X-ABLabel:工作
            item2.TEL:138 0013 8001
            item2.X-ABLabel:手机
            item3.EMAIL;type=INTERNET;type=pref:xiaoming@example.cn
            item3.X-ABLabel:_$!<Work>!$_
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            PRODID:-//Apple Inc.//iPhone OS 17.4.1//EN
            N:Smith;Anna;;;
            FN:Anna Smith
            ORG:Acme Ltd;
            item1.TEL;type=pref:+86 21 5555 0100
            item1.X-ABLabel:_$!<Main>!$_
            item2.TEL:+86 139 1234 5678
            item2.X-ABLabel:_$!<Mobile>!$_
            item3.TEL:+86 186 0000 1111
            item3.X-ABLabel:iPhone
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            PRODID:-//Apple Inc.//iPhone OS 17.4.1//EN
            N:李;四;;;
            FN:李四
            TEL;type=CELL;type=VOICE;type=pref:137 0013 7000
            item1.TEL:136 0013 6000
            item1.X-ABLabel:移动电话
            item2.TEL:010 6552 9988
            item2.X-ABLabel:住宅
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            PRODID:-//Apple Inc.//iPhone OS 17.4.1//EN
            N:;;;;
            FN:北京科技有限公司
            ORG:北京科技有限公司;
            item1.TEL:010-8888 6666
            item1.X-ABLabel:主要
            TEL;type=WORK;type=FAX:010-8888 6667
            END:VCARD
            """.replace("\n", "\r\n");

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportRunner runner;

    Api api;
    Api.Org org;
    Imports imports;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg("zh-CN");
        imports = new Imports(mvc, runner);
    }

    String contact(String token, String query) throws Exception {
        String list = mvc.perform(as(get("/api/v1/contacts?q=" + query), token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((Integer) JsonPath.read(list, "$.items.length()")).as(query).isEqualTo(1);
        return list;
    }

    static List<String> phones(String list) {
        List<String> labels = JsonPath.read(list, "$.items[0].phones[*].label");
        List<String> numbers = JsonPath.read(list, "$.items[0].phones[*].number");
        return java.util.stream.IntStream.range(0, numbers.size())
                .mapToObj(i -> labels.get(i) + " " + numbers.get(i))
                .toList();
    }

    @Test
    void anIphoneCardKeepsItsLabelsAndItsFirstMobileNumberBecomesTheMobile() throws Exception {
        String job = imports.importFile(
                org.adminToken(), "iPhone 通讯录.vcf", IPHONE.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat((Integer) JsonPath.read(job, "$.created")).isEqualTo(4);

        String wang = contact(org.adminToken(), "王小明");
        assertThat((String) JsonPath.read(wang, "$.items[0].mobile")).isEqualTo("+8613800138001");
        assertThat(phones(wang)).containsExactly("工作 +862161234567");

        String anna = contact(org.adminToken(), "Anna");
        assertThat((String) JsonPath.read(anna, "$.items[0].mobile")).isEqualTo("+8613912345678");
        assertThat(phones(anna)).containsExactly("主要 +862155550100", "iPhone +8618600001111");

        // A number typed CELL is the mobile; one only labelled 移动电话 stays a labelled phone.
        String li = contact(org.adminToken(), "李四");
        assertThat((String) JsonPath.read(li, "$.items[0].mobile")).isEqualTo("+8613700137000");
        assertThat(phones(li)).containsExactly("移动电话 +8613600136000", "住宅 +861065529988");

        String company = contact(org.adminToken(), "北京科技");
        assertThat((Object) JsonPath.read(company, "$.items[0].mobile")).isNull();
        assertThat(phones(company)).containsExactly("主要 +861088886666", "工作传真 +861088886667");
    }

    @Test
    void theDuplicateGuardAndTheMaskingApplyToTheMobileFoundAmongLabelledNumbers() throws Exception {
        imports.importFile(org.adminToken(), "iPhone.vcf", IPHONE.getBytes(StandardCharsets.UTF_8), Map.of());
        String again = imports.importFile(
                org.adminToken(), "iPhone again.vcf", IPHONE.getBytes(StandardCharsets.UTF_8), Map.of());
        // The three cards with a mobile are found by it; the company, without one, is added again.
        assertThat((Integer) JsonPath.read(again, "$.skipped")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(again, "$.created")).isEqualTo(1);

        mvc.perform(json(patch("/api/v1/organization"), org.adminToken(), "{\"maskContactDetails\":true}"))
                .andExpect(status().isOk());
        Api.Person reader = api.newMember(org, api.newRole(org, Api.unique("Reader"), "ALL", "contact.edit"));
        String wang = contact(reader.token(), "王小明");
        assertThat((String) JsonPath.read(wang, "$.items[0].mobile")).isEqualTo("+86 138****8001");
    }

    @Test
    void aCsvFileWhosePhoneColumnHoldsMobilesFillsTheMobile() throws Exception {
        String csv = "姓名,电话,公司\r\n"
                + "张三,138 0013 8000,上海贸易\r\n"
                + "赵六,\"办公: 021-6123 4567\n手机: 139 0013 9000\",北京科技\r\n"
                + "钱七,010 6552 9988,\r\n";
        String job = imports.importFile(org.adminToken(), "客户.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat((Integer) JsonPath.read(job, "$.created")).isEqualTo(3);

        String zhang = contact(org.adminToken(), "张三");
        assertThat((String) JsonPath.read(zhang, "$.items[0].mobile")).isEqualTo("+8613800138000");
        assertThat(phones(zhang)).isEmpty();
        String zhao = contact(org.adminToken(), "赵六");
        assertThat((String) JsonPath.read(zhao, "$.items[0].mobile")).isEqualTo("+8613900139000");
        assertThat(phones(zhao)).containsExactly("办公 +862161234567");
        String qian = contact(org.adminToken(), "钱七");
        assertThat((Object) JsonPath.read(qian, "$.items[0].mobile")).isNull();
        assertThat(phones(qian)).containsExactly("null +861065529988");

        // Updated by mobile although the file has only a phone column.
        String update = imports.importFile(
                org.adminToken(),
                "更新.csv",
                "电话,职位\r\n13800138000,经理\r\n".getBytes(StandardCharsets.UTF_8),
                Map.of("mode", "update"));
        assertThat((Integer) JsonPath.read(update, "$.updated")).isEqualTo(1);
        assertThat((String) JsonPath.read(contact(org.adminToken(), "张三"), "$.items[0].title"))
                .isEqualTo("经理");
    }

    @Test
    void anExcelPhoneColumnOfNumbersFillsTheMobile() throws Exception {
        // Excel keeps a typed mobile as a number: <v>13800138000</v>, shown as 1.38001E+10.
        byte[] workbook = Workbooks.of(
                sheet -> sheet.row(1, "Name", "Phone", "Company")
                        .write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Anna Smith</t></is></c>"
                                + "<c r=\"B2\"><v>13912345678</v></c>"
                                + "<c r=\"C2\" t=\"inlineStr\"><is><t>Acme</t></is></c></row>")
                        .row(3, "Bob Lee", "021 5555 0100", "Acme"),
                "");
        String job = imports.importFile(org.adminToken(), "contacts.xlsx", workbook, Map.of());
        assertThat((Integer) JsonPath.read(job, "$.created")).isEqualTo(2);
        String anna = contact(org.adminToken(), "Anna");
        assertThat((String) JsonPath.read(anna, "$.items[0].mobile")).isEqualTo("+8613912345678");
        assertThat(phones(anna)).isEmpty();
        String bob = contact(org.adminToken(), "Bob");
        assertThat((Object) JsonPath.read(bob, "$.items[0].mobile")).isNull();
        assertThat(phones(bob)).containsExactly("null +862155550100");
    }
}
