package io.liaison.contact.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.CustomField;
import io.liaison.contact.TestOrgs;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.MessageBundleTests;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class CustomFieldValuesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomFieldValues values;

    @Autowired
    CustomFieldService fields;

    @Autowired
    MemberService members;

    Actor admin;

    @BeforeEach
    void setUp() throws Exception {
        admin = members.actor(new TestOrgs(mvc).newOrg("en").adminId()).orElseThrow();
        define("note", CustomField.TEXT, List.of(), false);
        define("budget", CustomField.NUMBER, List.of(), false);
        define("since", CustomField.DATE, List.of(), false);
        define("tier", CustomField.SELECT, List.of("Gold", "Silver"), true);
        define("topics", CustomField.MULTISELECT, List.of("IoT", "AI", "Cloud"), false);
    }

    @Test
    void normalisesEveryType() {
        Map<String, Object> stored = values.forCreate(
                admin.orgId(),
                Map.of(
                        "note", "  met at the fair  ",
                        "budget", 12.50,
                        "since", "2026-03-01",
                        "tier", " Gold ",
                        "topics", List.of("AI", "IoT", "AI")));
        assertThat(stored)
                .containsEntry("note", "met at the fair")
                .containsEntry("budget", new BigDecimal("12.5"))
                .containsEntry("since", "2026-03-01")
                .containsEntry("tier", "Gold")
                .containsEntry("topics", List.of("AI", "IoT"));
        assertThat(values.forCreate(admin.orgId(), Map.of("tier", "Silver", "budget", "1e3")))
                .containsEntry("budget", new BigDecimal("1000"));
        assertThat(values.forCreate(admin.orgId(), Map.of("tier", "Silver", "budget", 7L, "note", " ")))
                .containsEntry("budget", BigDecimal.valueOf(7))
                .doesNotContainKey("note");
    }

    @Test
    void namesEveryBadKey() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("note", 5);
        bad.put("budget", "a lot");
        bad.put("since", "01/03/2026");
        bad.put("tier", "Bronze");
        bad.put("topics", List.of("AI", "Quantum"));
        bad.put("colour", "red");
        assertErrors(
                () -> values.forCreate(admin.orgId(), bad),
                "customFields.note: must be text",
                "customFields.budget: must be a number",
                "customFields.since: must be a date such as 2026-03-31",
                "customFields.tier: must be one of Gold, Silver",
                "customFields.topics: must be one of IoT, AI, Cloud",
                "customFields.colour: is not a custom field of this organization");
        assertErrors(
                () -> values.forCreate(admin.orgId(), Map.of("tier", "Gold", "budget", true, "topics", "AI")),
                "customFields.budget: must be a number",
                "customFields.topics: must be a list of the field's options");
        assertErrors(
                () -> values.forCreate(admin.orgId(), Map.of("tier", "Gold", "note", "x".repeat(2001))),
                "customFields.note: must have at most 2000 characters");
        assertErrors(
                () -> values.forCreate(admin.orgId(), Map.of("tier", "Gold", "topics", Arrays.asList("AI", null))),
                "customFields.topics: must be a list of the field's options");
    }

    @Test
    void aRequiredFieldMustHaveAValueOnCreate() {
        assertErrors(() -> values.forCreate(admin.orgId(), Map.of("note", "x")), "customFields.tier: is required");
        assertErrors(() -> values.forCreate(admin.orgId(), null), "customFields.tier: is required");
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("tier", null);
        assertErrors(() -> values.forCreate(admin.orgId(), cleared), "customFields.tier: is required");
        assertErrors(() -> values.forCreate(admin.orgId(), Map.of("tier", "  ")), "customFields.tier: is required");
    }

    @Test
    void aPatchChecksOnlyItsKeysAndCannotClearARequiredField() {
        Map<String, Object> patch = new HashMap<>();
        patch.put("note", null);
        patch.put("topics", List.of());
        patch.put("budget", 3);
        assertThat(values.forPatch(admin.orgId(), patch))
                .containsEntry("note", null)
                .containsEntry("topics", null)
                .containsEntry("budget", BigDecimal.valueOf(3))
                .doesNotContainKey("tier");
        Map<String, Object> clearRequired = new HashMap<>();
        clearRequired.put("tier", null);
        assertErrors(() -> values.forPatch(admin.orgId(), clearRequired), "customFields.tier: is required");
        assertErrors(
                () -> values.forPatch(admin.orgId(), Map.of("nope", 1)),
                "customFields.nope: is not a custom field of this organization");
    }

    @Test
    void anotherOrganizationsFieldsAreUnknown() throws Exception {
        Actor stranger = members.actor(new TestOrgs(mvc).newOrg("en").adminId()).orElseThrow();
        assertErrors(
                () -> values.forPatch(stranger.orgId(), Map.of("note", "x")),
                "customFields.note: is not a custom field of this organization");
    }

    void define(String key, String type, List<String> options, boolean required) {
        fields.create(admin, new CustomFieldService.NewCustomField(key, key, type, options, required, null));
    }

    /** The bundles as an English reader gets them. */
    private static final MessageSource ENGLISH = MessageBundleTests.bundles();

    static void assertErrors(ThrowingCallable call, String... errors) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LiaisonException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.errors())
                    .extracting(f -> f.field() + ": " + ENGLISH.getMessage(f.rule(), Locale.ENGLISH))
                    .containsExactlyInAnyOrder(errors);
        });
    }
}
