package io.liaison.shared.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxMvcAutoConfiguration;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestMappingHandlerMapping;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A path with a variable ({@code /api/v1/contacts/{id}}) is matched against every mapping, and
 * Spring MVC checks each mapping's method, parameters, headers and media types (reading the request
 * through the security filters' wrappers) before its path: a fifth of a GET's CPU. This mapping
 * refuses a mapping by its path first, then checks the rest as before; htmx's conditions stay, and
 * the 405, 406 and 415 answers, which Spring MVC works out separately, do not change.
 */
@Configuration(proxyBeanMethods = false)
class PathFirstMappings {

    @Bean
    @Primary
    WebMvcRegistrations pathFirstRegistrations(HtmxMvcAutoConfiguration htmx) {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstMapping();
            }

            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return htmx.getRequestMappingHandlerAdapter();
            }

            @Override
            public ExceptionHandlerExceptionResolver getExceptionHandlerExceptionResolver() {
                return htmx.getExceptionHandlerExceptionResolver();
            }
        };
    }

    static class PathFirstMapping extends HtmxRequestMappingHandlerMapping {

        @Override
        protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths != null && paths.getMatchingCondition(request) == null) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }
    }
}
