package io.liaison.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles against the code that reads them, without starting Liaison: both languages
 * have the same keys, every key the code or a template names exists, and every key is named by
 * something. A key built at run time ({@code 'scope.' + ${s}}, {@code "problem." + type +
 * ".title"}) counts as named when its prefix is written in the code or a template and the rest is a
 * value the code declares: a string literal or a constant's name.
 */
public class MessageBundleTests {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path JAVA = Path.of("src/main/java");
    static final Path TEMPLATES = RESOURCES.resolve("templates");

    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    static final Pattern TEMPLATE_LITERAL = Pattern.compile("'([^'${}#\\s]+)'");
    static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.:-]*)[}(]");
    static final Pattern CONSTANT = Pattern.compile("\\b([A-Z][A-Z0-9_]+)\\b");
    /** A word in single quotes of an SQL text, such as the reasons a query answers ({@code 'shared-member'}). */
    static final Pattern SQL_WORD = Pattern.compile("'([a-z][\\w-]*)'");

    static final Pattern KEYISH = Pattern.compile("[A-Za-z][\\w-]*(?:\\.[\\w:-]+)+\\.?");
    static final Pattern PERMISSION = Pattern.compile("new Permission\\(\\s*\"([^\"]+)\"");

    /**
     * Problem types: the literal type of a {@link LiaisonException} or of a problem built by
     * {@code Problems}, and those made of a literal ({@code notFound("tag")} is {@code
     * tag-not-found}).
     */
    static final List<Pattern> PROBLEM_TYPES = List.of(
            Pattern.compile("new LiaisonException\\(\\s*HttpStatus\\.\\w+,\\s*\"([^\"]+)\""),
            Pattern.compile("withErrors\\(\\s*HttpStatus\\.\\w+,\\s*\"([^\"]+)\""),
            Pattern.compile("problems\\.(?:of|withDetail)\\(\\s*HttpStatus\\.\\w+,\\s*\"([^\"]+)\""),
            Pattern.compile("tooLarge\\(\\s*\"([^\"]+)\""),
            Pattern.compile("\\bHttpStatus\\.\\w+, \"([a-z-]+)\"\\)"));

    static final Pattern NOT_FOUND = Pattern.compile("notFound\\(\\s*\"([^\"]+)\"");

    /** The fields a refusal names with a literal: their label is {@code field.<name up to [ or .>}. */
    static final Pattern FIELD = Pattern.compile(
            "(?:\\breject|\\binvalid|FieldError\\.of|\\brefused|\\btooMany|\\bchecked|\\batMost)\\(\\s*\"([^\"]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        for (String bundle : List.of("messages", "problems")) {
            Set<String> english = load(bundle + ".properties").stringPropertyNames();
            Set<String> chinese = load(bundle + "_zh_CN.properties").stringPropertyNames();
            assertThat(difference(english, chinese))
                    .as("keys of %s only in English", bundle)
                    .isEmpty();
            assertThat(difference(chinese, english))
                    .as("keys of %s only in Chinese", bundle)
                    .isEmpty();
        }
    }

    @Test
    void everyKeyTheCodeNamesExists() {
        Set<String> keys = keys();
        Code code = Code.read();
        Set<String> missing = new TreeSet<>();
        for (String literal : code.literals) {
            // a key of the bundles' namespaces; a permission code or a value of a built key is none
            if (KEYISH.matcher(literal).matches()
                    && !literal.endsWith(".")
                    && code.namespaces(keys).contains(literal.substring(0, literal.indexOf('.')))
                    && !code.permissions.contains(literal)
                    && code.prefixes.stream().noneMatch(p -> keys.contains(p + literal))
                    && !keys.contains(literal)) {
                missing.add(literal);
            }
        }
        code.templateKeys.stream().filter(k -> !keys.contains(k)).forEach(missing::add);
        for (String type : code.problemTypes) {
            for (String part : List.of(".title", ".detail")) {
                if (!keys.contains("problem." + type + part)) {
                    missing.add("problem." + type + part);
                }
            }
        }
        code.fields.stream()
                .map(f -> "field." + f.split("[\\[.]", 2)[0])
                .filter(k -> !keys.contains(k))
                .forEach(missing::add);
        assertThat(missing)
                .as("keys the code or a template names that no bundle has")
                .isEmpty();
    }

    @Test
    void everyKeyIsNamedBySomething() {
        Code code = Code.read();
        Set<String> unused = new TreeSet<>();
        for (String key : keys()) {
            if (!code.names(key)) {
                unused.add(key);
            }
        }
        assertThat(unused).as("keys nothing names").isEmpty();
    }

    /** The bundles as Liaison reads them, for tests of classes that say things without Spring. */
    public static MessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages", "problems");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    static Set<String> keys() {
        Set<String> keys = new HashSet<>();
        for (String bundle : List.of("messages.properties", "problems.properties")) {
            keys.addAll(load(bundle).stringPropertyNames());
        }
        return keys;
    }

    static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> only = new TreeSet<>(a);
        only.removeAll(b);
        return only;
    }

    /** What the main code and the templates write: literals, constants, prefixes of built keys. */
    record Code(
            Set<String> literals,
            Set<String> values,
            Set<String> prefixes,
            Set<String> templateKeys,
            Set<String> problemTypes,
            Set<String> fields,
            Set<String> permissions) {

        static Code read() {
            Code code = new Code(
                    new HashSet<>(),
                    new HashSet<>(),
                    new HashSet<>(),
                    new HashSet<>(),
                    new HashSet<>(),
                    new HashSet<>(),
                    new HashSet<>());
            for (Path file : files(JAVA, ".java")) {
                String text = read(file);
                Matcher literal = LITERAL.matcher(text);
                while (literal.find()) {
                    code.literals.add(literal.group(1));
                }
                SQL_WORD.matcher(text).results().forEach(m -> code.values.add(m.group(1)));
                Matcher constant = CONSTANT.matcher(text);
                while (constant.find()) {
                    code.values.add(constant.group(1));
                }
                PROBLEM_TYPES.forEach(p -> p.matcher(text).results().forEach(m -> code.problemTypes.add(m.group(1))));
                NOT_FOUND.matcher(text).results().forEach(m -> code.problemTypes.add(m.group(1) + "-not-found"));
                FIELD.matcher(text).results().forEach(m -> code.fields.add(m.group(1)));
                PERMISSION.matcher(text).results().forEach(m -> code.permissions.add(m.group(1)));
            }
            for (Path file : files(TEMPLATES, ".html")) {
                String text = read(file);
                TEMPLATE_KEY.matcher(text).results().forEach(m -> code.templateKeys.add(m.group(1)));
                TEMPLATE_LITERAL.matcher(text).results().forEach(m -> code.literals.add(m.group(1)));
            }
            code.values.addAll(code.literals);
            // an enum's constant as its name in lower case, a template's suffix ('.hint') without its dot,
            // a match key with + as the - of its message key (name+company)
            code.values.addAll(
                    code.values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
            code.values.addAll(code.values.stream()
                    .filter(v -> v.startsWith("."))
                    .map(v -> v.substring(1))
                    .toList());
            code.values.addAll(
                    code.values.stream().map(v -> v.replace('+', '-')).toList());
            code.literals.stream().filter(l -> l.endsWith(".")).forEach(code.prefixes::add);
            return code;
        }

        /** The first parts of the bundles' keys ({@code invalid}, {@code field}...). */
        Set<String> namespaces(Set<String> keys) {
            Set<String> namespaces = new HashSet<>();
            keys.forEach(k -> namespaces.add(k.substring(0, k.indexOf('.'))));
            return namespaces;
        }

        /** Whether the code or a template names the key, whole or as a prefix and a declared value. */
        boolean names(String key) {
            if (literals.contains(key) || templateKeys.contains(key)) {
                return true;
            }
            if (key.startsWith("problem.")) {
                String type = key.substring("problem.".length(), key.lastIndexOf('.'));
                // Spring and Tomcat answer these statuses; the problem names them by number
                return problemTypes.contains(type) || literals.contains(type) || type.matches("http-(\\d{3}|other)");
            }
            for (String prefix : prefixes) {
                if (key.startsWith(prefix) && value(key.substring(prefix.length()))) {
                    return true;
                }
            }
            return false;
        }

        /** A declared value, or two joined by a dot ({@code "tag-group" + "." + "created"}, {@code SELF + ".hint"}). */
        private boolean value(String rest) {
            if (values.contains(rest)) {
                return true;
            }
            int dot = rest.lastIndexOf('.');
            return dot > 0 && values.contains(rest.substring(0, dot)) && values.contains(rest.substring(dot + 1));
        }

        static List<Path> files(Path root, String suffix) {
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(p -> p.toString().endsWith(suffix)).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
