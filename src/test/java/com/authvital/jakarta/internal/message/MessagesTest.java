package com.authvital.jakarta.internal.message;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The message catalogue: one method per id, every id once with the severity letter of how it is
 * logged, and no id written anywhere else.
 */
class MessagesTest {

    /** An id of the catalogue: four digits and a severity letter (informational, warning, error). */
    private static final Pattern ID = Pattern.compile("AV\\d{4}[IWE]");
    /** An id as code might spell one, with its letter or without. */
    private static final Pattern SPELLED_ID = Pattern.compile("AV\\d{4}");
    /**
     * A log call whose message is one catalogue method, given or supplied:
     * {@code LOG.log(Level.WARNING, Messages.keyFetchFailed(...))} or
     * {@code .log(System.Logger.Level.DEBUG, () -> Messages.refreshRefusedLog(...))}.
     */
    private static final Pattern LOGGED = Pattern.compile(
            "\\.log\\(\\s*(?:System\\.Logger\\.)?Level\\.(\\w+)\\s*,\\s*(?:\\(\\)\\s*->\\s*)?Messages\\.(\\w+)\\(");
    private static final Path BASE = Path.of(System.getProperty("basedir", "."));
    private static final Path SOURCES = BASE.resolve(Path.of("src", "main", "java"));
    private static final Path DOCUMENTED = BASE.resolve(Path.of("docs", "messages.md"));

    /** Each catalogue method's id, from the text it gives for sample arguments. */
    static Map<String, String> idsByMethod() throws Exception {
        Map<String, String> ids = new TreeMap<>();
        for (Method method : Messages.class.getDeclaredMethods()) {
            if (!Modifier.isStatic(method.getModifiers()) || method.isSynthetic()) {
                continue;
            }
            Object[] args = Stream.of(method.getParameterTypes()).map(MessagesTest::sample).toArray();
            String text = (String) method.invoke(null, args);
            Matcher id = Pattern.compile("^(" + ID.pattern() + "): \\S").matcher(text);
            assertTrue(id.find(), method.getName() + " gives no 'AVnnnnX: ' text (X: I, W or E): " + text);
            ids.put(method.getName(), id.group(1));
        }
        return ids;
    }

    private static Object sample(Class<?> type) {
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == List.class) {
            return List.of("a problem");
        }
        return "x";
    }

    @Test
    void everyIdBelongsToOneMethod() throws Exception {
        Map<String, String> ids = idsByMethod();

        List<String> repeated = ids.values().stream().filter(id -> ids.values().stream().filter(id::equals).count() > 1)
                .distinct().toList();
        assertEquals(List.of(), repeated, "ids used by more than one method: " + ids);
        assertTrue(ids.size() >= 30, "the catalogue holds every message: " + ids);
    }

    /** An id in any other class would be a second text for it, or an id the catalogue does not know. */
    @Test
    void noSourceOutsideTheCatalogueWritesAnId() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")
                    && !f.getFileName().toString().equals("Messages.java")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).strip();
                    // Javadoc and comments may name an id; code may not spell one.
                    if (!code.startsWith("*") && !code.startsWith("//") && !code.startsWith("/*")
                            && code.contains("\"") && SPELLED_ID.matcher(code).find()) {
                        found.add(SOURCES.relativize(file) + ":" + (i + 1) + ": " + code);
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /**
     * A logged message carries the letter of the highest level it is logged at: I for INFO (and
     * for FINE, where a message logged at FINE only is one), W for WARNING, E for ERROR. Checked
     * where the log call names the catalogue method itself at a fixed level; a message passed on
     * in a variable or a supplier first, or logged at a level chosen at run time (AV0007, AV1207,
     * AV1215, AV1216, AV1217, AV1501, AV1512), is left to docs/messages.md.
     */
    @Test
    void aLoggedIdCarriesTheLetterOfItsLevel() throws Exception {
        Map<String, String> ids = idsByMethod();
        Map<String, System.Logger.Level> highest = new TreeMap<>();
        Map<String, List<String>> calls = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher call = LOGGED.matcher(source);
                while (call.find()) {
                    String method = call.group(2);
                    String at = SOURCES.relativize(file) + ":" + source.substring(0, call.start()).lines().count();
                    assertTrue(ids.containsKey(method), at + " logs Messages." + method + ", not a catalogue message");
                    System.Logger.Level level = System.Logger.Level.valueOf(call.group(1));
                    highest.merge(method, level, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                    calls.computeIfAbsent(method, m -> new ArrayList<>()).add(level + " at " + at);
                }
            }
        }

        List<String> wrong = new ArrayList<>();
        highest.forEach((method, level) -> {
            String id = ids.get(method);
            char letter = level.compareTo(System.Logger.Level.INFO) <= 0 ? 'I'
                    : level == System.Logger.Level.WARNING ? 'W' : 'E';
            if (id.charAt(id.length() - 1) != letter) {
                wrong.add(id + " (" + method + ") should end in " + letter + ": logged " + calls.get(method));
            }
        });
        assertEquals(List.of(), wrong);
        assertTrue(highest.size() >= 15, "the scan finds the module's log calls: " + calls);
    }

    /** docs/messages.md has a section for every id and none for an id the module no longer has. */
    @Test
    void theDocumentedIdsAreTheCataloguesIds() throws Exception {
        Set<String> documented = new TreeSet<>();
        Matcher heading = Pattern.compile("(?m)^### (" + ID.pattern() + "): ")
                .matcher(Files.readString(DOCUMENTED, StandardCharsets.UTF_8));
        while (heading.find()) {
            documented.add(heading.group(1));
        }

        assertEquals(new TreeSet<>(idsByMethod().values()), documented);
    }
}
