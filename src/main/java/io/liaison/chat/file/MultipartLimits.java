package io.liaison.chat.file;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Raises Spring's multipart limits ({@code spring.servlet.multipart.*}, which hold for every upload)
 * to at least {@code liaison.chat.max-file-size}, so that a chat file within its limit is never
 * refused by the container first; {@link FileService} holds chat files to their own limit. Read
 * from the environment rather than {@link FileSettings}: a post-processor is made before the
 * settings records are bound.
 */
@Component
class MultipartLimits implements BeanPostProcessor {

    /** Room in a request for the multipart headers around the file. */
    private static final DataSize ENVELOPE = DataSize.ofMegabytes(1);

    private final DataSize chatMax;

    MultipartLimits(Environment environment) {
        this.chatMax = Binder.get(environment)
                .bind("liaison.chat.max-file-size", DataSize.class)
                .orElse(DataSize.ofMegabytes(100));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof MultipartProperties multipart) {
            if (multipart.getMaxFileSize().toBytes() >= 0
                    && multipart.getMaxFileSize().compareTo(chatMax) < 0) {
                multipart.setMaxFileSize(chatMax);
            }
            long request = multipart.getMaxRequestSize().toBytes();
            if (request >= 0 && request < chatMax.toBytes() + ENVELOPE.toBytes()) {
                multipart.setMaxRequestSize(DataSize.ofBytes(chatMax.toBytes() + ENVELOPE.toBytes()));
            }
        }
        return bean;
    }
}
