package io.liaison.identity;

/**
 * Where the credentials came from: the login page, HTTP Basic on the token endpoint, or the guests'
 * login page, or an app password on CardDAV.
 */
public enum LoginChannel {
    FORM,
    BASIC,
    GUEST,
    CARDDAV
}
