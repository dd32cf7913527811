package io.liaison.shared.web;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/** Spring MVC's parts that every module's controllers use. */
@Configuration(proxyBeanMethods = false)
class SharedWebConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<ConversionService> conversion;

    SharedWebConfiguration(@Qualifier("mvcConversionService") ObjectProvider<ConversionService> conversion) {
        this.conversion = conversion;
    }

    /**
     * The files Liaison serves, each under its own path: Spring Boot's default handler for {@code /**}
     * (turned off by {@code spring.web.resources.add-mappings=false}) made every link a page writes
     * ({@code /contacts/…}) a search of the class path for a file of that name, about two thirds of
     * the CPU time of a workbench page. WebJars are named without their version.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
        registry.addResourceHandler("/favicon.svg").addResourceLocations("classpath:/static/");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new QueryRecords(conversion));
    }
}
