package io.liaison.contact.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.identity.Department;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import io.liaison.identity.RoleService;
import io.liaison.shared.MergePatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The contact page's access parts over MockMvc: the access line, the sharing dialog, masked details
 * with the reveal button, and the masked form. The owner follows a contact in the Sales department.
 */
@LiaisonIntegrationTest
class ContactAccessPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    DepartmentService departments;

    @Autowired
    ContactService contacts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RoleService roles;

    PageActors actors;
    Actor admin;
    Department sales;
    Actor owner;
    Contact contact;

    @BeforeEach
    void newOrganization() {
        actors = new PageActors(mvc, members, organizations, jdbc);
        admin = actors.newOrganizationAdmin("Access");
        sales = departments.create(admin, "Sales", null, 0);
        owner = newMember("owner", "MEMBER", sales.id());
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", "Zhang Wei");
        body.put("mobile", "+8613800138000");
        body.put("emails", List.of(Map.of("address", "zhangwei@example.cn")));
        contact = contacts.create(owner, body, "manual", false);
    }

    Actor newMember(String login, String role, UUID... departmentIds) {
        return actors.newMember(admin, login, role, departmentIds);
    }

    String page(MockHttpServletRequestBuilder request, Actor actor, ResultMatcher expected) throws Exception {
        return actors.page(request, actor, expected);
    }

    String contactPath() {
        return "/contacts/" + contact.id();
    }

    void share(Map<String, @Nullable Object> shares) {
        contact = contacts.update(owner, contact.id(), shares, null, false);
    }

    @Test
    void theOwnerSeesEverythingInFullAndMayShare() throws Exception {
        String body = page(get(contactPath()), owner, status().isOk());
        assertThat(body)
                .contains("+8613800138000", "zhangwei@example.cn", "You follow this contact.", "id=\"contact-share\"")
                .contains("Not shared with anyone.")
                .doesNotContain("id=\"contact-reveal\"", "138****8000");
    }

    @Test
    void aViewerWithoutRightsIsNotOfferedWhatTheyMayNotDo() throws Exception {
        String viewerRole = roles.create(
                        admin,
                        new MergePatch(
                                Map.of("name", "Viewer", "dataScope", "DEPT_TREE", "permissions", List.of()),
                                RoleService.FIELDS))
                .key();
        Actor viewer = newMember("viewer", viewerRole, sales.id());

        assertThat(page(get(contactPath()), viewer, status().isOk()))
                .contains("Zhang Wei")
                .doesNotContain("id=\"contact-edit\"", "id=\"contact-trash\"", "id=\"contact-tags-edit\"");
        assertThat(page(get("/contacts"), viewer, status().isOk())).doesNotContain("id=\"contact-new\"");
        assertThat(page(get(contactPath()), owner, status().isOk()))
                .contains("id=\"contact-edit\"", "id=\"contact-trash\"");
        assertThat(page(get("/contacts"), owner, status().isOk())).contains("id=\"contact-new\"");
    }

    @Test
    void theSharingDialogSavesViewersDepartmentsAndCollaborators() throws Exception {
        Actor wang = newMember("wang", "MEMBER");
        Actor li = newMember("li", "MEMBER");
        String dialog = page(get(contactPath() + "/sharing").header("HX-Request", "true"), owner, status().isOk());
        // Nobody yet: the dialog offers a picker that searches the organization, not a list of everyone.
        assertThat(dialog)
                .contains("Share “Zhang Wei”", "Sales", "Not shared with any member yet.", "id=\"share-member-search\"")
                .contains("data-exclude=\"" + owner.memberId() + "\"")
                .doesNotContain("Member wang", "Member li", "Member owner")
                .contains("name=\"version\" value=\"" + contact.version() + "\"");

        String saved = page(
                post(contactPath() + "/sharing")
                        .header("HX-Request", "true")
                        .param("shareUserIds", wang.memberId().toString())
                        .param("shareDeptIds", sales.id().toString())
                        .param("collaboratorIds", li.memberId().toString())
                        .param("version", String.valueOf(contact.version())),
                owner,
                status().isOk());
        assertThat(saved)
                .contains("Sharing saved.", "Member wang", "Member li", "Collaborators", "hx-swap-oob")
                .contains("Shared with");
        Contact now = contacts.get(owner, contact.id());
        assertThat(now.fields().shareUserIds()).containsExactly(wang.memberId());
        assertThat(now.fields().shareDeptIds()).containsExactly(sales.id());
        assertThat(now.fields().collaboratorIds()).containsExactly(li.memberId());

        String reopened = page(get(contactPath() + "/sharing").header("HX-Request", "true"), owner, status().isOk());
        assertThat(reopened)
                .contains("aria-label=\"Can view: Member wang\" checked", "aria-label=\"Can edit: Member li\" checked")
                .doesNotContain("aria-label=\"Can edit: Member wang\" checked", "Not shared with any member yet.");
        assertThat(page(get(contactPath()), wang, status().isOk())).contains("Shared with you.");
        assertThat(page(get(contactPath()), li, status().isOk())).contains("You collaborate on this contact.");

        // A stale version is refused with a toast, and nothing changes.
        page(
                post(contactPath() + "/sharing")
                        .header("HX-Request", "true")
                        .param("version", String.valueOf(contact.version())),
                owner,
                status().isPreconditionFailed());
        assertThat(contacts.get(owner, contact.id()).fields().shareUserIds()).containsExactly(wang.memberId());
    }

    @Test
    void aPlainMemberSeesASharedContactMaskedWithoutRevealOrSharing() throws Exception {
        Actor wang = newMember("wang", "MEMBER");
        share(Map.of("shareUserIds", List.of(wang.memberId().toString())));

        String body = page(get(contactPath()), wang, status().isOk());
        assertThat(body)
                .contains("+86 138****8000", "z***@example.cn", "Masked", "Shared with you.")
                .doesNotContain(
                        "+8613800138000", "zhangwei@example.cn", "id=\"contact-reveal\"", "id=\"contact-share\"");
        page(post(contactPath() + "/reveal").header("HX-Request", "true"), wang, status().isForbidden());
        page(get(contactPath() + "/sharing").header("HX-Request", "true"), wang, status().isForbidden());
        page(
                post(contactPath() + "/sharing")
                        .header("HX-Request", "true")
                        .param("version", String.valueOf(contact.version())),
                wang,
                status().isForbidden());
    }

    @Test
    void aManagerOfTheOwnersDepartmentRevealsTheDetailsAndTheRevealIsAudited() throws Exception {
        Actor manager = newMember("lead", "MANAGER", sales.id());
        String body = page(get(contactPath()), manager, status().isOk());
        assertThat(body)
                .contains("+86 138****8000", "id=\"contact-reveal\"", "Show the full mobile number and e-mails")
                .contains("Followed by a member of a department you oversee.")
                .doesNotContain("+8613800138000");

        String revealed = page(post(contactPath() + "/reveal").header("HX-Request", "true"), manager, status().isOk());
        assertThat(revealed)
                .contains("+8613800138000", "zhangwei@example.cn", "recorded in the audit log")
                .doesNotContain("id=\"contact-reveal\"", "****");
        Integer audited = jdbc.sql(
                        "SELECT count(*) FROM audit_event WHERE action = 'contact.revealed' AND target_id = ?")
                .param(contact.id())
                .query(Integer.class)
                .single();
        assertThat(audited).isEqualTo(1);
        String audit = page(get("/audit"), admin, status().isOk());
        assertThat(audit).contains("Contact details revealed", "Revealed fields");
    }

    @Test
    void aCollaboratorEditsAMaskedContactWithTheDetailsReadOnly() throws Exception {
        Actor li = newMember("li", "MEMBER");
        share(Map.of("collaboratorIds", List.of(li.memberId().toString())));
        String form = page(get(contactPath() + "/edit"), li, status().isOk());
        assertThat(form)
                .contains("value=\"+86 138****8000\"", "value=\"z***@example.cn\"", "cannot be changed here")
                .containsPattern("id=\"mobile\"[^>]*readonly");
    }
}
