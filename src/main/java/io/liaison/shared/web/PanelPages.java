package io.liaison.shared.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A list page whose changes go over htmx (tags, custom fields, departments): the page; its panel,
 * {@code <view> :: panel}, which htmx reads again; and the answer to a change, the panel as it is
 * now with a notice naming what changed, which {@code layout/page :: notice} shows. {@code A} is the
 * member the page is read as, resolved by the web layer like any handler parameter.
 */
public abstract class PanelPages<A> {

    private final String view;

    protected PanelPages(String view) {
        this.view = view;
    }

    /** Puts what the list shows into the model. */
    protected abstract void list(A actor, Model model);

    @GetMapping
    protected String page(A actor, Model model) {
        list(actor, model);
        return view;
    }

    @HxRequest
    @GetMapping
    protected String panel(A actor, Model model) {
        list(actor, model);
        return view + " :: panel";
    }

    /** The panel after a change: {@code notice} is the message key, {@code name} what changed. */
    protected String afterChange(A actor, Model model, String notice, String name) {
        model.addAttribute("notice", notice);
        model.addAttribute("noticeArg", name);
        return panel(actor, model);
    }
}
