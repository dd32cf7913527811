package io.liaison;

import io.liaison.analytics.FiguresRebuildCommand;
import io.liaison.demo.DemoDataCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Each module's settings record ({@code @ConfigurationProperties}) is found where it lives. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LiaisonApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(DemoDataCommand.NAME)) {
            System.exit(DemoDataCommand.run(LiaisonApplication.class, args, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals(FiguresRebuildCommand.NAME)) {
            System.exit(FiguresRebuildCommand.run(LiaisonApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(LiaisonApplication.class, args);
    }
}
