package bench.floor;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The floor of the benchmark (issue 17): the least a Spring Boot application of the same version
 * does to answer Liaison's contact API. Embedded Tomcat, Spring MVC, Jackson and a Hikari pool;
 * no security, sessions, transactions, observations or Liaison code. Started by the benchmark as
 * its own JVM with Liaison's flags, on the database of the Liaison it is compared with. It lies
 * outside {@code io.liaison}, so that Liaison's component scan never finds it in the tests.
 */
@ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    ErrorMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    DataSourceAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class
})
@Import(FloorController.class)
public class FloorApplication {

    /** Arguments as Spring Boot takes them: {@code --server.port}, {@code --spring.datasource.*}. */
    public static void main(String[] args) {
        new SpringApplicationBuilder(FloorApplication.class)
                // Not Liaison's application.properties, which is on the same class path.
                .properties("spring.config.name=floor", "spring.main.banner-mode=off")
                .run(args);
    }
}
