package io.liaison.integration;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** Imports a CSV file through the API to its end, for tests of other packages, which cannot see the runner. */
public final class ImportJobs {

    private ImportJobs() {}

    /** Runs the import of {@code csv} as the token's member; answers the job as JSON. */
    public static String importCsv(MockMvc mvc, ApplicationContext context, String token, String csv) throws Exception {
        return new Imports(mvc, context.getBean(ImportRunner.class))
                .importFile(token, "contacts.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
