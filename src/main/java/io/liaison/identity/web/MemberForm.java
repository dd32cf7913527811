package io.liaison.identity.web;

import io.liaison.identity.Member;
import io.liaison.identity.MemberService;
import io.liaison.identity.NewMember;
import io.liaison.shared.MergePatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The member form of an administrator, for a new member and for changing one. */
record MemberForm(
        @Nullable String login,
        @Nullable String displayName,
        @Nullable String mobile,
        @Nullable String email,
        @Nullable String role,
        @Nullable List<UUID> departmentIds,
        @Nullable String password,
        @Nullable Long version) {

    static MemberForm empty() {
        return new MemberForm("", "", "", "", "MEMBER", List.of(), "", null);
    }

    static MemberForm of(Member m) {
        return new MemberForm(
                m.login(), m.displayName(), m.mobile(), m.email(), m.role(), m.departmentIds(), "", m.version());
    }

    public boolean inDepartment(UUID id) {
        return departmentIds != null && departmentIds.contains(id);
    }

    NewMember toNewMember() {
        return new NewMember(text(login), text(displayName), mobile, email, role, departments(), text(password));
    }

    /** Every field of the edit form; the password only when one was typed, as an empty one means "keep". */
    MergePatch toPatch() {
        Map<String, @Nullable Object> changes = new HashMap<>();
        changes.put("displayName", text(displayName));
        changes.put("mobile", blankToNull(mobile));
        changes.put("email", blankToNull(email));
        changes.put("role", role);
        changes.put("departmentIds", departments().stream().map(UUID::toString).toList());
        if (password != null && !password.isEmpty()) {
            changes.put("password", password);
        }
        return new MergePatch(changes, MemberService.PATCHABLE);
    }

    private List<UUID> departments() {
        return departmentIds == null ? List.of() : departmentIds;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
