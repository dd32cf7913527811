package io.liaison.integration.dav.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.contact.ContactSetup;
import io.liaison.identity.Actor;
import io.liaison.identity.ApiToken;
import io.liaison.identity.TokenService;
import io.liaison.integration.dav.AddressBook;
import io.liaison.shared.web.NavigationEntry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The member's phone address book: the CardDAV address and how each client takes it, the app
 * passwords (a new one is shown once), what the book holds and its cap; administrators choose the
 * tags whose contacts every member's book also holds.
 */
@Controller
@RequestMapping("/address-book")
class AddressBookPages {

    private static final String PANEL = "integration/address-book :: passwords";

    private final AddressBook book;
    private final TokenService tokens;
    private final ContactSetup setup;

    AddressBookPages(AddressBook book, TokenService tokens, ContactSetup setup) {
        this.book = book;
        this.tokens = tokens;
        this.setup = setup;
    }

    @Bean
    static NavigationEntry addressBookEntry() {
        return new NavigationEntry("nav.addressBook", "/address-book", "phone", null, NavigationEntry.Menu.ACCOUNT, 30);
    }

    @GetMapping
    String page(Actor actor, HttpServletRequest request, Model model) {
        String server = ServletUriComponentsBuilder.fromContextPath(request)
                .replacePath(request.getContextPath())
                .build()
                .toUriString();
        model.addAttribute("server", server);
        model.addAttribute("davUrl", server + CardDavController.ROOT);
        model.addAttribute("user", actor.login());
        model.addAttribute("qualifiedUser", actor.orgCode() + "/" + actor.login());
        model.addAttribute("cap", AddressBook.CAP);
        model.addAttribute("count", book.size(actor));
        List<UUID> chosen = book.tagIds(actor.orgId());
        model.addAttribute("chosenTags", chosen);
        model.addAttribute("tagGroups", setup.tagGroups(actor));
        model.addAttribute("admin", actor.isAdmin());
        passwords(actor, model);
        return "integration/address-book";
    }

    @HxRequest
    @PostMapping("/passwords")
    String create(Actor actor, @RequestParam String name, Model model) {
        model.addAttribute("issued", tokens.create(actor, name, null, ApiToken.CARDDAV));
        passwords(actor, model);
        return PANEL;
    }

    @HxRequest
    @PostMapping("/passwords/{id}/revoke")
    String revoke(Actor actor, @PathVariable UUID id, Model model) {
        tokens.revoke(actor, id);
        model.addAttribute("notice", "addressBook.revoked");
        passwords(actor, model);
        return PANEL;
    }

    @PostMapping("/tags")
    String tags(Actor actor, @RequestParam(required = false) @Nullable List<UUID> tagIds) {
        book.saveTagIds(actor, tagIds == null ? List.of() : tagIds);
        return "redirect:/address-book?saved";
    }

    private void passwords(Actor actor, Model model) {
        model.addAttribute("passwords", tokens.list(actor, ApiToken.CARDDAV));
    }
}
