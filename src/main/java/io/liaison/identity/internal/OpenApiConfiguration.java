package io.liaison.identity.internal;

import io.liaison.identity.Actor;
import io.liaison.identity.Caller;
import io.liaison.identity.Guest;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description: bearer tokens for every call, and the actor is not a request parameter. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Guest.class);
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI liaisonOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Liaison API")
                        .version("v1")
                        .description("External contact management. Authenticate with 'Authorization: Bearer <token>';"
                                + " get a first token with HTTP Basic on POST /api/v1/tokens."))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API token (lia_...)"))
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("Login and password; only on POST /api/v1/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
