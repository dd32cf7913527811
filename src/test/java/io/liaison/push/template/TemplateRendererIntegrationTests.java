package io.liaison.push.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.ContactService;
import io.liaison.contact.field.CustomFieldService;
import io.liaison.contact.field.CustomFieldService.NewCustomField;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import io.liaison.shared.LiaisonException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LiaisonIntegrationTest
class TemplateRendererIntegrationTests {

    @Autowired
    TemplateRenderer renderer;

    @Autowired
    ContactService contacts;

    @Autowired
    CustomFieldService fields;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void rendersRealContactsWithChineseValuesCustomFieldsAndFallbacks() {
        Actor boss = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Push", "zh-CN", "王经理");
        fields.create(boss, new NewCustomField("industry", "行业", "multiselect", List.of("零售", "制造"), false, null));
        fields.create(boss, new NewCustomField("budget", "预算", "number", List.of(), false, null));
        UUID zhang = contact(boss, "张三", "星辰科技", "总监", Map.of("industry", List.of("零售", "制造"), "budget", 5000));
        UUID bare = contact(boss, "李四", null, null, Map.of());
        Template template = renderer.parse(
                boss.orgId(),
                "{{ name }}，{{company|贵公司}}的新品",
                "{{name}}{{title}}你好：\n\n行业 {{ field.industry | 各行业 }}，预算 {{field.budget}}。" + "\n\n—— {{owner.name}}");

        Map<UUID, Rendered> rendered = renderer.render(boss.orgId(), template, List.of(zhang, bare, UUID.randomUUID()));

        assertThat(rendered).containsOnlyKeys(zhang, bare);
        assertThat(rendered.get(zhang).subject()).isEqualTo("张三，星辰科技的新品");
        assertThat(rendered.get(zhang).text()).isEqualTo("张三总监你好：\n\n行业 零售、制造，预算 5000。\n\n—— 王经理");
        assertThat(rendered.get(bare).subject()).isEqualTo("李四，贵公司的新品");
        assertThat(rendered.get(bare).text()).isEqualTo("李四你好：\n\n行业 各行业，预算 。\n\n—— 王经理");
        assertThat(rendered.get(bare).html()).doesNotContain("{{").doesNotContain("null");
    }

    @Test
    void readsManyContactsAtOnceAndNoneOfAnotherOrganization() {
        Actor boss = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Push", "zh-CN", "王经理");
        Actor stranger = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Other", "zh-CN", "外人");
        UUID theirs = contact(stranger, "外部", null, null, Map.of());
        List<UUID> ours = IntStream.range(0, 200)
                .mapToObj(i -> contact(boss, "客户" + i, null, null, Map.of()))
                .toList();
        List<UUID> asked = new java.util.ArrayList<>(ours);
        asked.add(theirs);
        Template template = renderer.parse(boss.orgId(), "{{name}}", "你好 {{name}}");

        Map<UUID, Rendered> rendered = renderer.render(boss.orgId(), template, asked);

        assertThat(rendered).hasSize(200).doesNotContainKey(theirs);
        assertThat(rendered.get(ours.get(7)).text()).isEqualTo("你好 客户7");
        List<UUID> tooMany =
                IntStream.range(0, 1001).mapToObj(i -> UUID.randomUUID()).toList();
        assertThatThrownBy(() -> renderer.render(boss.orgId(), template, tooMany))
                .isInstanceOfSatisfying(
                        LiaisonException.class, e -> assertThat(e.type()).isEqualTo("too-many"));
    }

    @Test
    void unknownCustomFieldsAreRefusedAndThePreviewShowsOnlyWhatTheActorSees() {
        Actor boss = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Push", "zh-CN", "王经理");
        Actor member = members.actor(members.create(
                                boss,
                                new io.liaison.identity.NewMember(
                                        "m" + UUID.randomUUID().toString().substring(0, 6),
                                        "小李",
                                        null,
                                        null,
                                        "MEMBER",
                                        List.of(),
                                        "member-password-1"))
                        .id())
                .orElseThrow();
        UUID own = contact(member, "赵六", null, null, Map.of());
        UUID notTheirs = contact(boss, "钱七", null, null, Map.of());

        assertThatThrownBy(() -> renderer.parse(boss.orgId(), "x", "{{field.region}}"))
                .isInstanceOfSatisfying(
                        LiaisonException.class, e -> assertThat(e.args()).containsExactly("field.region"));
        Template template = renderer.parse(boss.orgId(), "{{name}}", "{{owner.name}} 问候 {{name}}");
        assertThat(renderer.preview(member, template, own).text()).isEqualTo("小李 问候 赵六");
        assertThat(renderer.preview(boss, template, own).subject()).isEqualTo("赵六");
        assertThatThrownBy(() -> renderer.preview(member, template, notTheirs))
                .isInstanceOfSatisfying(
                        LiaisonException.class, e -> assertThat(e.type()).isEqualTo("contact-not-found"));
    }

    private UUID contact(
            Actor actor, String name, @Nullable String company, @Nullable String title, Map<String, Object> custom) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", name);
        body.put("company", company);
        body.put("title", title);
        body.put("customFields", custom);
        return contacts.create(actor, body, "api", true).id();
    }
}
