package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a plain form post answers (members, roles, contacts): a change the service accepts flashes a
 * notice naming what it saved and redirects; one it refuses answers the form again, with the
 * refusal's status, so that the member sees why at the fields or above the form.
 */
public final class FormPosts {

    /** What a change saved: the name its notice shows and the path of the page to go to. */
    public record Saved(String name, String path) {}

    private FormPosts() {}

    /**
     * Makes {@code change}; flashes {@code notice} with the saved name and redirects to its path. When
     * the service refuses, sets the refusal's status and answers what {@code refused} answers for it.
     */
    public static String save(
            Supplier<Saved> change,
            String notice,
            RedirectAttributes flash,
            HttpServletResponse response,
            Function<LiaisonException, String> refused) {
        Saved saved;
        try {
            saved = change.get();
        } catch (LiaisonException e) {
            response.setStatus(e.status().value());
            return refused.apply(e);
        }
        flash.addFlashAttribute("notice", notice);
        flash.addFlashAttribute("noticeArg", saved.name());
        return "redirect:" + saved.path();
    }
}
