package io.liaison.shared.web;

import org.springframework.ui.Model;

/**
 * The notice a list page shows above itself after a change ("Department «Sales» created."), which
 * {@code layout/page :: notice} reads: the message key and the name of what changed.
 */
public final class Notices {

    static final String KEY = "notice";
    static final String NAME = "noticeArg";

    private Notices() {}

    /** Adds the notice to {@code model} and answers {@code view}, the list as it is now. */
    public static String shown(Model model, String key, String name, String view) {
        model.addAttribute(KEY, key);
        model.addAttribute(NAME, name);
        return view;
    }
}
