package com.authvital.jakarta.internal.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PathSegmentsTest {

    @Test
    void leavesUnreservedCharactersAlone() {
        assertEquals("9f1c2d3e-AB_c.d~1", PathSegments.encode("9f1c2d3e-AB_c.d~1"));
    }

    @Test
    void encodesEverySeparatorSoTheValueStaysOneSegment() {
        assertEquals("..%2F..%2Flogout-all", PathSegments.encode("../../logout-all"));
        assertEquals("a%3Bb%3Fc%23d%25e%20f%2Bg", PathSegments.encode("a;b?c#d%e f+g"));
        assertEquals("%5C..%5Cx", PathSegments.encode("\\..\\x"));
    }

    @Test
    void encodesNonAsciiAsUtf8Bytes() {
        assertEquals("caf%C3%A9", PathSegments.encode("café"));
    }

    @Test
    void decodesPercentEscapesOnlyAndKeepsPlus() {
        assertEquals("../../logout-all", PathSegments.decode("..%2F..%2Flogout-all"));
        assertEquals("a+b c%", PathSegments.decode("a+b%20c%25"));
        assertEquals("café", PathSegments.decode("caf%C3%A9"));
    }

    @Test
    void decodingUndoesEncoding() {
        for (String id : new String[] {"a/b", "../x", "..;/logout-all", "50%", "%2e%2e", "x?y=1#z", "é/ü"}) {
            assertEquals(id, PathSegments.decode(PathSegments.encode(id)));
        }
    }

    @Test
    void refusesATruncatedEscape() {
        assertThrows(IllegalArgumentException.class, () -> PathSegments.decode("50%2"));
    }
}
