package io.liaison.review.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.contact.Contact;
import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.Contact.Email;
import io.liaison.contact.Contact.Phone;
import io.liaison.shared.LiaisonException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The survivor's fields after a merge and after its undo, field by field. */
class MergeFieldsTests {

    static final UUID OWNER = UUID.randomUUID();
    static final UUID OTHER_OWNER = UUID.randomUUID();
    static final UUID TAG_A = UUID.randomUUID();
    static final UUID TAG_B = UUID.randomUUID();
    static final UUID TAG_NEW = UUID.randomUUID();

    static ContactDraft draft(
            String name, String mobile, String company, UUID owner, List<UUID> tags, Map<String, String> externalIds) {
        return new ContactDraft(
                name,
                mobile,
                List.of(),
                List.of(new Email(null, name + "@example.cn")),
                company,
                null,
                null,
                null,
                null,
                null,
                null,
                owner,
                List.of(),
                List.of(),
                List.of(),
                tags,
                Map.of(),
                externalIds);
    }

    static Contact contact(ContactDraft d) {
        OffsetDateTime now = OffsetDateTime.now();
        return new Contact(UUID.randomUUID(), d, "manual", now, now, null, 1, null, null, false);
    }

    @Test
    void theChosenValuesWinAndTheOthersMobileBecomesAPhoneAndItsOwnerACollaborator() {
        Contact a = contact(draft("a", "+8613800138000", "Acme", OWNER, List.of(TAG_A), Map.of("crm", "1")));
        Contact b = contact(
                draft("b", "+8613900139000", "Acme Ltd", OTHER_OWNER, List.of(TAG_B), Map.of("crm", "2", "erp", "9")));

        ContactDraft merged = MergeFields.merged(a, List.of(b), Map.of("company", b.id()));

        assertThat(merged.name()).isEqualTo("a");
        assertThat(merged.company()).isEqualTo("Acme Ltd");
        assertThat(merged.mobile()).isEqualTo("+8613800138000");
        assertThat(merged.phones()).containsExactly(new Phone("mobile", "+8613900139000"));
        assertThat(merged.tagIds()).containsExactly(TAG_A, TAG_B);
        assertThat(merged.externalIds()).isEqualTo(Map.of("crm", "1", "erp", "9"));
        assertThat(merged.collaboratorIds()).containsExactly(OTHER_OWNER);
        assertThat(merged.emails()).extracting(Email::address).containsExactly("a@example.cn", "b@example.cn");
    }

    @Test
    void twoMergedContactsWithDifferentIdsOfASourceTheSurvivorLacksConflict() {
        Contact a = contact(draft("a", null, null, OWNER, List.of(), Map.of()));
        Contact b = contact(draft("b", null, null, OWNER, List.of(), Map.of("erp", "1")));
        Contact c = contact(draft("c", null, null, OWNER, List.of(), Map.of("erp", "2")));

        assertThatThrownBy(() -> MergeFields.merged(a, List.of(b, c), Map.of()))
                .isInstanceOf(LiaisonException.class)
                .extracting(e -> ((LiaisonException) e).type())
                .isEqualTo("merge-external-ids-conflict");
    }

    @Test
    void anUndoRestoresWhatDidNotChangeSinceAndKeepsWhatDid() {
        Contact a = contact(draft("a", "+8613800138000", "Acme", OWNER, List.of(TAG_A), Map.of("crm", "1")));
        Contact b = contact(draft("b", "+8613900139000", "Acme Ltd", OWNER, List.of(TAG_B), Map.of("erp", "9")));
        Map<String, UUID> chosen = Map.of("company", b.id(), "name", b.id());
        ContactDraft after = MergeFields.merged(a, List.of(b), chosen);
        ContactDraft now = new ContactDraft(
                after.name(),
                after.mobile(),
                after.phones(),
                after.emails(),
                "Acme Group",
                "CTO",
                null,
                null,
                null,
                null,
                null,
                OWNER,
                List.of(),
                List.of(),
                List.of(),
                List.of(TAG_A, TAG_B, TAG_NEW),
                Map.of(),
                after.externalIds());

        MergeFields.Undone undone = MergeFields.undone(a.fields(), after, now, chosen, a.id());

        assertThat(undone.fields().name()).isEqualTo("a");
        assertThat(undone.fields().company()).isEqualTo("Acme Group");
        assertThat(undone.fields().title()).isEqualTo("CTO");
        assertThat(undone.fields().phones()).isEmpty();
        assertThat(undone.fields().tagIds()).containsExactly(TAG_A, TAG_NEW);
        assertThat(undone.fields().externalIds()).isEqualTo(Map.of("crm", "1"));
        assertThat(undone.fields().emails()).extracting(Email::address).containsExactly("a@example.cn");
        assertThat(undone.kept())
                .containsExactlyInAnyOrder(new MergeFields.Kept("company", true), new MergeFields.Kept("title", false));
    }
}
