package io.liaison.shared.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its own rules for names and values, checked by a loop over
 * the code points instead of its regular expressions: header and parameter names, and header values,
 * must be assigned Unicode characters that are not control characters (a tab is allowed in a header
 * value); parameter values are not checked. The firewall checks a name each time it is read, and
 * binding the list filters reads each name several times: the expressions cost 15 % of a list
 * request's CPU. Besides the usual methods it lets through those of WebDAV that the CardDAV address
 * book answers (PROPFIND, REPORT; PROPPATCH, MKCOL, COPY, MOVE, LOCK and UNLOCK to refuse them).
 */
@Configuration(proxyBeanMethods = false)
class Firewall {

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(name -> printable(name, false));
        firewall.setAllowedHeaderValues(value -> printable(value, true));
        firewall.setAllowedParameterNames(name -> printable(name, false));
        firewall.setAllowedHttpMethods(List.of(
                "DELETE",
                "GET",
                "HEAD",
                "OPTIONS",
                "PATCH",
                "POST",
                "PUT",
                "PROPFIND",
                "REPORT",
                "PROPPATCH",
                "MKCOL",
                "COPY",
                "MOVE",
                "LOCK",
                "UNLOCK"));
        return firewall;
    }

    /** Whether every code point is assigned and none is a control character, except a tab when allowed. */
    static boolean printable(String text, boolean tab) {
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c < 0x7f) {
                if (c < 0x20 && !(tab && c == '\t')) {
                    return false;
                }
                i++;
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
