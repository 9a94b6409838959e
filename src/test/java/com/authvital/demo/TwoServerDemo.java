package com.authvital.demo;

import com.authvital.standin.StandInIdp;
import com.authvital.testing.ClusterApp;
import com.authvital.testing.Deployments;
import com.authvital.testing.LibertyCluster;
import com.authvital.testing.StandInClient;
import jakarta.json.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The demo on two Open Liberty servers that share one Hazelcast cluster on 127.0.0.1, with the
 * stand-in IdP, in the foreground until Ctrl-C: sign in on one server, see the device listed on
 * the other, sign it out on one and see its token refused on the other. {@code mvn -Pdemo-cluster
 * package} runs it; by hand, after {@code mvn package liberty:install-server}:
 *
 * <pre>
 * java -cp &lt;test class path&gt; -Ddemo.war=target/demo/authvital-demo.war com.authvital.demo.TwoServerDemo \
 *     --wlp target/liberty/wlp --server-xml liberty/cluster/server.xml --war-dir target/demo-cluster
 * </pre>
 *
 * Ports ({@code --a-http 9080 --a-https 9443 --a-hazelcast 5701}, the same for {@code --b-*} with
 * 9081, 9444, 5702, and {@code --idp-port 9180}) can be changed. Ctrl-C stops both servers (their
 * directories stay, under {@code usr/servers/authvital-demo-a} and {@code -b}, logs included).
 */
public final class TwoServerDemo {

    private TwoServerDemo() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        String[] defaults = {"wlp", "target/liberty/wlp", "server-xml", "liberty/cluster/server.xml",
            "war-dir", "target/demo-cluster", "idp-port", String.valueOf(StandInIdp.DEFAULT_PORT),
            "client-id", StandInIdp.DEFAULT_CLIENT_ID, "access-token-lifetime", "60",
            "a-http", "9080", "a-https", "9443", "a-hazelcast", "5701",
            "b-http", "9081", "b-https", "9444", "b-hazelcast", "5702"};
        for (int i = 0; i < defaults.length; i += 2) {
            options.put(defaults[i], defaults[i + 1]);
        }
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length || !args[i].startsWith("--") || !options.containsKey(args[i].substring(2))) {
                System.err.println("usage: TwoServerDemo [--option value]...; options and defaults: " + options);
                System.exit(2);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }

        StandInIdp idp = StandInIdp.start(number(options, "idp-port"), options.get("client-id"));
        // Short-lived access tokens, as in the one-server demo: refreshes happen while someone uses it.
        StandInClient.at(idp.baseUrl()).settings(Json.createObjectBuilder()
                .add("accessTokenLifetimeSeconds", number(options, "access-token-lifetime")).build());
        System.out.println("AuthVital stand-in IdP listening on " + idp.baseUrl());

        List<ClusterApp.Node> nodes = List.of(
                new ClusterApp.Node("authvital-demo-a", number(options, "a-http"), number(options, "a-https"),
                        number(options, "a-hazelcast")),
                new ClusterApp.Node("authvital-demo-b", number(options, "b-http"), number(options, "b-https"),
                        number(options, "b-hazelcast")));
        System.out.println("Starting two Open Liberty servers (a minute or so)...");
        // Its shutdown hook stops both servers on Ctrl-C.
        LibertyCluster cluster = ClusterApp.start(Path.of(options.get("wlp")), Path.of(options.get("server-xml")),
                Path.of(options.get("war-dir")),
                Deployments.demoForCluster("authvital-demo", idp.baseUrl(),
                        Map.of("authvital.client-id", options.get("client-id"))),
                nodes, Map.of());
        System.out.println();
        for (LibertyCluster.Server server : cluster.servers()) {
            System.out.println("  " + server.url("") + "   (" + server.name() + ", log " + server.log() + ")");
        }
        System.out.println("The demo on two servers, one Hazelcast cluster on 127.0.0.1:" + options.get("a-hazelcast")
                + " and " + options.get("b-hazelcast") + ", one stand-in IdP. Sign in on one, see your devices on"
                + " the other. Ctrl-C stops everything.");
        new CountDownLatch(1).await();
    }

    private static int number(Map<String, String> options, String name) {
        try {
            return Integer.parseInt(options.get(name));
        } catch (NumberFormatException e) {
            System.err.println("--" + name + " must be a number, not " + options.get(name));
            System.exit(2);
            return 0;
        }
    }
}
