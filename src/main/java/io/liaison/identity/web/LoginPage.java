package io.liaison.identity.web;

import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; Spring Security handles its POST and sends failures back here with a reason. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(@Nullable Principal principal) {
        return principal == null ? "identity/login" : "redirect:/";
    }
}
