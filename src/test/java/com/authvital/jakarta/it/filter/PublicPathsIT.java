package com.authvital.jakarta.it.filter;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.AdminResource;
import com.authvital.jakarta.it.app.PathsApplication;
import com.authvital.jakarta.it.app.PublicResources;
import com.authvital.testing.Deployments;
import com.authvital.testing.RawHttp;
import com.authvital.testing.RawHttp.Answer;
import com.authvital.testing.StandInClient;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * No spelling of a path, sent without a token, turns a public pattern into a way to the protected
 * JAX-RS resource tree {@code /api/admin}: path parameters, {@code .} and {@code ..} segments,
 * their encoded forms, doubled slashes, trailing dots and other letter case, around an exact, a
 * prefix and an extension pattern. Each request line is sent as written, over a socket. (Open
 * Liberty resolves dot segments for the servlet path, JAX-RS matches the URI as sent: the filter
 * must not call public what the container resolves to a public path.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicPathsIT {

    /** Whatever the container or the filter answers a refused path with; never the resource. */
    private static final Set<Integer> REFUSED = Set.of(400, 401, 404);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("public-paths", Map.of(
                        "authvital.filter.url-patterns", "/api/*",
                        "authvital.filter.public-paths", "/api/health, /api/public/*, *.css"),
                PathsApplication.class, AdminResource.class, PublicResources.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    /** The protected resource answers a valid token, so the tests below would see it if it ran. */
    @Test
    void theProtectedResourceAnswersAValidToken() {
        Answer admin = RawHttp.get(app, "api/admin", "Authorization", "Bearer " + idp.newUser().accessToken());

        assertEquals(200, admin.status(), admin.body());
        assertEquals(AdminResource.EXECUTED, admin.body());
    }

    /** Without a token the protected resource answers 401 and does not run. */
    @Test
    void theProtectedResourceAnswers401WithoutAToken() {
        Answer admin = RawHttp.get(app, "api/admin");

        assertEquals(401, admin.status(), admin.body());
        assertFalse(admin.body().contains(AdminResource.EXECUTED));
    }

    /** Each kind of public pattern still lets its resource answer without a token, path parameters ignored. */
    @Test
    void thePublicResourcesAnswerWithoutAToken() {
        assertAll(Map.of(
                        "api/health", "public: health",
                        "api/health;jsessionid=0123", "public: health",
                        "api/public/info", "public: info",
                        "api/public;v=1/info", "public: info",
                        "api/site.css", "public: site.css").entrySet().stream()
                .map(path -> (Executable) () -> {
                    Answer answer = RawHttp.get(app, path.getKey());
                    assertEquals(200, answer.status(), path.getKey() + ": " + answer.body());
                    assertEquals(path.getValue(), answer.body(), path.getKey());
                }));
    }

    /** No spelling that names the exact public path '/api/health' reaches the protected resource without a token. */
    @Test
    void noSpellingOfTheExactPublicPathReachesTheProtectedResource() {
        assertNeverReachTheProtectedResource(List.of(
                // dot segments, which the container resolves and JAX-RS does not
                "api/admin/../health",
                "api/admin/./../health",
                "api/admin/x/../../health",
                "api/admin/.././health",
                "api/admin/../health/.",
                "api/health/../admin",
                "api/health/./../admin",
                // path parameters
                "api/admin;/../health",
                "api/admin;health",
                "api/admin;/api/health",
                "api/health;/../admin",
                "api/health/..;/admin",
                "api/health;x=1/..;y=2/admin",
                "api/health/.;/..;/admin",
                "api/admin/..;/health",
                // encoded dots, slashes and backslashes
                "api/admin/%2e%2e/health",
                "api/admin/%2E%2E/health",
                "api/admin/.%2e/health",
                "api/health/%2e%2e/admin",
                "api/health/%2E%2E/admin",
                "api/health/%2e%2e;/admin",
                "api/health/..%2fadmin",
                "api/health%2f..%2fadmin",
                "api/health%2F..%2Fadmin",
                "api/health/..%5cadmin",
                "api/health\\..\\admin",
                // doubled slashes
                "api/admin//../health",
                "api/admin/..//health",
                "api/health//../admin",
                // trailing dots
                "api/admin/../health.",
                "api/health./../admin",
                "api/health/../admin.",
                // other letter case
                "api/admin/../HEALTH",
                "api/Admin/../health",
                "API/admin/../health",
                "api/HEALTH/../admin",
                "api/health/../ADMIN"));
    }

    /** No spelling of a path under the public prefix '/api/public/*' reaches the protected resource without a token. */
    @Test
    void noSpellingUnderThePublicPrefixReachesTheProtectedResource() {
        assertNeverReachTheProtectedResource(List.of(
                // dot segments
                "api/admin/../public/info",
                "api/admin/./../public/info",
                "api/admin/x/../../public/info",
                "api/admin/../public",
                "api/admin/../public/",
                "api/admin/../public/./info",
                "api/public/../admin",
                "api/public/./../admin",
                "api/public/x/../../admin",
                "api/public/..",
                // path parameters
                "api/admin;/../public/info",
                "api/admin;/public/info",
                "api/admin/..;/public/info",
                "api/public;/../admin",
                "api/public/..;/admin",
                "api/public;x=1/..;y=2/admin",
                "api/public/.;/..;/admin",
                "api/public/x;/../../admin",
                "api/public/x/..;/..;/admin",
                // encoded dots, slashes and backslashes
                "api/admin/%2e%2e/public/info",
                "api/public/%2e%2e/admin",
                "api/public/%2E%2E/admin",
                "api/public/.%2e/admin",
                "api/public/%2e%2e;/admin",
                "api/public/%2e%2e%2fadmin",
                "api/public/..%2fadmin",
                "api/public%2f..%2fadmin",
                "api/public%2F..%2Fadmin",
                "api/public/..%5cadmin",
                "api/public\\..\\admin",
                // doubled slashes
                "api/admin//../public/info",
                "api/public//../admin",
                "api/public/..//admin",
                // trailing dots
                "api/admin/../public/info.",
                "api/public/../admin.",
                "api/public./../admin",
                // other letter case
                "api/admin/../PUBLIC/info",
                "API/public/../admin",
                "api/PUBLIC/../admin",
                "api/public/../ADMIN"));
    }

    /** No spelling that ends in the public extension '*.css' reaches the protected resource without a token. */
    @Test
    void noSpellingWithThePublicExtensionReachesTheProtectedResource() {
        assertNeverReachTheProtectedResource(List.of(
                // path parameters, the review's own example first
                "api/admin;.css",
                "api/admin;x.css",
                "api/admin;jsessionid=0123.css",
                "api/admin;a=b;c=.css",
                "api/admin/;.css",
                "api/admin;/../site.css",
                "api/admin;.css/../site.css",
                "api/admin/.;.css",
                "api/admin/x/..;.css",
                // dot segments
                "api/admin/../site.css",
                "api/admin/./../site.css",
                "api/admin/x/../../site.css",
                "api/admin/../site.css/.",
                "api/admin/x.css/..",
                // encoded dots, slashes, semicolons and backslashes
                "api/admin/%2e%2e/site.css",
                "api/admin/x/%2e%2e;.css",
                "api/admin/x/%2E%2E;.css",
                "api/admin/x.css/%2e%2e",
                "api/admin/x.css/%2E%2E",
                "api/admin%3b.css",
                "api/admin%3B.css",
                "api/admin%2f;.css",
                "api/admin\\;.css",
                // doubled slashes
                "api/admin//../site.css",
                "api/admin//;.css",
                // trailing dots
                "api/admin;.css.",
                "api/admin.;.css",
                "api/admin/../site.css.",
                // other letter case
                "api/admin/../SITE.css",
                "api/admin/../site.CSS",
                "api/admin;.CSS",
                "api/ADMIN;.css",
                "API/admin;.css"));
    }

    private void assertNeverReachTheProtectedResource(List<String> targets) {
        assertAll(targets.stream().map(target -> (Executable) () -> {
            Answer answer = RawHttp.get(app, target);
            assertFalse(answer.body().contains(AdminResource.EXECUTED),
                    "GET " + target + " without a token ran the protected resource: " + answer.status());
            assertTrue(REFUSED.contains(answer.status()),
                    "GET " + target + " answered " + answer.status() + ": " + answer.body());
        }));
    }
}
