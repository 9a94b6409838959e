package com.authvital.jakarta.internal.config;

import com.authvital.jakarta.internal.message.ConfigKeys;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/configuration.md documents exactly the keys the module reads, each once. */
class ConfigurationDocsTest {

    private static final Path DOCUMENTED = Path.of(System.getProperty("basedir", "."), "docs", "configuration.md");

    @Test
    void theDocumentedTableListsEveryKeyOnce() throws Exception {
        Set<String> keys = new TreeSet<>();
        for (Field field : ConfigKeys.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers())
                    && field.getType() == String.class) {
                keys.add((String) field.get(null));
            }
        }
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(Files.readString(DOCUMENTED, StandardCharsets.UTF_8));
        while (row.find()) {
            rows.add(row.group(1));
        }

        assertEquals(rows.size(), new TreeSet<>(rows).size(), "a key documented twice: " + rows);
        assertEquals(keys, new TreeSet<>(rows));
    }
}
