package io.liaison.contact.web;

import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refused request on a contact page: an htmx request gets a toast in the layout's toast region, a
 * plain one the error page with the right status (a contact the member may not see is a 404).
 */
@ControllerAdvice(basePackageClasses = ContactWebErrors.class)
class ContactWebErrors {

    private final ContactFailures failures;
    private final Problems problems;

    ContactWebErrors(ContactFailures failures, Problems problems) {
        this.failures = failures;
        this.problems = problems;
    }

    @ExceptionHandler
    String refused(LiaisonException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        if (request.getHeader("HX-Request") != null) {
            // liaison.js swaps error answers that carry HX-Reswap, which htmx otherwise drops.
            response.setHeader("HX-Retarget", "#toasts");
            response.setHeader("HX-Reswap", "beforeend");
            model.addAttribute("failure", failures.of(e));
            return "layout/toast :: toast";
        }
        model.addAttribute("problem", problems.of(e, request));
        return "error";
    }
}
