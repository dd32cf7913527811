package io.liaison.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * How Spring Session reads the attributes it stored: one written by an earlier Liaison whose classes
 * changed (such as the {@link io.liaison.identity.Actor} and its permissions) reads as absent, so
 * its member is asked to log in again instead of getting an error on every page.
 */
@Configuration(proxyBeanMethods = false)
class SessionReading {

    private static final Logger log = LoggerFactory.getLogger(SessionReading.class);

    @Bean
    ConversionService springSessionConversionService() {
        DeserializingConverter read = new DeserializingConverter(SessionReading.class.getClassLoader());
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, bytes -> {
            try {
                return read.convert(bytes);
            } catch (SerializationFailedException e) {
                log.info("A stored session attribute no longer reads ({}); its member logs in again", e.getMessage());
                return null;
            }
        });
        return conversions;
    }
}
