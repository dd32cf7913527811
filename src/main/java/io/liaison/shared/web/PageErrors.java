package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refused change on any page: an htmx request gets a toast appended to the layout's toast region
 * (whatever element it targeted), a plain request the error page with the right status. Forms that
 * show field errors catch the exception themselves and render the form again. REST controllers are
 * controllers too; {@link ApiExceptionHandler} comes first for them.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private final PageFailures failures;
    private final Problems problems;

    PageErrors(PageFailures failures, Problems problems) {
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
