package com.authvital.bench;

import com.authvital.jakarta.internal.AuthVitalConfig;
import com.authvital.testing.Deployments;
import java.util.HashMap;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The benchmark's WARs, {@link HelloServlet} in each. The module's two are built with the
 * tests' deployment factory (the module as a jar in {@code WEB-INF/lib}, as users ship it), the
 * filter mapped by the module itself from {@code authvital.filter.url-patterns}:
 * {@link #module} at {@code /bench} (also {@link ListComparisonServlet} and, for the
 * diagnosis, {@link PassThroughFilter}) and {@link #moduleWithoutTokenCache} at
 * {@code /bench-nocache}. {@link #mpJwt} at {@code /bench-mpjwt} holds no module: Liberty's
 * {@code mpJwt-2.1} protects it ({@code liberty/bench/server.xml}).
 */
final class BenchWar {

    /** The client id of the benchmark's tokens: their audience, also for mpJwt. */
    static final String CLIENT_ID = "authvital-bench";

    /** The file names, as {@code liberty/bench/server.xml} deploys them from {@code bench.dir}. */
    static final String MODULE = "authvital-bench";
    static final String MODULE_WITHOUT_CACHE = "authvital-bench-nocache";
    static final String MP_JWT = "authvital-bench-mpjwt";

    private BenchWar() {
    }

    /**
     * The module pointed at the IdP at {@code idpBaseUrl}, its token cache at the default size,
     * or at {@code tokenCacheSize} when that is not blank.
     */
    static WebArchive module(String idpBaseUrl, String tokenCacheSize) {
        Map<String, String> config = new HashMap<>(Map.of(
                AuthVitalConfig.HOST, idpBaseUrl,
                AuthVitalConfig.CLIENT_ID, CLIENT_ID,
                AuthVitalConfig.FILTER_URL_PATTERNS, "/protected/*"));
        if (!tokenCacheSize.isBlank()) {
            config.put(AuthVitalConfig.TOKEN_CACHE_SIZE, tokenCacheSize);
        }
        return Deployments.app(MODULE, config,
                HelloServlet.class, PrincipalServlet.class, PassThroughFilter.class, ListComparisonServlet.class);
    }

    /** The same without the token cache: every request parses and verifies its token. */
    static WebArchive moduleWithoutTokenCache(String idpBaseUrl) {
        return Deployments.app(MODULE_WITHOUT_CACHE, Map.of(
                        AuthVitalConfig.HOST, idpBaseUrl,
                        AuthVitalConfig.CLIENT_ID, CLIENT_ID,
                        AuthVitalConfig.FILTER_URL_PATTERNS, "/protected/*",
                        AuthVitalConfig.TOKEN_CACHE_SIZE, "0"),
                HelloServlet.class, PrincipalServlet.class);
    }

    /**
     * The servlet alone, {@code /protected/*} requiring the role {@code user} (every
     * authenticated user, by the server's binding) and MP-JWT as the login method.
     */
    static WebArchive mpJwt() {
        return ShrinkWrap.create(WebArchive.class, MP_JWT + ".war")
                .addClasses(HelloServlet.class, PrincipalServlet.class)
                .setWebXML(Deployments.webXml("""
                          <security-constraint>
                            <web-resource-collection>
                              <web-resource-name>protected</web-resource-name>
                              <url-pattern>/protected/*</url-pattern>
                            </web-resource-collection>
                            <auth-constraint>
                              <role-name>user</role-name>
                            </auth-constraint>
                          </security-constraint>
                          <login-config>
                            <auth-method>MP-JWT</auth-method>
                            <realm-name>authvital-bench</realm-name>
                          </login-config>
                          <security-role>
                            <role-name>user</role-name>
                          </security-role>"""));
    }
}
