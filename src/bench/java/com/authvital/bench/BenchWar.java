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
 * {@code /bench-nocache}. {@link #mechanism} at {@code /bench-mechanism} holds the module as a
 * Jakarta Security mechanism instead, no filter mapped. {@link #mpJwt} at {@code /bench-mpjwt}
 * holds no module: Liberty's {@code mpJwt-2.1} protects it ({@code liberty/bench/server.xml}).
 */
final class BenchWar {

    /** The client id of the benchmark's tokens: their audience, also for mpJwt. */
    static final String CLIENT_ID = "authvital-bench";

    /** The file names, as {@code liberty/bench/server.xml} deploys them from {@code bench.dir}. */
    static final String MODULE = "authvital-bench";
    static final String MODULE_WITHOUT_CACHE = "authvital-bench-nocache";
    static final String MECHANISM = "authvital-bench-mechanism";
    static final String MP_JWT = "authvital-bench-mpjwt";

    /** {@code /protected/*} requires {@code role}; Liberty maps a caller's groups to roles of the same name. */
    private static final String CONSTRAINT = """
              <security-constraint>
                <web-resource-collection>
                  <web-resource-name>protected</web-resource-name>
                  <url-pattern>/protected/*</url-pattern>
                </web-resource-collection>
                <auth-constraint>
                  <role-name>%1$s</role-name>
                </auth-constraint>
              </security-constraint>
              %2$s
              <security-role>
                <role-name>%1$s</role-name>
              </security-role>""";

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
     * The module as the application's Jakarta Security mechanism
     * ({@code authvital.jakarta-security.enabled=true}), no filter mapped: {@code /protected/*}
     * requires the role {@code member}, a group of every benchmark token (its {@code tenant_roles},
     * {@link TokenMint}), so that, as behind the filter, every valid token passes.
     */
    static WebArchive mechanism(String idpBaseUrl) {
        return Deployments.app(MECHANISM, Map.of(
                        AuthVitalConfig.HOST, idpBaseUrl,
                        AuthVitalConfig.CLIENT_ID, CLIENT_ID,
                        AuthVitalConfig.JAKARTA_SECURITY, "true"),
                HelloServlet.class, PrincipalServlet.class)
                .setWebXML(Deployments.webXml(CONSTRAINT.formatted("member", "")));
    }

    /**
     * The servlet alone, {@code /protected/*} requiring the role {@code user} (every
     * authenticated user, by the server's binding) and MP-JWT as the login method.
     */
    static WebArchive mpJwt() {
        return ShrinkWrap.create(WebArchive.class, MP_JWT + ".war")
                .addClasses(HelloServlet.class, PrincipalServlet.class)
                .setWebXML(Deployments.webXml(CONSTRAINT.formatted("user", """
                          <login-config>
                            <auth-method>MP-JWT</auth-method>
                            <realm-name>authvital-bench</realm-name>
                          </login-config>""")));
    }
}
