package io.liaison.audit;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import io.liaison.identity.DepartmentCreated;
import io.liaison.shared.AuditableEvent;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** An audit row commits with its change or not at all. */
@LiaisonIntegrationTest
class AuditTransactionIntegrationTests {

    /** A department with this name makes its transaction fail just before commit, after everything ran. */
    static final String DOOMED = "Doomed department";

    static final AtomicInteger auditRowsSeenBeforeFailing = new AtomicInteger(-1);

    @TestConfiguration
    static class FailBeforeCommit {

        private final JdbcClient jdbc;

        FailBeforeCommit(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @EventListener
        void on(DepartmentCreated event) {
            if (!DOOMED.equals(event.after().get("name"))) {
                return;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    auditRowsSeenBeforeFailing.set(rows(jdbc, event));
                    throw new IllegalStateException("the change fails after its event was published");
                }
            });
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api.Org org;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
    }

    @Test
    void aChangeThatFailsAfterPublishingLeavesNoAuditRow() throws Exception {
        mvc.perform(json(post("/api/v1/departments"), org.adminToken(), "{\"name\":\"" + DOOMED + "\"}"))
                .andExpect(status().isInternalServerError());

        assertThat(auditRowsSeenBeforeFailing.get())
                .as("the audit row was written inside the transaction")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM department WHERE org_id = ?")).isZero();
        assertThat(count("SELECT count(*) FROM audit_event WHERE org_id = ? AND action = 'department.created'"))
                .isZero();
    }

    @Test
    void refusedChangesLeaveNoAuditRow() throws Exception {
        String sales = api.newDepartment(org, "Sales", null);
        Api.Person m = api.newMember(org, "MEMBER", sales);
        long before = count("SELECT count(*) FROM audit_event WHERE org_id = ?");

        // 409: the department still has a member.
        mvc.perform(as(delete("/api/v1/departments/" + sales), org.adminToken()))
                .andExpect(status().isConflict());
        // 409: the login is taken.
        mvc.perform(json(post("/api/v1/members"), org.adminToken(), """
                        {"login":"%s","displayName":"Twin","role":"MEMBER","password":"long enough password"}""".formatted(m.login())))
                .andExpect(status().isConflict());
        // 400: one valid field and one invalid field; nothing is saved.
        mvc.perform(json(patch("/api/v1/members/" + m.id()), org.adminToken(), """
                        {"displayName":"Valid","email":"not-an-email"}"""))
                .andExpect(status().isBadRequest());
        // 422: the last administrator cannot step down.
        mvc.perform(json(patch("/api/v1/members/" + org.adminId()), org.adminToken(), "{\"role\":\"MEMBER\"}"))
                .andExpect(status().isUnprocessableContent());

        assertThat(count("SELECT count(*) FROM audit_event WHERE org_id = ?")).isEqualTo(before);
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(UUID.fromString(org.id())).query(Long.class).single();
    }

    static int rows(JdbcClient jdbc, AuditableEvent event) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE org_id = ? AND action = ? AND target_id = ?")
                .params(event.orgId(), event.action(), event.targetId())
                .query(Integer.class)
                .single();
    }
}
