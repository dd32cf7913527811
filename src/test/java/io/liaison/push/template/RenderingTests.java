package io.liaison.push.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RenderingTests {

    static Template template(String subject, String body) {
        return TemplateSyntax.parse(subject, body, Set.of("industry"));
    }

    @Test
    void fillsValuesInEveryForm() {
        ContactValues zhang = new ContactValues("张三", "星辰科技", "总监", "李经理", Map.of("industry", "零售、制造"));
        Rendered rendered = render(
                "{{name}}，你好",
                "**{{ name }}**（{{title}}，{{company}}）：\n\n你的顾问 {{owner.name}}，行业 {{field.industry}}",
                zhang);

        assertThat(rendered.subject()).isEqualTo("张三，你好");
        assertThat(rendered.markdown()).isEqualTo("**张三**（总监，星辰科技）：\n\n你的顾问 李经理，行业 零售、制造");
        assertThat(rendered.html()).isEqualTo("<p><strong>张三</strong>（总监，星辰科技）：</p>\n<p>你的顾问 李经理，行业 零售、制造</p>");
        assertThat(rendered.text()).isEqualTo("张三（总监，星辰科技）：\n\n你的顾问 李经理，行业 零售、制造");
    }

    @Test
    void aMissingValueBecomesItsFallbackOrNothing() {
        ContactValues bare = new ContactValues("王五", null, "  ", null, Map.of());
        Rendered rendered = render("{{company|贵公司}}的{{title}}", "{{owner.name|你的顾问}}：{{field.industry}}。", bare);

        assertThat(rendered.subject()).isEqualTo("贵公司的");
        assertThat(rendered.text()).isEqualTo("你的顾问：。").doesNotContain("{{").doesNotContain("null");
    }

    @Test
    void withoutAContactEveryVariableIsItsFallback() {
        Rendered rendered = new TemplateRenderer(null, null, null)
                .renderWithout(template("{{ name | 各位朋友 }}好", "致 {{name|各位}}，{{company}}"));

        assertThat(rendered.subject()).isEqualTo("各位朋友好");
        assertThat(rendered.markdown()).isEqualTo("致 各位，");
    }

    @Test
    void aValueStaysTextAndNoRawHtmlPasses() {
        ContactValues tricky =
                new ContactValues("*Li* [x](javascript:alert(1))", "<b>Acme</b>", "1. CEO", null, Map.of());
        Rendered rendered = render(
                "Hi {{name}}",
                "Dear {{name}}\n\n{{title}}\n\n{{company}} <script>alert(1)</script> [site](javascript:alert(2))",
                tricky);

        assertThat(rendered.html())
                .doesNotContain("<em>")
                .doesNotContain("<script")
                .doesNotContain("<b>")
                .doesNotContain("<ol>")
                .doesNotContain("href=\"javascript")
                .contains("*Li*")
                .contains("&lt;b&gt;Acme&lt;/b&gt;");
        assertThat(rendered.text())
                .contains("Dear *Li* [x](javascript:alert(1))")
                .contains("1. CEO");
        assertThat(rendered.subject()).isEqualTo("Hi *Li* [x](javascript:alert(1))");
    }

    @Test
    void markdownIsTakenOutOfTheTextSensibly() {
        Rendered rendered = render(
                "x",
                "# 新品发布\n\n- 第一\n- 第二\n\n详情见 [官网](https://example.com) 或 https://liaison.example",
                ContactValues.NONE);

        assertThat(rendered.text()).contains("新品发布").contains("第一").contains("https://example.com");
        assertThat(rendered.text()).doesNotContain("](").doesNotContain("# ");
        assertThat(rendered.html())
                .contains("<h1>新品发布</h1>")
                .contains("<a href=\"https://example.com\" rel=\"nofollow noopener noreferrer\">官网</a>");
    }

    private static Rendered render(String subject, String body, ContactValues values) {
        return Rendering.render(template(subject, body), values);
    }
}
