package io.liaison.shared.web;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Spring MVC's parts that every module's controllers use. */
@Configuration(proxyBeanMethods = false)
class SharedWebConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<ConversionService> conversion;

    SharedWebConfiguration(@Qualifier("mvcConversionService") ObjectProvider<ConversionService> conversion) {
        this.conversion = conversion;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new QueryRecords(conversion));
    }
}
