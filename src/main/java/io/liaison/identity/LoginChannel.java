package io.liaison.identity;

/** Where the credentials came from: the login page, or HTTP Basic on the token endpoint. */
public enum LoginChannel {
    FORM,
    BASIC
}
