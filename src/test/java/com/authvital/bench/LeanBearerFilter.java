package com.authvital.bench;

import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.internal.FilterResponses;
import com.authvital.jakarta.internal.TokenValidator;
import com.authvital.jakarta.internal.ValidatedToken;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A prototype, for the load test only, of {@code AuthVitalFilter}'s path for a request with a
 * valid token, with the token extraction the breakdown suggests: the {@code Authorization} header
 * read once, the RFC 6750 b64token grammar checked by a loop instead of {@code String.matches}
 * (which compiles and runs a regex over the 1 KB token on every request). Validation, the request
 * attribute and the wrapper are the module's own. Mapped to {@code /lean/*}; answers a bare 401
 * where the module's filter would answer its full challenge.
 */
@WebFilter("/lean/*")
public class LeanBearerFilter implements Filter {

    private static final String BEARER = "Bearer ";

    @Inject
    TokenValidator validator;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : null;
        Cookie[] cookies = request.getCookies();
        if (token == null || !isB64token(token) || cookies != null && otherToken(cookies, token)) {
            ((HttpServletResponse) res).sendError(401);
            return;
        }
        ValidatedToken user;
        try {
            user = validator.validate(token);
        } catch (NotAuthenticatedException e) {
            ((HttpServletResponse) res).sendError(401);
            return;
        }
        request.setAttribute(ValidatedToken.ATTRIBUTE, user);
        chain.doFilter(FilterResponses.authenticated(request, user), res);
    }

    private static boolean otherToken(Cookie[] cookies, String token) {
        for (Cookie cookie : cookies) {
            if ("access_token".equals(cookie.getName()) && !token.equals(cookie.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** RFC 6750 §2.1: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    static boolean isB64token(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
