package io.liaison.push.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.shared.LiaisonException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateSyntaxTests {

    static final Set<String> FIELDS = Set.of("industry", "budget");

    @Test
    void readsVariablesWithSpacesAndFallbacks() {
        Template template =
                TemplateSyntax.parse("{{ name |朋友 }}，你好", "来自 {{company}} 的 {{ field.industry | 各行业 }}", FIELDS);

        assertThat(template.subjectParts())
                .extracting(Template.Part::variable)
                .containsExactly(new Variable("name", "朋友"), new Variable("", ""));
        assertThat(template.subjectParts().get(1).text()).isEqualTo("，你好");
        assertThat(template.bodyParts())
                .extracting(p -> p.variable().key())
                .containsExactly("", "company", "", "field.industry");
        assertThat(template.fieldKeys()).containsExactly("industry");
    }

    @Test
    void refusesAnUnknownVariableOrCustomFieldNamingIt() {
        assertThatThrownBy(() -> TemplateSyntax.parse("Hi", "Dear {{ nickname }}", FIELDS))
                .isInstanceOfSatisfying(LiaisonException.class, e -> {
                    assertThat(e.type()).isEqualTo("unknown-template-variable");
                    assertThat(e.args()).containsExactly("nickname");
                    assertThat(e.errors())
                            .extracting(LiaisonException.FieldError::field)
                            .containsExactly("body");
                });
        assertThatThrownBy(() -> TemplateSyntax.parse("{{field.region}}", "x", FIELDS))
                .isInstanceOfSatisfying(LiaisonException.class, e -> {
                    assertThat(e.args()).containsExactly("field.region");
                    assertThat(e.errors().get(0).field()).isEqualTo("subject");
                });
        assertThatThrownBy(() -> TemplateSyntax.parse("Hi", "{{}}", FIELDS))
                .isInstanceOfSatisfying(
                        LiaisonException.class, e -> assertThat(e.type()).isEqualTo("unknown-template-variable"));
    }

    @Test
    void refusesBracesLeftOpen() {
        assertThatThrownBy(() -> TemplateSyntax.parse("Hi", "Dear {{name, welcome", FIELDS))
                .isInstanceOfSatisfying(
                        LiaisonException.class, e -> assertThat(e.type()).isEqualTo("unclosed-template-variable"));
        assertThatThrownBy(() -> TemplateSyntax.parse("Hi", "Dear {{name\n}}", FIELDS))
                .isInstanceOfSatisfying(
                        LiaisonException.class, e -> assertThat(e.type()).isEqualTo("unclosed-template-variable"));
    }

    @Test
    void holdsTheLimits() {
        String subject = "主".repeat(200);
        assertThat(TemplateSyntax.parse(subject, "正".repeat(20_000), FIELDS).subject())
                .hasSize(200);
        assertThatThrownBy(() -> TemplateSyntax.parse(subject + "题", "x", FIELDS))
                .isInstanceOfSatisfying(
                        LiaisonException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("subject"));
        assertThatThrownBy(() -> TemplateSyntax.parse("Hi", "正".repeat(20_001), FIELDS))
                .isInstanceOfSatisfying(
                        LiaisonException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("body"));
        assertThatThrownBy(() -> TemplateSyntax.parse("  ", "x", FIELDS)).isInstanceOf(LiaisonException.class);

        assertThat(TemplateSyntax.parse("Hi", "{{name}}".repeat(100), FIELDS).bodyParts())
                .hasSize(100);
        assertThatThrownBy(() -> TemplateSyntax.parse("{{title}}", "{{name}}".repeat(100), FIELDS))
                .isInstanceOfSatisfying(
                        LiaisonException.class, e -> assertThat(e.type()).isEqualTo("too-many-template-variables"));
        assertThatThrownBy(() -> TemplateSyntax.parse("Hi", "{{name|" + "x".repeat(101) + "}}", FIELDS))
                .isInstanceOf(LiaisonException.class);
    }
}
