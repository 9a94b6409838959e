package com.authvital.testing;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written fakes of the servlet request and response for unit tests of the classes that
 * decide: a request of a path, parameters, headers and cookies on {@code http://app.example.com},
 * a response that records its status, headers and body. Made with {@link Proxy} so that they
 * implement only what the code under test calls; anything else fails the test loudly.
 */
public final class ServletFakes {

    private ServletFakes() {
    }

    /** A GET of {@code /app/callback} with these parameters, headers (name, value…) and cookies. */
    public static HttpServletRequest request(Map<String, String> parameters, List<Cookie> cookies, String... headers) {
        Map<String, String> byName = new LinkedHashMap<>();
        if (!cookies.isEmpty()) {
            byName.put("cookie", cookieHeader(cookies)); // as a browser sends them; a "Cookie" header given wins
        }
        for (int i = 0; i < headers.length; i += 2) {
            byName.put(headers[i].toLowerCase(), headers[i + 1]);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "GET";
                    case "getScheme" -> "http";
                    case "getServerName" -> "app.example.com";
                    case "getServerPort" -> 80;
                    case "isSecure" -> false;
                    case "getContextPath" -> "/app";
                    case "getServletPath" -> "/callback";
                    case "getPathInfo" -> null;
                    case "getRequestURI" -> "/app/callback";
                    case "getQueryString" -> null;
                    case "getRemoteAddr" -> "192.0.2.1";
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getHeader" -> byName.get(((String) args[0]).toLowerCase());
                    case "getHeaders" -> Collections.enumeration(byName.containsKey(((String) args[0]).toLowerCase())
                            ? List.of(byName.get(((String) args[0]).toLowerCase())) : List.of());
                    case "getCookies" -> cookies.isEmpty() ? null : cookies.toArray(Cookie[]::new);
                    case "getSession" -> null;
                    case "getAttribute" -> null;
                    case "toString" -> "fake request";
                    default -> throw new UnsupportedOperationException("the fake request has no " + method.getName());
                });
    }

    /** The {@code Cookie} header a browser sends for these cookies (RFC 6265 §4.2.1). */
    private static String cookieHeader(List<Cookie> cookies) {
        StringBuilder header = new StringBuilder();
        for (Cookie cookie : cookies) {
            header.append(header.isEmpty() ? "" : "; ").append(cookie.getName()).append('=').append(cookie.getValue());
        }
        return header.toString();
    }

    /** What a fake response was given. */
    public static final class Recorded {
        public int status = 200;
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        public final StringWriter body = new StringWriter();

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of());
        }

        public String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }
    }

    /** A response that records into {@code recorded}. */
    public static HttpServletResponse response(Recorded recorded) {
        PrintWriter writer = new PrintWriter(recorded.body, true);
        return (HttpServletResponse) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> recorded.status = (Integer) args[0];
                        case "getStatus" -> {
                            return recorded.status;
                        }
                        case "setHeader" -> {
                            List<String> values = new ArrayList<>();
                            if (args[1] != null) {
                                values.add((String) args[1]);
                            }
                            recorded.headers.put(((String) args[0]).toLowerCase(), values);
                        }
                        case "addHeader" -> recorded.headers.computeIfAbsent(((String) args[0]).toLowerCase(),
                                name -> new ArrayList<>()).add((String) args[1]);
                        case "getHeaders" -> {
                            return new ArrayList<>(recorded.headers((String) args[0]));
                        }
                        case "getHeader" -> {
                            return recorded.header((String) args[0]);
                        }
                        case "containsHeader" -> {
                            return !recorded.headers((String) args[0]).isEmpty();
                        }
                        case "addCookie" -> recorded.headers.computeIfAbsent("set-cookie", name -> new ArrayList<>())
                                .add(((Cookie) args[0]).getName() + "=" + ((Cookie) args[0]).getValue());
                        case "setContentType" -> recorded.headers.put("content-type", List.of((String) args[0]));
                        case "setCharacterEncoding" -> {
                            // recorded with the content type well enough for these tests
                        }
                        case "getWriter" -> {
                            return writer;
                        }
                        case "toString" -> {
                            return "fake response";
                        }
                        default -> throw new UnsupportedOperationException("the fake response has no " + method.getName());
                    }
                    return null;
                });
    }
    /**
     * A request of {@code method} to {@code path} in the application {@code /app} on
     * {@code http://app.example.com}, to be given headers and cookies; it keeps the attributes set on it.
     */
    public static RequestBuilder to(String method, String path) {
        return new RequestBuilder(method, path);
    }

    /** A request under construction: see {@link #to}. */
    public static final class RequestBuilder {
        private final String method;
        private final String path;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final List<Cookie> cookies = new ArrayList<>();

        private RequestBuilder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** One more value of this header. */
        public RequestBuilder header(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(), key -> new ArrayList<>()).add(value);
            return this;
        }

        /** One more cookie. */
        public RequestBuilder cookie(String name, String value) {
            cookies.add(new Cookie(name, value));
            return this;
        }

        /** The request, with an empty map of attributes of its own. */
        public HttpServletRequest build() {
            Map<String, Object> attributes = new LinkedHashMap<>();
            if (!cookies.isEmpty() && !headers.containsKey("cookie")) {
                headers.put("cookie", List.of(cookieHeader(cookies))); // as a browser sends them
            }
            return (HttpServletRequest) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, call, args) -> switch (call.getName()) {
                        case "getMethod" -> method;
                        case "getScheme" -> "http";
                        case "getServerName" -> "app.example.com";
                        case "getServerPort" -> 80;
                        case "isSecure" -> false;
                        case "getContextPath" -> "/app";
                        case "getServletPath" -> path;
                        case "getPathInfo" -> null;
                        case "getRequestURI" -> "/app" + path;
                        case "getQueryString" -> null;
                        case "getRemoteAddr" -> "192.0.2.1";
                        case "getParameter" -> null;
                        case "getHeader" -> headers.getOrDefault(((String) args[0]).toLowerCase(), List.of()).stream()
                                .findFirst().orElse(null);
                        case "getHeaders" -> Collections.enumeration(
                                headers.getOrDefault(((String) args[0]).toLowerCase(), List.of()));
                        case "getCookies" -> cookies.isEmpty() ? null : cookies.toArray(Cookie[]::new);
                        case "getSession" -> null;
                        case "getUserPrincipal", "getRemoteUser", "getAuthType" -> null; // no container login
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> {
                            attributes.put((String) args[0], args[1]);
                            yield null;
                        }
                        case "removeAttribute" -> attributes.remove((String) args[0]);
                        case "toString" -> "fake " + method + " " + path;
                        default -> throw new UnsupportedOperationException("the fake request has no " + call.getName());
                    });
        }
    }
}
