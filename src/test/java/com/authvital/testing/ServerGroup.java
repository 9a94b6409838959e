package com.authvital.testing;

import java.util.List;
import java.util.function.Consumer;

/**
 * What {@link LibertyCluster} and {@link WildFlyCluster} share: their servers, started together
 * and stopped together, by {@link #close()} or, should the tests' JVM end first (Ctrl-C), by a
 * shutdown hook, so that nothing of theirs outlives the run.
 *
 * @param <S> the kind of server
 */
abstract class ServerGroup<S extends Cluster.Server> implements Cluster {

    private final String kind;
    private final List<S> servers;
    private final Thread stopper;

    /** @param kind {@code liberty} or {@code wildfly}: the threads' names */
    ServerGroup(String kind, List<S> servers) {
        this.kind = kind;
        this.servers = servers;
        this.stopper = new Thread(this::stopAll, kind + "-cluster-stop");
    }

    /** Starts one server and waits until it is ready; throws when it does not get there. */
    abstract void start(S server);

    /** Stops one server and waits for it; a server not running is left as it is. */
    abstract void stop(S server);

    /**
     * Writes each server by {@code write}, then starts them together; when any fails, stops them
     * all and throws.
     */
    final void startAll(Consumer<S> write) {
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            servers.forEach(write);
            everyServer(this::start);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The servers, in the order of their specs. */
    @Override
    public List<S> servers() {
        return servers;
    }

    /** Stops every server, together; waits for them. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run
        }
    }

    private void stopAll() {
        everyServer(this::stop);
    }

    /** Runs {@code action} on every server at once; the first failure is thrown once all are done. */
    private void everyServer(Consumer<S> action) {
        ClusterSupport.together(servers, server -> kind + "-" + server.name(), action);
    }
}
