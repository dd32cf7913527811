package io.liaison.chat;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.Guest;
import io.liaison.identity.GuestInvitation;
import io.liaison.identity.Guests;
import io.liaison.identity.MemberService;
import io.liaison.shared.LiaisonException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A contact sent to the trash can no longer come in as a guest, and restoring it does not let them back. */
@LiaisonIntegrationTest
class GuestAccessIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Guests guests;

    @Autowired
    MemberService members;

    @Test
    void trashingTheContactEndsTheGuestsAccessAndRestoringItDoesNotReopenIt() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Actor admin = members.actor(UUID.fromString(org.adminId())).orElseThrow();
        String contact = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"Li Lei\"}"));
        UUID contactId = UUID.fromString(contact);
        GuestInvitation invitation = guests.invite(admin, contactId, UUID.randomUUID(), null);
        String token = invitation.url().substring(invitation.url().lastIndexOf('/') + 1);
        Guest guest = guests.accept(token, "Li Lei", "lilei", "guest-password-1");
        GuestInvitation open = guests.invite(admin, contactId, UUID.randomUUID(), null);
        assertThat(guests.find(admin.orgId(), guest.id())).isPresent();

        api.answer(as(delete("/api/v1/contacts/" + contact), org.adminToken()), 204);
        assertThat(guests.find(admin.orgId(), guest.id()))
                .as("the guest after the trash")
                .isEmpty();
        assertThatThrownBy(() -> guests.open(open.url().substring(open.url().lastIndexOf('/') + 1)))
                .as("an open invitation after the trash")
                .isInstanceOfSatisfying(
                        LiaisonException.class, e -> assertThat(e.type()).isEqualTo("guest-invitation-revoked"));

        api.answer(as(post("/api/v1/contacts/" + contact + "/restore"), org.adminToken()), 200);
        assertThat(guests.find(admin.orgId(), guest.id()))
                .as("the guest after the restore")
                .isEmpty();
    }
}
