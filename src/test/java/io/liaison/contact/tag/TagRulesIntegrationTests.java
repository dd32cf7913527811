package io.liaison.contact.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.ContactLimits;
import io.liaison.contact.TagGroup;
import io.liaison.contact.TestOrgs;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Message;
import io.liaison.shared.MessageBundleTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class TagRulesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TagRules rules;

    @Autowired
    TagService tagService;

    @Autowired
    MemberService members;

    Actor admin;
    TagGroup level;
    TagGroup type;

    @BeforeEach
    void setUp() throws Exception {
        TestOrgs.Org org = new TestOrgs(mvc).newOrg("en");
        admin = members.actor(org.adminId()).orElseThrow();
        List<TagGroup> groups = tagService.list(admin);
        type = groups.get(0);
        level = groups.get(1);
    }

    @Test
    void acceptsTagsOfTheOrganizationWithoutDuplicates() {
        UUID customer = type.tags().get(0).id();
        UUID supplier = type.tags().get(1).id();
        UUID key = level.tags().get(0).id();

        assertThat(rules.requireAssignable(admin.orgId(), List.of(customer, key, supplier, customer)))
                .containsExactly(customer, key, supplier);
        assertThat(rules.requireAssignable(admin.orgId(), List.of())).isEmpty();
    }

    @Test
    void refusesTagsThatAreNotTheOrganizations() {
        UUID stranger = UUID.randomUUID();
        assertThatThrownBy(() -> rules.requireAssignable(
                        admin.orgId(), List.of(type.tags().get(0).id(), stranger)))
                .isInstanceOfSatisfying(LiaisonException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.errors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("tagIds");
                        assertThat(f.rule().code()).isEqualTo("invalid.unknown-tags");
                    });
                });
    }

    @Test
    void refusesTwoTagsOfOneExclusiveGroup() {
        List<UUID> both = List.of(level.tags().get(0).id(), level.tags().get(1).id());
        assertThatThrownBy(() -> rules.requireAssignable(admin.orgId(), both))
                .isInstanceOfSatisfying(LiaisonException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                    assertThat(e.type()).isEqualTo("tag-group-exclusive");
                    assertThat(MessageBundleTests.bundles().getMessage(e.detail(), Locale.ENGLISH))
                            .contains("'Level'", "Key", "Regular");
                });
    }

    @Test
    void refusesMoreThanAHundredTags() {
        List<UUID> many = new ArrayList<>();
        for (int i = 0; i <= ContactLimits.TAGS; i++) {
            many.add(UUID.randomUUID());
        }
        assertThatThrownBy(() -> rules.requireAssignable(admin.orgId(), many))
                .isInstanceOfSatisfying(LiaisonException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.errors().get(0).rule()).isEqualTo(Message.of("invalid.tags-per-contact", 100));
                });
    }
}
