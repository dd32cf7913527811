package io.liaison.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import io.liaison.shared.Message;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The notification list with the bell's count, marking read from the page, and the preferences form. */
@LiaisonIntegrationTest
class NotificationPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transaction;

    PageActors actors;
    Actor admin;

    @BeforeEach
    void setUp() {
        actors = new PageActors(mvc, members, organizations, jdbc);
        admin = actors.newOrganizationAdmin("Bell");
    }

    UUID raise(String contact) {
        return transaction.execute(s -> notifications.raise(new NewNotification(
                admin.orgId(),
                admin.memberId(),
                ContactNotifications.SHARED,
                Message.of("notify.contact.shared.title", "Li Na", contact),
                Message.of("notify.contact.shared.body", "Li Na", contact),
                "/contacts/" + UUID.randomUUID())));
    }

    @Test
    void theListShowsUnreadOnesOnTheBellAndOpeningOneMarksItRead() throws Exception {
        UUID first = raise("Zhang San");
        raise("Wang Wu");
        String page = actors.page(get("/notifications"), admin, status().isOk());
        assertThat(page).contains("Li Na shared Zhang San with you", "Li Na shared Wang Wu with you");
        assertThat(page).containsPattern("id=\"bell-count\"[^>]*>2</span>");

        String go = "/contacts/x";
        actors.page(post("/notifications/" + first + "/read").param("go", go), admin, status().is3xxRedirection());
        String unread = actors.page(get("/notifications?unread=true"), admin, status().isOk());
        assertThat(unread).doesNotContain("Zhang San").contains("Wang Wu");
        actors.page(post("/notifications/read-all"), admin, status().is3xxRedirection());
        assertThat(actors.page(get("/notifications?unread=true"), admin, status().isOk()))
                .contains("No notifications here.");
        actors.page(post("/notifications/" + UUID.randomUUID() + "/read"), admin, status().isNotFound());
    }

    @Test
    void thePreferencesFormSavesEachKindAndQuietHours() throws Exception {
        String form = actors.page(get("/notifications/preferences"), admin, status().isOk());
        assertThat(form).contains("A contact is shared with me", "E-mail is not configured on this server");

        actors.page(
                post("/notifications/preferences")
                        .param("inApp.contact.assigned", "on")
                        .param("quietStarts", "22:00")
                        .param("quietEnds", "07:30"),
                admin,
                status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT kind FROM notification_preference WHERE member_id = ? AND in_app ORDER BY kind")
                        .param(admin.memberId())
                        .query(String.class)
                        .list())
                .containsExactly("contact.assigned");
        assertThat(actors.page(get("/notifications/preferences"), admin, status().isOk()))
                .contains("value=\"22:00\"", "value=\"07:30\"");
    }
}
