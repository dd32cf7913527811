package io.liaison.identity;

/**
 * Where the credentials came from: the login page, HTTP Basic on the token endpoint, or the guests'
 * login page.
 */
public enum LoginChannel {
    FORM,
    BASIC,
    GUEST
}
