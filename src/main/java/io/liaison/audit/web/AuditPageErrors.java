package io.liaison.audit.web;

import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ProblemDetail;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refused request on the audit page: a filter change over htmx gets a toast in the layout's toast
 * region, a plain request (a member who is no administrator) the error page with its status.
 */
@ControllerAdvice(basePackageClasses = AuditPageErrors.class)
class AuditPageErrors {

    private final Problems problems;

    AuditPageErrors(Problems problems) {
        this.problems = problems;
    }

    /** What the layout's toast fragment shows. */
    record Refusal(String title, String detail) {}

    @ExceptionHandler
    String refused(LiaisonException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        ProblemDetail problem = problems.of(e, request);
        if (request.getHeader("HX-Request") != null) {
            // liaison.js swaps error answers that carry HX-Reswap, which htmx otherwise drops.
            response.setHeader("HX-Retarget", "#toasts");
            response.setHeader("HX-Reswap", "beforeend");
            model.addAttribute(
                    "failure", new Refusal(String.valueOf(problem.getTitle()), String.valueOf(problem.getDetail())));
            return "layout/toast :: toast";
        }
        model.addAttribute("problem", problem);
        return "error";
    }
}
