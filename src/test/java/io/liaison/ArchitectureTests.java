package io.liaison;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.liaison");

    @Test
    void controllersArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(CLASSES);
    }

    @Test
    void repositoriesArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(Repository.class)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(CLASSES);
    }

    @Test
    void onlySpringTransactionsAreUsed() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.transaction.Transactional")
                .check(CLASSES);
    }

    @Test
    void restControllersDoNotServePagesAndPageControllersDoNotServeTheApi() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .resideInAPackage("..api..")
                .check(CLASSES);
    }

    /**
     * A type a repository reads or writes is a top-level type of its module, never a record nested
     * in a service, so that no dependency between files runs back up from the repository to the
     * service that calls it.
     */
    @Test
    void repositoriesDoNotDependOnTypesNestedInServices() {
        noClasses()
                .that()
                .haveNameMatching(".*Repository(\\$.*)?")
                .should()
                .dependOnClassesThat(NESTED_IN_A_SERVICE)
                .check(CLASSES);
    }

    /**
     * The search index is contact's own business: an import hands contact its rows, and contact
     * keeps the search keys and statistics of what it stored.
     */
    @Test
    void integrationDoesNotReachIntoContactSearch() {
        noClasses()
                .that()
                .resideInAPackage("io.liaison.integration..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.liaison.contact.search..")
                .check(CLASSES);
    }

    /** Files stay small enough to read in one sitting; a longer one is split by responsibility. */
    @Test
    void noMainSourceFileExceedsFourHundredLines() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(sources)) {
            tooLong = files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> Map.entry(sources.relativize(f).toString(), lines(f)))
                    .filter(e -> e.getValue() > MAX_LINES)
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " (" + e.getValue() + " lines)")
                    .toList();
        }
        assertThat(tooLong).as("main source files over %d lines", MAX_LINES).isEmpty();
    }

    static final int MAX_LINES = 400;

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final DescribedPredicate<JavaClass> NESTED_IN_A_SERVICE =
            new DescribedPredicate<>("are nested in a class whose name ends in Service") {
                @Override
                public boolean test(JavaClass type) {
                    Optional<JavaClass> enclosing = type.getEnclosingClass();
                    while (enclosing.isPresent()) {
                        if (enclosing.get().getSimpleName().endsWith("Service")) {
                            return true;
                        }
                        enclosing = enclosing.get().getEnclosingClass();
                    }
                    return false;
                }
            };
}
