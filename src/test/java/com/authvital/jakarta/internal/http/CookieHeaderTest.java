package com.authvital.jakarta.internal.http;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a {@code Cookie} header is read: every pair of the name, as sent. */
class CookieHeaderTest {

    private static List<String> values(String header, String name) {
        List<String> values = new ArrayList<>();
        CookieHeader.scan(header, name, values::add);
        return values;
    }

    @Test
    void everyValueOfTheNameInOrderDuplicatesIncluded() {
        assertEquals(List.of("a.b.c", "d.e.f"), values("refresh_token=a.b.c; other=x; refresh_token=d.e.f", "refresh_token"));
    }

    @Test
    void aNameThatOnlyStartsOrEndsLikeItIsAnotherCookie() {
        assertEquals(List.of(), values("my_refresh_token=a; refresh_token_old=b; refresh_tokens=c", "refresh_token"));
    }

    @Test
    void spacesAroundNamesAndValuesAndQuotesAreNotPartOfTheValue() {
        assertEquals(List.of("a.b.c", "d", ""), values(" refresh_token = a.b.c ;refresh_token=\"d\";refresh_token=", "refresh_token"));
    }

    @Test
    void aPairWithoutEqualsSignsNamesNothing() {
        assertEquals(List.of("v"), values("refresh_token; junk;; refresh_token=v", "refresh_token"));
    }
}
