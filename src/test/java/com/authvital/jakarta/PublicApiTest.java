package com.authvital.jakarta;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A user reads the public package alone: nothing public in it takes or gives an internal type; and
 * the services a user's code calls are interfaces a unit test fakes by implementing a few methods.
 */
class PublicApiTest {

    private static final String INTERNAL = "com.authvital.jakarta.internal";
    private static final Path API = Path.of(System.getProperty("basedir", "."), "src", "main", "java", "com",
            "authvital", "jakarta");

    @Test
    void noPublicMemberOfThePublicPackageUsesAnInternalType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicTypes()) {
            for (Field field : type.getDeclaredFields()) {
                check(leaks, field, field.getGenericType());
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                checkExecutable(leaks, constructor);
            }
            for (Method method : type.getDeclaredMethods()) {
                checkExecutable(leaks, method);
                check(leaks, method, method.getGenericReturnType());
            }
        }
        assertEquals(List.of(), leaks);
    }

    /** What a fake must implement: the forms that take a response (and logout); the short forms are defaults. */
    @Test
    void theServicesAreInterfacesWithFewAbstractMethods() {
        assertEquals(List.of("list", "logout", "revoke", "revokeAll", "revokeOthers"), abstractMethods(AuthVitalSessions.class));
        assertEquals(List.of("clear", "setTokens"), abstractMethods(AuthVitalCookies.class));
    }

    /** One vocabulary, the SDK's: list, revoke, revokeAll, revokeOthers, logout. */
    @Test
    void theSessionsServiceSpeaksTheSdksVocabulary() {
        assertEquals(List.of("list", "logout", "revoke", "revokeAll", "revokeOthers"),
                Stream.of(AuthVitalSessions.class.getMethods()).map(Method::getName).distinct().sorted().toList());
    }

    private static List<String> abstractMethods(Class<?> type) {
        assertEquals(true, type.isInterface(), type + " is an interface");
        return Stream.of(type.getMethods()).filter(m -> Modifier.isAbstract(m.getModifiers()))
                .map(Method::getName).sorted().toList();
    }

    private static void checkExecutable(List<String> leaks, Executable executable) {
        for (Type parameter : executable.getGenericParameterTypes()) {
            check(leaks, executable, parameter);
        }
    }

    /** Public or protected members only: package-private ones are the module's own wiring. */
    private static void check(List<String> leaks, Member member, Type type) {
        int modifiers = member.getModifiers();
        if ((Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) && !member.isSynthetic()
                && type.getTypeName().contains(INTERNAL + ".")) {
            leaks.add(member.getDeclaringClass().getSimpleName() + "." + member.getName() + ": " + type.getTypeName());
        }
    }

    private static List<Class<?>> publicTypes() throws IOException, ClassNotFoundException {
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(API)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")
                    && !f.getFileName().toString().equals("package-info.java")).toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                Class<?> type = Class.forName("com.authvital.jakarta." + name);
                if (Modifier.isPublic(type.getModifiers())) {
                    types.add(type);
                }
            }
        }
        return types;
    }
}
