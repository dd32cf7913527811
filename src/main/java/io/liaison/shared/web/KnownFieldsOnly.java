package io.liaison.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request record whose body may name only its own fields: any other is answered with a 400 that
 * names it, so that a misspelt field of a change is not silently left unchanged. Bodies without it
 * ignore fields they do not know ({@link StrictJson}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface KnownFieldsOnly {}
